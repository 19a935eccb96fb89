/** A piece of a notice's text: plain words, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; url: string };

// Stops at white space and at full-width punctuation that Chinese text puts right after an address.
const URL_RE = /https?:\/\/[^\s<>"'，。！？；、）】」]+/g;
const TRAILING = /[.,;:!?)\]'"]+$/;

/**
 * Splits notice text (plain text with addresses such as the progress or survey link) into
 * words and links. Only http(s) addresses become links; nothing is ever treated as markup.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(TRAILING, '');
    if (url.length <= 'https://'.length) continue;
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    parts.push({ kind: 'link', url });
    at = m.index + url.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** A link to a page of this service hall (same origin, under /hall) opens in place; others open outside. */
export function hallPathOf(url: string, origin: string): string | null {
  try {
    const u = new URL(url);
    if (u.origin !== origin || !/^\/hall(\/|$)/.test(u.pathname)) return null;
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}
