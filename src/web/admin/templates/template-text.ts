/** Pure helpers for the template editor. */
import type { NoticeTemplate } from './template-types.js';

/** Puts `{{name}}` where the caret is (replacing a selection); returns the new text and where the caret goes. */
export function insertVariable(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  const token = `{{${name}}}`;
  return { text: text.slice(0, a) + token + text.slice(b), caret: a + token.length };
}

export function sameTemplate(a: NoticeTemplate, b: NoticeTemplate): boolean {
  return a.subject === b.subject && a.body === b.body && a.sms === b.sms;
}

/** Which of a template's fields are empty after trimming (the server refuses them on save). */
export function emptyFields(t: NoticeTemplate): Array<keyof NoticeTemplate> {
  return (['subject', 'body', 'sms'] as const).filter((f) => t[f].trim() === '');
}

// The GSM 03.38 basic alphabet (and its extension, which costs two septets): what an SMS can send 160 to a part.
const GSM = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXT = '^{}\\[~]|€';

/**
 * How many SMS parts a text takes: 160 / 153 per part in the GSM alphabet, 70 / 67 once any
 * other character (Chinese, emoji, curly quotes) forces UCS-2. Counted on the rendered text.
 */
export function smsParts(text: string): { length: number; parts: number; unicode: boolean } {
  const chars = [...text];
  const unicode = chars.some((c) => !GSM.includes(c) && !GSM_EXT.includes(c));
  // UCS-2 counts UTF-16 code units (an emoji is two); GSM counts septets (an extension character is two).
  const length = unicode ? text.length : chars.reduce((n, c) => n + (GSM_EXT.includes(c) ? 2 : 1), 0);
  const single = unicode ? 70 : 160;
  const multi = unicode ? 67 : 153;
  const parts = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / multi);
  return { length, parts, unicode };
}
