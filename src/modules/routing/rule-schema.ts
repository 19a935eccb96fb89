/**
 * The rule language, validated by zod: `{id, name, enabled, when: {all|any|not}, then: [actions], stop}`.
 * parseRules() turns every problem into one `rule_invalid` 422 whose details name the rule and
 * the path (`rules[3].when.all[0].field`) with a stable reason code per detail.
 */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { ROLES } from '../auth/principal.js';
import { SEVERITIES } from '../complaints/taxonomy.js';
import { ALL_OPS, FIELD_NAMES, isField, OPS_BY_KIND, specOf, WEEKDAYS, type Field } from './rule-fields.js';

export const RULE_LIMITS = { rules: 500, actions: 20, conditions: 50, depth: 4, listValues: 200, keyword: 60, tags: 20 } as const;

const code = z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9_.:-]*$/i, { message: 'letters, digits, _ . : - only' });
const tag = z.string().trim().min(1).max(40).regex(/^[^,\r\n]+$/, { message: 'must not contain commas or line breaks' });
const keyword = z.string().trim().min(1).max(RULE_LIMITS.keyword);

export type Op = (typeof ALL_OPS)[number];

export interface Condition {
  field: Field;
  op: Op;
  value?: unknown;
  timeZone?: string;
}
export type Group = { all: Node[] } | { any: Node[] } | { not: Node };
export type Node = Condition | Group;

const conditionShape = z
  .object({
    field: z.string(),
    op: z.string(),
    value: z.unknown().optional(),
    timeZone: z.string().max(64).optional(),
  })
  .strict();

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

type Issue = { path: Array<string | number>; reason: string; message: string };

/** The value a (field, op) pair needs; returns a message when it does not fit. */
function checkValue(field: Field, op: string, value: unknown): string | null {
  const spec = specOf(field);
  const enumOk = (v: unknown) => typeof v === 'string' && (!spec.values || spec.values.includes(v));
  const scalarOk = (v: unknown): boolean => {
    switch (spec.kind) {
      case 'enum':
      case 'ordered':
        return enumOk(v);
      case 'code':
        return code.safeParse(v).success;
      case 'number':
        return typeof v === 'number' && Number.isFinite(v);
      case 'score':
        return typeof v === 'number' && v >= 0 && v <= 1;
      case 'hour':
        return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 23;
      case 'weekday':
        return typeof v === 'string' && (WEEKDAYS as readonly string[]).includes(v);
      case 'text':
      case 'tags':
        return false; // list-valued: only contains_* / exists apply
    }
  };
  const expect = spec.values ? `one of ${spec.values.join(', ')}` : spec.kind === 'weekday' ? `one of ${WEEKDAYS.join(', ')}` : spec.kind === 'hour' ? 'an hour 0–23' : spec.kind === 'score' ? 'a number 0–1' : spec.kind === 'number' ? 'a number' : 'a code';
  if (op === 'exists') return typeof value === 'boolean' ? null : 'exists takes true or false';
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(value) || !value.length || value.length > RULE_LIMITS.listValues) return `${op} takes a list of 1–${RULE_LIMITS.listValues} values`;
    const bad: unknown = (value as unknown[]).find((v) => !scalarOk(v));
    return bad === undefined ? null : `${JSON.stringify(bad)} is not ${expect}`;
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(scalarOk)) return `between takes [from, to], each ${expect}`;
    if (spec.kind !== 'hour' && (value[0] as number) > (value[1] as number)) return 'between takes [from, to] with from ≤ to';
    return null;
  }
  if (op.startsWith('contains_')) {
    const item = spec.kind === 'tags' ? tag : keyword;
    if (!Array.isArray(value) || !value.length || value.length > RULE_LIMITS.listValues) return `${op} takes a list of 1–${RULE_LIMITS.listValues} ${spec.kind === 'tags' ? 'tags' : 'keywords'}`;
    const bad: unknown = (value as unknown[]).find((v) => !item.safeParse(v).success);
    return bad === undefined ? null : `${JSON.stringify(bad)} is not a valid ${spec.kind === 'tags' ? 'tag' : 'keyword (1–60 characters)'}`;
  }
  return scalarOk(value) ? null : `value must be ${expect}`;
}

function checkNode(raw: unknown, path: Array<string | number>, depth: number, issues: Issue[], count: { n: number }): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path, reason: 'invalid_condition', message: 'a condition is {field, op, value} or a group {all|any: [...]} / {not: {...}}' });
    return;
  }
  const keys = Object.keys(raw);
  const groupKey = keys.find((k) => k === 'all' || k === 'any' || k === 'not');
  if (groupKey) {
    if (keys.length !== 1) issues.push({ path, reason: 'invalid_condition', message: 'a group has exactly one of all, any, not' });
    if (depth >= RULE_LIMITS.depth) {
      issues.push({ path, reason: 'too_deep', message: `groups nest at most ${RULE_LIMITS.depth} deep` });
      return;
    }
    const inner = (raw as Record<string, unknown>)[groupKey];
    if (groupKey === 'not') return checkNode(inner, [...path, 'not'], depth + 1, issues, count);
    if (!Array.isArray(inner) || !inner.length) {
      issues.push({ path: [...path, groupKey], reason: 'invalid_condition', message: `${groupKey} takes a non-empty list of conditions` });
      return;
    }
    inner.forEach((c, i) => checkNode(c, [...path, groupKey, i], depth + 1, issues, count));
    return;
  }
  if (++count.n > RULE_LIMITS.conditions) {
    if (count.n === RULE_LIMITS.conditions + 1) issues.push({ path, reason: 'too_many_conditions', message: `a rule has at most ${RULE_LIMITS.conditions} conditions` });
    return;
  }
  const parsed = conditionShape.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const keysOf = i.code === 'unrecognized_keys' ? i.keys : [];
      issues.push({
        path: [...path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...keysOf.slice(0, 1)],
        reason: i.code === 'unrecognized_keys' ? 'unknown_key' : 'invalid_condition',
        message: i.code === 'unrecognized_keys' ? `unknown key ${keysOf.map((k) => JSON.stringify(k)).join(', ')} (a condition is {field, op, value, timeZone?})` : i.message,
      });
    }
    return;
  }
  const c = parsed.data;
  if (!isField(c.field)) {
    issues.push({ path: [...path, 'field'], reason: 'unknown_field', message: `unknown field ${JSON.stringify(c.field)}; fields: ${FIELD_NAMES.join(', ')}` });
    return;
  }
  const kind = specOf(c.field).kind;
  if (!OPS_BY_KIND[kind].includes(c.op)) {
    issues.push({ path: [...path, 'op'], reason: 'unknown_op', message: `operator ${JSON.stringify(c.op)} does not apply to ${c.field}; use one of ${OPS_BY_KIND[kind].join(', ')}` });
    return;
  }
  const bad = checkValue(c.field, c.op, c.value);
  if (bad) issues.push({ path: [...path, 'value'], reason: 'invalid_value', message: bad });
  if (c.timeZone !== undefined) {
    if (kind !== 'hour' && kind !== 'weekday') issues.push({ path: [...path, 'timeZone'], reason: 'invalid_value', message: 'timeZone applies to time.hour and time.weekday only' });
    else if (!validTimeZone(c.timeZone)) issues.push({ path: [...path, 'timeZone'], reason: 'invalid_value', message: `unknown time zone ${JSON.stringify(c.timeZone)}` });
  }
}

const severity = z.enum(SEVERITIES);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_department'), department: code }).strict(),
  z.object({ type: z.literal('set_team'), team: code }).strict(),
  z
    .object({
      type: z.literal('assign'),
      strategy: z.enum(['round_robin', 'least_loaded', 'by_skill']),
      // The pool: active users with one of these roles (default agent), optionally of one
      // department ("routed" = the complaint's department at this point of the pass) and team.
      roles: roles.optional(),
      department: code.optional(),
      team: code.optional(),
      skills: z.array(code).min(1).max(20).optional(),
    })
    .strict()
    .refine((a) => a.strategy !== 'by_skill' || a.skills?.length, { message: 'by_skill needs skills', path: ['skills'] }),
  z.object({ type: z.literal('raise_severity'), to: severity }).strict(),
  z.object({ type: z.literal('add_tags'), tags: z.array(tag).min(1).max(RULE_LIMITS.tags) }).strict(),
  z
    .object({
      type: z.literal('notify'),
      users: z.array(z.uuid()).max(50).optional(),
      roles: roles.optional(),
      // With roles: only users of the complaint's department (and those without one).
      sameDepartment: z.boolean().optional(),
      message: z.string().trim().min(1).max(300).optional(),
    })
    .strict()
    .refine((a) => a.users?.length || a.roles?.length, { message: 'notify needs users or roles', path: ['users'] }),
  z.object({ type: z.literal('auto_reply_article'), articleSlug: z.string().trim().min(1).max(120).regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a slug: a-z, 0-9, -' }) }).strict(),
]);
export type Action = z.infer<typeof actionSchema>;
export const ACTION_TYPES = ['set_department', 'set_team', 'assign', 'raise_severity', 'add_tags', 'notify', 'auto_reply_article'] as const;

const ruleShape = z
  .object({
    id: z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'letters, digits, _ . - only' }),
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).optional(),
    enabled: z.boolean().default(true),
    when: z.unknown().optional(),
    then: z.array(z.unknown()).min(1).max(RULE_LIMITS.actions),
    stop: z.boolean().default(false),
  })
  .strict();

export interface Rule {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  /** Absent: the rule always matches. */
  when?: Group;
  then: Action[];
  stop: boolean;
}

const fmtPath = (path: ReadonlyArray<string | number>) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');

function zodReason(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return 'unknown_key';
  if (i.code === 'invalid_union' && i.path.at(-1) === 'type') return 'unknown_action';
  return 'invalid_value';
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a rule must be storable text: PostgreSQL's jsonb refuses \u0000 and broken surrogates. */
function badStrings(v: unknown, path: Array<string | number>, out: Array<Array<string | number>>, depth = 0): void {
  if (out.length >= 10 || depth > 12) return;
  if (typeof v === 'string') {
    if (CONTROL_CHARS.test(v) || LONE_SURROGATE.test(v)) out.push(path);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => badStrings(x, [...path, i], out, depth + 1));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (CONTROL_CHARS.test(k) || LONE_SURROGATE.test(k)) out.push([...path, k]);
      badStrings(x, [...path, k], out, depth + 1);
    }
  }
}

/**
 * Validates a rules array. Returns the normalised rules (defaults filled in) or throws
 * `rule_invalid` listing every problem, each with ruleId, ruleIndex, path and reason.
 */
export function parseRules(raw: unknown): Rule[] {
  const details: ErrorDetail[] = [];
  if (!Array.isArray(raw)) throw new AppError('rule_invalid', 'rules must be a list.', [{ path: 'rules', message: 'must be a list of rules', reason: 'invalid_value' }]);
  if (raw.length > RULE_LIMITS.rules) {
    throw new AppError('rule_invalid', `At most ${RULE_LIMITS.rules} rules.`, [{ path: 'rules', message: `at most ${RULE_LIMITS.rules} rules`, reason: 'too_many_rules' }]);
  }
  const out: Rule[] = [];
  const seen = new Map<string, number>();
  raw.forEach((r, index) => {
    const base: Array<string | number> = ['rules', index];
    const ruleId = r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : null;
    const add = (path: Array<string | number>, reason: string, message: string) =>
      details.push({ path: fmtPath([...base, ...path]), message, reason, ruleId, ruleIndex: index });
    const unstorable: Array<Array<string | number>> = [];
    badStrings(r, [], unstorable);
    if (unstorable.length) {
      for (const path of unstorable) add(path, 'invalid_value', 'must not contain control characters or broken Unicode');
      return;
    }
    const shape = ruleShape.safeParse(r);
    if (!shape.success) {
      for (const i of shape.error.issues) {
        const extra = i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [];
        add([...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...extra], zodReason(i), i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => JSON.stringify(k)).join(', ')}` : i.message);
      }
      return;
    }
    const rule = shape.data;
    if (seen.has(rule.id)) add(['id'], 'duplicate_rule_id', `rule id ${JSON.stringify(rule.id)} is also used by rules[${seen.get(rule.id)}]`);
    seen.set(rule.id, index);
    if (rule.when !== undefined) {
      const issues: Issue[] = [];
      const w = rule.when;
      if (w === null || typeof w !== 'object' || Array.isArray(w) || !Object.keys(w).some((k) => k === 'all' || k === 'any' || k === 'not')) {
        issues.push({ path: [], reason: 'invalid_condition', message: 'when is a group: {all: [...]}, {any: [...]} or {not: {...}}' });
      } else {
        checkNode(w, [], 0, issues, { n: 0 });
      }
      for (const i of issues) add(['when', ...i.path], i.reason, i.message);
    }
    const actions: Action[] = [];
    rule.then.forEach((a, ai) => {
      const type = a && typeof a === 'object' ? (a as { type?: unknown }).type : undefined;
      if (typeof type !== 'string' || !(ACTION_TYPES as readonly string[]).includes(type)) {
        add(['then', ai, 'type'], 'unknown_action', `unknown action ${JSON.stringify(type)}; actions: ${ACTION_TYPES.join(', ')}`);
        return;
      }
      const parsed = actionSchema.safeParse(a);
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const extra = i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [];
          add(['then', ai, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...extra], zodReason(i), i.code === 'unrecognized_keys' ? `unknown key ${i.keys.map((k) => JSON.stringify(k)).join(', ')}` : i.message);
        }
        return;
      }
      actions.push(parsed.data);
    });
    out.push({
      id: rule.id,
      name: rule.name,
      ...(rule.description ? { description: rule.description } : {}),
      enabled: rule.enabled,
      ...(rule.when !== undefined ? { when: rule.when as Group } : {}),
      then: actions,
      stop: rule.stop,
    });
  });
  if (details.length) {
    const first = details[0]!;
    throw new AppError('rule_invalid', `Rule ${first.ruleId ? JSON.stringify(first.ruleId) : `rules[${String(first.ruleIndex)}]`} is invalid at ${first.path}: ${first.message}`, details.slice(0, 100));
  }
  return out;
}

export const isGroup = (n: Node): n is Group => 'all' in n || 'any' in n || 'not' in n;
