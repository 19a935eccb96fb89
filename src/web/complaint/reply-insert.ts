/**
 * Text helpers for putting knowledge-base snippets into a reply: pure, so the rules (where
 * the snippet lands, how long an excerpt may be) are tested without a browser.
 */

export interface Inserted {
  text: string;
  /** Where the caret belongs afterwards: right behind the snippet. */
  cursor: number;
}

/**
 * Replaces the selection [start, end) with `snippet`. The snippet gets lines of its own:
 * a newline is added before it when the caret sits mid-line, and after it when text follows
 * on the same line, so a link never runs into the agent's words.
 */
export function insertAtCursor(text: string, start: number, end: number, snippet: string): Inserted {
  const from = clamp(Math.min(start, end), 0, text.length);
  const to = clamp(Math.max(start, end), 0, text.length);
  // Spaces left dangling at the new line break go.
  let before = text.slice(0, from);
  let after = text.slice(to);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  if (lead) before = before.replace(/[ \t]+$/, '');
  if (trail) after = after.replace(/^[ \t]+/, '');
  const body = `${lead}${snippet}`;
  return { text: `${before}${body}${trail}${after}`, cursor: before.length + body.length };
}

const CJK_END = /[。！？；]/;
const LATIN_END = /[.!?;]/;

/** A sentence ends here: Chinese full stops anywhere, Latin ones only before a space ("3.5" is no end). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  return CJK_END.test(ch) || (LATIN_END.test(ch) && (i + 1 === text.length || text[i + 1] === ' '));
}

/**
 * At most `max` characters of an article excerpt, cut at the last sentence end when one is
 * far enough in, else at a word boundary (English) or anywhere (Chinese has no spaces), with
 * an ellipsis when anything was cut (the server's excerpts may already be cut: "…").
 */
export function shortExcerpt(excerpt: string, max = 140): string {
  const trimmed = excerpt.replace(/\s+/g, ' ').trim();
  const cutBefore = trimmed.endsWith('…');
  const text = cutBefore ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (text.length <= max) return cutBefore && text ? `${text}…` : text;
  for (let i = max - 1; i >= Math.floor(max * 0.4); i--) {
    if (endsSentence(text, i)) return text.slice(0, i + 1);
  }
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.floor(max * 0.6) ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,，、:：]+$/, '')}…`;
}

export interface ArticleRef {
  title: string;
  excerpt: string;
  url: string;
}

/** What goes into the reply: the title, a short excerpt and the public link, one per line. */
export function kbSnippet(a: ArticleRef, max = 140): string {
  const excerpt = shortExcerpt(a.excerpt, max);
  return [a.title.trim(), excerpt, a.url].filter(Boolean).join('\n');
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(n, lo), hi) : hi;
}
