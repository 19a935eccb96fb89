/**
 * The rule language, validated by zod: `{id, name, enabled, when: {all|any|not}, then: [actions], stop}`.
 * parseRules() turns every problem into one `rule_invalid` 422 whose details name the rule and
 * the path (`rules[3].when.all[0].field`) with a stable reason code per detail.
 */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { ROLES } from '../auth/principal.js';
import { SEVERITIES } from '../complaints/taxonomy.js';
import { checkNode, type Issue } from './check-condition.js';
import type { ALL_OPS, Field } from './rule-fields.js';
import { RULE_LIMITS } from './rule-limits.js';

export { RULE_LIMITS };

const code = z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9_.:-]*$/i, { message: 'letters, digits, _ . : - only' });
const tag = z.string().trim().min(1).max(40).regex(/^[^,\r\n]+$/, { message: 'must not contain commas or line breaks' });

export type Op = (typeof ALL_OPS)[number];

export interface Condition {
  field: Field;
  op: Op;
  value?: unknown;
  timeZone?: string;
}
export type Group = { all: Node[] } | { any: Node[] } | { not: Node };
export type Node = Condition | Group;

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
