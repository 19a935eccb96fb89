/**
 * Turns a validated condition tree into a predicate over RoutingState, once per rule set
 * version: per-complaint evaluation is then closure calls and Set lookups only.
 */
import { SEVERITIES } from '../complaints/taxonomy.js';
import { normalise, segmentNormalised } from '../triage/segment.js';
import { DEFAULT_TIME_ZONE, specOf, type Field } from './rule-fields.js';
import type { Condition, Group, Node } from './rule-schema.js';
import { isGroup } from './rule-schema.js';
import type { RoutingState } from './routing-facts.js';

export type Predicate = (s: RoutingState) => boolean;

const HAN = /\p{Script=Han}/u;
const sevRank = (v: unknown) => SEVERITIES.indexOf(v as (typeof SEVERITIES)[number]);

/**
 * A keyword matcher. Chinese keywords match as substrings of the normalised text (jieba cuts a
 * keyword on its own differently from inside a sentence, so token matching would miss); English
 * keywords match whole words after the classifier's stemming (refund ~ refunds, refunded), a
 * phrase as consecutive words.
 */
export function keywordMatcher(keyword: string): (s: RoutingState) => boolean {
  const norm = normalise(keyword).trim();
  const toks = HAN.test(norm) ? [] : segmentNormalised(norm).tokens;
  if (!toks.length) return (s) => s.normText().includes(norm);
  if (toks.length === 1) {
    const t = toks[0]!;
    return (s) => s.tokenLookup().has(t);
  }
  return (s) => {
    const list = s.tokens();
    if (!s.tokenLookup().has(toks[0]!)) return false;
    outer: for (let i = 0; i + toks.length <= list.length; i++) {
      for (let j = 0; j < toks.length; j++) if (list[i + j] !== toks[j]) continue outer;
      return true;
    }
    return false;
  };
}

type Getter = (s: RoutingState) => unknown;

function getter(c: Condition): Getter {
  const tz = c.timeZone ?? DEFAULT_TIME_ZONE;
  const f: Field = c.field;
  switch (f) {
    case 'category': return (s) => s.input.category;
    case 'severity': return (s) => s.severity;
    case 'channel': return (s) => s.input.channel;
    case 'customer.tier': return (s) => s.input.customerTier;
    case 'merchant': return (s) => s.input.merchant;
    case 'department': return (s) => s.department;
    case 'team': return (s) => s.team;
    case 'amount': return (s) => s.input.amount;
    case 'order.status': return (s) => s.input.orderStatus;
    case 'text': return () => null; // keyword ops read the state directly
    case 'emotion.anger': return (s) => s.emotion().anger;
    case 'emotion.urgency': return (s) => s.emotion().urgency;
    case 'emotion.threat': return (s) => s.emotion().threat;
    case 'emotion.intensity': return (s) => s.emotion().intensity;
    case 'time.hour': return (s) => s.localTime(tz).hour;
    case 'time.weekday': return (s) => s.localTime(tz).weekday;
    case 'tags': return (s) => s.tags;
  }
}

function compileCondition(c: Condition): Predicate {
  const kind = specOf(c.field).kind;
  const get = getter(c);
  const v = c.value;
  // Ordered fields compare by rank, numbers by value; a missing value never satisfies a comparison.
  const num = kind === 'ordered' ? sevRank : (x: unknown) => (typeof x === 'number' ? x : NaN);
  const getNum = (s: RoutingState) => {
    const x = get(s);
    return x === null || x === undefined ? NaN : num(x);
  };
  if (kind === 'text' || kind === 'tags') {
    const list = Array.isArray(v) ? (v as string[]) : [];
    const tests = kind === 'text'
      ? list.map(keywordMatcher)
      : list.map((t) => (s: RoutingState) => s.tags.has(t));
    switch (c.op) {
      case 'contains_any': return (s) => tests.some((t) => t(s));
      case 'contains_all': return (s) => tests.every((t) => t(s));
      case 'contains_none': return (s) => !tests.some((t) => t(s));
      case 'exists': return (s) => (s.tags.size > 0) === v;
    }
  }
  switch (c.op) {
    case 'eq': return kind === 'number' ? (s) => getNum(s) === v : (s) => get(s) === v;
    case 'neq': return kind === 'number' ? (s) => getNum(s) !== v : (s) => get(s) !== v;
    case 'in': {
      const set = new Set(v as unknown[]);
      return (s) => set.has(get(s));
    }
    case 'not_in': {
      const set = new Set(v as unknown[]);
      return (s) => !set.has(get(s));
    }
    case 'exists': return (s) => (get(s) !== null && get(s) !== undefined) === v;
    case 'gt': { const x = num(v); return (s) => getNum(s) > x; }
    case 'gte': { const x = num(v); return (s) => getNum(s) >= x; }
    case 'lt': { const x = num(v); return (s) => getNum(s) < x; }
    case 'lte': { const x = num(v); return (s) => getNum(s) <= x; }
    case 'between': {
      const [lo, hi] = (v as unknown[]).map(num) as [number, number];
      // Hours are [from, to) and may wrap past midnight (22 → 6); other fields are inclusive.
      if (kind === 'hour') return lo <= hi ? (s) => { const h = getNum(s); return h >= lo && h < hi; } : (s) => { const h = getNum(s); return h >= lo || h < hi; };
      return (s) => { const x = getNum(s); return x >= lo && x <= hi; };
    }
  }
  throw new Error(`operator ${c.op} not compiled for ${c.field}`); // parseRules() refuses these first
}

export function compileNode(n: Node): Predicate {
  if (!isGroup(n)) return compileCondition(n);
  const g: Group = n;
  if ('not' in g) {
    const inner = compileNode(g.not);
    return (s) => !inner(s);
  }
  const parts = ('all' in g ? g.all : g.any).map(compileNode);
  if (parts.length === 1) return parts[0]!;
  return 'all' in g ? (s) => parts.every((p) => p(s)) : (s) => parts.some((p) => p(s));
}
