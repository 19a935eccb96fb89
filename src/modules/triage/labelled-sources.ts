/**
 * Several labelled sources for one model: a label mapping (a source's own labels onto the
 * model's), text preparation that makes an auxiliary source look like the primary one, and a
 * leakage filter that drops auxiliary texts which are the same document as a primary one (so an
 * evaluation on the primary rows never trains on a copy of a test row).
 */
import { stem } from './segment.js';

export interface LabelledText {
  text: string;
  label: string;
}

/** A source's labels → the model's labels; labels missing from the mapping are dropped. */
export type LabelMap = Readonly<Record<string, string>>;

/**
 * Maps labels; rows whose label the mapping lacks are dropped (counted by label). A label is
 * matched as written, then trimmed and case-insensitively.
 */
export function mapLabels(items: readonly LabelledText[], map: LabelMap): { items: LabelledText[]; unmapped: Record<string, number> } {
  const folded = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) folded.set(from.trim().toLowerCase(), to);
  const out: LabelledText[] = [];
  const unmapped: Record<string, number> = {};
  for (const it of items) {
    const to = map[it.label] ?? folded.get(it.label.trim().toLowerCase());
    if (to === undefined || to === '') unmapped[it.label] = (unmapped[it.label] ?? 0) + 1;
    else out.push({ text: it.text, label: to });
  }
  return { items: out, unmapped };
}

/** Parses and checks a label mapping (a JSON object of strings). */
export function parseLabelMap(json: string): LabelMap {
  const o: unknown = JSON.parse(json);
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('a label mapping is a JSON object { "source label": "model label" }');
  for (const [k, v] of Object.entries(o)) if (typeof v !== 'string') throw new Error(`label mapping: the value of "${k}" is not a string`);
  return o as LabelMap;
}

/**
 * NLTK's English stop-word list (the one commonly used to prepare the Kaggle / CFPB
 * "complaints_processed" texts): unlike the classifier's own list it removes "not" and "no",
 * keeps "would" and "could".
 */
const NLTK_STOP = new Set(
  ("i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his himself she " +
    "she's her hers herself it it's its itself they them their theirs themselves what which who whom this that that'll these " +
    'those am is are was were be been being have has had having do does did doing a an the and but if or because as until ' +
    'while of at by for with about against between into through during before after above below to from up down in out on off ' +
    'over under again further then once here there when where why how all any both each few more most other some such no nor ' +
    "not only own same so than too very s t can will just don don't should should've now d ll m o re ve y ain aren aren't " +
    "couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn mightn't mustn " +
    "mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't wouldn wouldn't").split(/\s+/),
);

/** Text preparations a source can ask for. */
export type TextPreparation = 'none' | 'lowercase-nostop';
export const TEXT_PREPARATIONS: readonly TextPreparation[] = ['none', 'lowercase-nostop'];

/**
 * 'lowercase-nostop': the preparation of the CFPB benchmark's narratives, as far as it shows in
 * them — lower-case, words only (digits, punctuation and "XXXX" redactions gone), English stop
 * words removed (NLTK's list; "can't" → "ca", as NLTK's tokenizer splits it, "us" → "u" as its
 * lemmatizer turns it). The benchmark also lemmatised nouns; the classifier's stemmer merges
 * those forms anyway, so that step is not imitated.
 */
export function prepareText(text: string, how: TextPreparation): string {
  if (how === 'none') return text;
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  for (const m of lower.matchAll(/[a-z]+(?:'[a-z]+)*/g)) {
    let w = m[0];
    if (/^x{2,}$/.test(w)) continue; // redaction
    if (w.endsWith("n't")) w = w.slice(0, -3);
    else if (NLTK_STOP.has(w)) continue;
    w = w.replace(/'s$/, '').replace(/'/g, '');
    if (!w || NLTK_STOP.has(w)) continue;
    out.push(w === 'us' ? 'u' : w);
  }
  return out.join(' ');
}

/** The comparison form of a text for the leakage filter: lower-case word stems, stop words and redactions gone. */
export function comparisonTokens(text: string): string[] {
  return prepareText(text, 'lowercase-nostop')
    .split(' ')
    .filter((w) => w.length > 1)
    .map(stem);
}

export interface DuplicateOptions {
  /** Token-set Jaccard at or above this is the same document (default 0.8). */
  jaccard?: number;
  /** The same first n comparison tokens is the same document (default 20; texts shorter than n must be equal). */
  prefixTokens?: number;
  /**
   * Containment: the shorter text's distinct tokens found in the longer at or above this share
   * is the same document (default 0.8) — a form letter sent again with a few words changed or
   * added (another credit bureau's name, an account number) — when the shorter has at least
   * containmentMinTokens distinct tokens (default 12) and the longer at most
   * containmentMaxRatio times as many (default 3: a long letter covers a short text's words by chance).
   */
  containment?: number;
  containmentMinTokens?: number;
  containmentMaxRatio?: number;
}

export interface DuplicateMatch {
  /** Index in the candidate list. */
  index: number;
  /** Index of the reference text it duplicates. */
  reference: number;
  reason: 'jaccard' | 'containment' | 'prefix';
  jaccard: number;
}

/**
 * Candidates that are the same document as a reference text (after normalisation by
 * comparisonTokens): token-set Jaccard ≥ opts.jaccard, or containment ≥ opts.containment (see
 * DuplicateOptions), or the same first opts.prefixTokens tokens. Candidate sets are compared
 * only with references sharing a token (an inverted index).
 */
export function findDuplicates(candidates: readonly string[], references: readonly string[], opts: DuplicateOptions = {}): DuplicateMatch[] {
  const threshold = opts.jaccard ?? 0.8;
  const prefixN = opts.prefixTokens ?? 20;
  const containment = opts.containment ?? 0.8;
  const containmentMin = opts.containmentMinTokens ?? 12;
  const containmentRatio = opts.containmentMaxRatio ?? 3;
  const refTokens = references.map(comparisonTokens);
  const refSets = refTokens.map((t) => new Set(t));
  const prefixKey = (t: string[]) => (t.length ? t.slice(0, prefixN).join(' ') : null);
  const refPrefix = new Map<string, number>();
  refTokens.forEach((t, i) => {
    const k = prefixKey(t);
    if (k !== null && !refPrefix.has(k)) refPrefix.set(k, i);
  });
  const postings = new Map<string, number[]>();
  refSets.forEach((s, i) => {
    for (const w of s) {
      const p = postings.get(w);
      if (p) p.push(i);
      else postings.set(w, [i]);
    }
  });
  const out: DuplicateMatch[] = [];
  candidates.forEach((text, index) => {
    const toks = comparisonTokens(text);
    const set = new Set(toks);
    let best = { reference: -1, jaccard: 0 };
    let contained: { reference: number; jaccard: number } | null = null;
    if (set.size) {
      // Count overlaps through the postings.
      const overlap = new Map<number, number>();
      for (const w of set) for (const r of postings.get(w) ?? []) overlap.set(r, (overlap.get(r) ?? 0) + 1);
      for (const [r, inter] of overlap) {
        const refSize = refSets[r]!.size;
        const j = inter / (set.size + refSize - inter);
        if (j > best.jaccard) best = { reference: r, jaccard: j };
        const small = Math.min(set.size, refSize);
        const large = Math.max(set.size, refSize);
        if (!contained && small >= containmentMin && large <= containmentRatio * small && inter / small >= containment) contained = { reference: r, jaccard: j };
      }
    }
    if (best.reference >= 0 && best.jaccard >= threshold) {
      out.push({ index, reference: best.reference, reason: 'jaccard', jaccard: best.jaccard });
      return;
    }
    if (contained) {
      out.push({ index, reference: contained.reference, reason: 'containment', jaccard: contained.jaccard });
      return;
    }
    const k = prefixKey(toks);
    const r = k === null ? undefined : refPrefix.get(k);
    if (r !== undefined) out.push({ index, reference: r, reason: 'prefix', jaccard: best.reference === r ? best.jaccard : 0 });
  });
  return out;
}

/** The candidates without those findDuplicates matches against the references. */
export function dropDuplicates<T extends LabelledText>(candidates: readonly T[], references: readonly LabelledText[], opts?: DuplicateOptions): { kept: T[]; dropped: DuplicateMatch[] } {
  const dropped = findDuplicates(candidates.map((c) => c.text), references.map((r) => r.text), opts);
  const gone = new Set(dropped.map((d) => d.index));
  return { kept: candidates.filter((_, i) => !gone.has(i)), dropped };
}
