import { segment } from '../triage/segment.js';

/** Only plain words become lexemes, so a token can be quoted into a tsquery without escaping. */
const WORD = /^[\p{L}\p{N}]+$/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
const MAX_QUERY_TOKENS = 32;

/**
 * Search words of a text, the same way for articles and queries: jieba words for Chinese,
 * lower-case stems for English (segment() from triage), without stop words or numbers, plus
 * the two-character runs of Chinese text — jieba may cut 到账 into 到 + 账 in one sentence and
 * keep it whole in another, and the bigram still matches both ways.
 */
export function searchTokens(text: string): string[] {
  const seg = segment(text);
  const out = seg.tokens.filter((t) => WORD.test(t));
  for (const run of seg.hanRuns) for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

export interface QueryTerms {
  /** Words the query is about (jieba words of two or more characters, English stems). */
  words: string[];
  /** Everything matched against the index: the words plus bigrams around single characters jieba left. */
  all: string[];
}

/**
 * A query's terms. Coverage (how many of the words an article has) is judged on `words` only,
 * so filler bigrams such as 的订 never count towards "this article answers the question".
 */
export function queryTerms(q: string): QueryTerms {
  const seg = segment(q);
  const tokens = seg.tokens.filter((t) => WORD.test(t));
  const words = [...new Set(tokens.filter((t) => !HAN_CHAR.test(t)))];
  const singles = new Set(tokens.filter((t) => HAN_CHAR.test(t)));
  const extra: string[] = [];
  for (const run of seg.hanRuns) {
    for (let i = 0; i + 1 < run.length; i++) {
      if (singles.has(run[i]!) || singles.has(run[i + 1]!)) extra.push(run.slice(i, i + 2));
    }
  }
  const all = [...new Set([...words, ...extra])].slice(0, MAX_QUERY_TOKENS);
  return { words: words.length ? words.slice(0, MAX_QUERY_TOKENS) : all, all };
}

/** `'退款' | 'refund'`: any word matches; ranking prefers articles that match more of them. */
export function orQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t}'`).join(' | ');
}
