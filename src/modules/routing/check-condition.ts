/**
 * Checks one condition tree of a rule: structure (groups all / any / not, bounded depth and
 * size), the closed field list, the operators each field allows and the value each needs.
 * Problems are collected, not thrown, so one response can list them all.
 */
import { z } from 'zod';
import { FIELD_NAMES, isField, OPS_BY_KIND, specOf, WEEKDAYS, type Field } from './rule-fields.js';
import { RULE_LIMITS } from './rule-limits.js';

const code = z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9_.:-]*$/i, { message: 'letters, digits, _ . : - only' });
const tag = z.string().trim().min(1).max(40).regex(/^[^,\r\n]+$/, { message: 'must not contain commas or line breaks' });
const keyword = z.string().trim().min(1).max(RULE_LIMITS.keyword);

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

export type Issue = { path: Array<string | number>; reason: string; message: string };

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

export function checkNode(raw: unknown, path: Array<string | number>, depth: number, issues: Issue[], count: { n: number }): void {
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
