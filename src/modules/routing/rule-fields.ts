/**
 * The routing rule vocabulary: the closed list of fields a condition may test and the
 * operators each kind of field accepts. Anything else is refused when a rule set is saved.
 */
import { CATEGORIES, CHANNELS, SEVERITIES } from '../complaints/taxonomy.js';

export const ORDER_STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export const CUSTOMER_TIERS = ['normal', 'vip'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * enum: one of a fixed set; ordered: an enum with a rank (severity); code: free code that may be
 * absent (merchant, department, team); number: may be absent (amount); score: 0–1 (emotion);
 * text: keywords in subject + description; tags: the complaint's tags; hour / weekday: local time.
 */
export type FieldKind = 'enum' | 'ordered' | 'code' | 'number' | 'score' | 'text' | 'tags' | 'hour' | 'weekday';

export interface FieldSpec {
  kind: FieldKind;
  values?: readonly string[];
  /** Routing actions can change this field, so later rules see the change (loop analysis uses it). */
  writable?: boolean;
}

export const FIELDS = {
  category: { kind: 'enum', values: CATEGORIES },
  severity: { kind: 'ordered', values: SEVERITIES, writable: true },
  channel: { kind: 'enum', values: CHANNELS },
  'customer.tier': { kind: 'enum', values: CUSTOMER_TIERS },
  merchant: { kind: 'code' },
  department: { kind: 'code', writable: true },
  team: { kind: 'code', writable: true },
  amount: { kind: 'number' },
  'order.status': { kind: 'enum', values: ORDER_STATUSES },
  text: { kind: 'text' },
  'emotion.anger': { kind: 'score' },
  'emotion.urgency': { kind: 'score' },
  'emotion.threat': { kind: 'score' },
  'emotion.intensity': { kind: 'score' },
  'time.hour': { kind: 'hour' },
  'time.weekday': { kind: 'weekday' },
  tags: { kind: 'tags', writable: true },
} as const satisfies Record<string, FieldSpec>;

export type Field = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as Field[];

export const OPS_BY_KIND: Record<FieldKind, readonly string[]> = {
  enum: ['eq', 'neq', 'in', 'not_in', 'exists'],
  ordered: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
  code: ['eq', 'neq', 'in', 'not_in', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  score: ['gt', 'gte', 'lt', 'lte', 'between'],
  text: ['contains_any', 'contains_all', 'contains_none'],
  tags: ['contains_any', 'contains_all', 'contains_none', 'exists'],
  // between [from, to): 22→6 wraps past midnight
  hour: ['eq', 'in', 'not_in', 'gte', 'lt', 'between'],
  weekday: ['eq', 'neq', 'in', 'not_in'],
};

export const ALL_OPS = [...new Set(Object.values(OPS_BY_KIND).flat())];

export const isField = (f: string): f is Field => Object.hasOwn(FIELDS, f);

export function specOf(f: Field): FieldSpec {
  return FIELDS[f];
}

/** Time conditions are read in this zone unless they name their own (the seeds are Chinese). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
