/** Pure helpers for the "add a category" form; the server checks the same rules (category-schema.ts). */
import { CATEGORY_CODE_PATTERN as CODE } from '../../../modules/complaints/taxonomy.js';

/** category-schema.ts's MIN_EXAMPLES (that module brings zod, which the browser bundle does without). */
export const MIN_EXAMPLES = 5;

/** One example per line: trimmed, blank lines dropped, repeats (ignoring case) kept once, as the server stores them. */
export function parseExamples(text: string): string[] {
  const seen = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line && !seen.has(line.toLowerCase())) seen.set(line.toLowerCase(), line);
  }
  return [...seen.values()];
}

/** A code proposed from an English name ("Installation service" → "installation_service"); '' when none fits. */
export function suggestCode(name: string): string {
  const code = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return CODE.test(code) ? code : '';
}

export function isValidCode(code: string): boolean {
  return CODE.test(code);
}
