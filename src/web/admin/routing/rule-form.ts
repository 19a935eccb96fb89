/**
 * The draft editor's model. Common rules (conditions joined by all / any, the usual actions)
 * are edited in a structured form; anything else (nested groups, not, time zones, notify by
 * user id, unknown keys) stays a JSON text the server validates. Pure, unit-tested.
 */
import { ROLES, type Role } from '../../../modules/auth/principal.js';
import { FIELDS, OPS_BY_KIND, type Field } from '../../../modules/routing/rule-fields.js';
import { SEVERITIES, type Severity } from '../../types.js';

export const ACTION_TYPES = ['set_department', 'set_team', 'assign', 'raise_severity', 'add_tags', 'notify', 'auto_reply_article'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const STRATEGIES = ['round_robin', 'least_loaded', 'by_skill'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export { ROLES, type Role };

export const FIELD_LIST = Object.keys(FIELDS) as Field[];
export const kindOf = (f: Field) => FIELDS[f].kind;
export const opsFor = (f: Field): readonly string[] => OPS_BY_KIND[kindOf(f)];
/** The allowed values of an enum-like field (category, channel, weekday…), or null for free input. */
export function choicesFor(f: Field): readonly string[] | null {
  const spec = FIELDS[f] as { kind: string; values?: readonly string[] };
  if (spec.values) return spec.values;
  if (spec.kind === 'weekday') return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return null;
}

/** A condition row. List values are one comma-separated text; `between` uses value and value2. */
export interface ConditionForm {
  field: Field;
  op: string;
  value: string;
  value2: string;
}

/** One flat shape for every action type; only the fields of `type` are used. */
export interface ActionForm {
  type: ActionType;
  department: string;
  team: string;
  strategy: Strategy;
  roles: Role[];
  skills: string;
  to: Severity;
  tags: string;
  sameDepartment: boolean;
  message: string;
  articleSlug: string;
}

export interface RuleForm {
  id: string;
  /** A new rule's id follows its name until the admin edits the id. */
  autoId: boolean;
  name: string;
  description: string;
  enabled: boolean;
  stop: boolean;
  match: 'all' | 'any';
  conditions: ConditionForm[];
  actions: ActionForm[];
}

export type DraftRule =
  | { key: string; kind: 'form'; form: RuleForm }
  | { key: string; kind: 'json'; text: string };

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const isNumericKind = (f: Field) => ['number', 'score', 'hour'].includes(kindOf(f));
const isListOp = (op: string) => op === 'in' || op === 'not_in' || op.startsWith('contains_');

/** Splits "a, b，c" (ASCII or full-width commas, or new lines) into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean);
}

/** A number where the text is one; otherwise the text itself, so the server names the bad value. */
function scalar(f: Field, text: string): unknown {
  const t = text.trim();
  if (!isNumericKind(f)) return t;
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

export function conditionToRule(c: ConditionForm): { field: Field; op: string; value: unknown } {
  let value: unknown;
  if (c.op === 'exists') value = c.value !== 'false';
  else if (c.op === 'between') value = [scalar(c.field, c.value), scalar(c.field, c.value2)];
  else if (isListOp(c.op)) value = splitList(c.value).map((v) => scalar(c.field, v));
  else value = scalar(c.field, c.value);
  return { field: c.field, op: c.op, value };
}

/** The form row for a stored condition, or null when the form cannot show it faithfully. */
export function conditionToForm(raw: unknown): ConditionForm | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const c = raw as Record<string, unknown>;
  if (Object.keys(c).some((k) => k !== 'field' && k !== 'op' && k !== 'value')) return null;
  if (typeof c.field !== 'string' || !Object.hasOwn(FIELDS, c.field) || typeof c.op !== 'string') return null;
  const field = c.field as Field;
  if (!opsFor(field).includes(c.op)) return null;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  const v = c.value;
  if (c.op === 'exists') return typeof v === 'boolean' ? { field, op: c.op, value: String(v), value2: '' } : null;
  if (c.op === 'between') {
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [a, b] = [text(v[0]), text(v[1])];
    return a === null || b === null ? null : { field, op: c.op, value: a, value2: b };
  }
  if (isListOp(c.op)) {
    if (!Array.isArray(v)) return null;
    const items = v.map(text);
    // A keyword holding a comma would be split in two by the list input.
    if (items.some((i) => i === null || /[,，\n]/.test(i))) return null;
    return { field, op: c.op, value: items.join(', '), value2: '' };
  }
  const t = text(v);
  return t === null ? null : { field, op: c.op, value: t, value2: '' };
}

export function newCondition(field: Field = 'text'): ConditionForm {
  const op = opsFor(field)[0]!;
  return { field, op, value: defaultValue(field, op), value2: '' };
}

function defaultValue(field: Field, op: string): string {
  if (op === 'exists') return 'true';
  const choices = choicesFor(field);
  return choices && !isListOp(op) ? choices[0]! : '';
}

/** A field change starts the row afresh (newCondition); an operator change keeps the value where it still fits. */
export function changeOp(c: ConditionForm, op: string): ConditionForm {
  if (op === 'exists') return { ...c, op, value: 'true', value2: '' };
  if (c.op === 'exists') return { ...c, op, value: defaultValue(c.field, op), value2: '' };
  return { ...c, op };
}

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

const KNOWN_ACTION_KEYS: Record<ActionType, readonly string[]> = {
  set_department: ['department'],
  set_team: ['team'],
  assign: ['strategy', 'roles', 'department', 'team', 'skills'],
  raise_severity: ['to'],
  add_tags: ['tags'],
  notify: ['roles', 'sameDepartment', 'message'],
  auto_reply_article: ['articleSlug'],
};

export function newAction(type: ActionType = 'set_department'): ActionForm {
  return {
    type, department: '', team: '', strategy: 'least_loaded', roles: type === 'notify' ? ['supervisor'] : ['agent'], skills: '',
    to: 'serious', tags: '', sameDepartment: false, message: '', articleSlug: '',
  };
}

const ifSet = <K extends string>(key: K, v: string) => (v.trim() ? ({ [key]: v.trim() } as Record<K, string>) : {});

export function actionToRule(a: ActionForm): Record<string, unknown> {
  switch (a.type) {
    case 'set_department': return { type: a.type, department: a.department.trim() };
    case 'set_team': return { type: a.type, team: a.team.trim() };
    case 'raise_severity': return { type: a.type, to: a.to };
    case 'add_tags': return { type: a.type, tags: splitList(a.tags) };
    case 'auto_reply_article': return { type: a.type, articleSlug: a.articleSlug.trim() };
    case 'assign': {
      const skills = splitList(a.skills);
      return {
        type: a.type, strategy: a.strategy, ...(a.roles.length ? { roles: a.roles } : {}), ...ifSet('department', a.department),
        ...ifSet('team', a.team), ...(skills.length ? { skills } : {}),
      };
    }
    case 'notify':
      return { type: a.type, roles: a.roles, ...(a.sameDepartment ? { sameDepartment: true } : {}), ...ifSet('message', a.message) };
  }
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);

/** The form for a stored action, or null when it uses what the form does not offer (notify by user id…). */
export function actionToForm(raw: unknown): ActionForm | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const a = raw as Record<string, unknown>;
  const type = a.type;
  if (typeof type !== 'string' || !(ACTION_TYPES as readonly string[]).includes(type)) return null;
  const t = type as ActionType;
  if (Object.keys(a).some((k) => k !== 'type' && !KNOWN_ACTION_KEYS[t].includes(k))) return null;
  const f = newAction(t);
  const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : null);
  const list = (v: unknown) => (v === undefined ? [] : strings(v));
  const department = str(a.department);
  const team = str(a.team);
  const message = str(a.message);
  const articleSlug = str(a.articleSlug);
  const roles = list(a.roles);
  const skills = list(a.skills);
  const tags = list(a.tags);
  if (department === null || team === null || message === null || articleSlug === null || !roles || !skills || !tags) return null;
  if (!roles.every((r) => (ROLES as readonly string[]).includes(r))) return null;
  if ([...skills, ...tags].some((x) => /[,，\n]/.test(x))) return null;
  if (t === 'assign' && !(STRATEGIES as readonly unknown[]).includes(a.strategy)) return null;
  if (t === 'raise_severity' && !(SEVERITIES as readonly unknown[]).includes(a.to)) return null;
  if (a.sameDepartment !== undefined && typeof a.sameDepartment !== 'boolean') return null;
  return {
    ...f, department, team, message, articleSlug, skills: skills.join(', '), tags: tags.join(', '),
    roles: t === 'assign' || t === 'notify' ? (roles as Role[]) : f.roles,
    strategy: t === 'assign' ? (a.strategy as Strategy) : f.strategy,
    to: t === 'raise_severity' ? (a.to as Severity) : f.to,
    sameDepartment: a.sameDepartment === true,
  };
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

const RULE_KEYS = ['id', 'name', 'description', 'enabled', 'when', 'then', 'stop'];

export function formToRule(f: RuleForm): Record<string, unknown> {
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    enabled: f.enabled,
    // No condition: the rule always matches (the engine's meaning of an absent `when`).
    ...(f.conditions.length ? { when: { [f.match]: f.conditions.map(conditionToRule) } } : {}),
    then: f.actions.map(actionToRule),
    stop: f.stop,
  };
}

/** The structured form of a rule, or null when only the JSON editor can show it faithfully. */
export function ruleToForm(raw: unknown): RuleForm | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (Object.keys(r).some((k) => !RULE_KEYS.includes(k))) return null;
  if (typeof r.id !== 'string' || typeof r.name !== 'string') return null;
  if (r.description !== undefined && typeof r.description !== 'string') return null;
  if (r.enabled !== undefined && typeof r.enabled !== 'boolean') return null;
  if (r.stop !== undefined && typeof r.stop !== 'boolean') return null;
  let match: 'all' | 'any' = 'all';
  let conditions: ConditionForm[] = [];
  if (r.when !== undefined) {
    const w = r.when as Record<string, unknown> | null;
    if (!w || typeof w !== 'object' || Object.keys(w).length !== 1) return null;
    const key = Object.keys(w)[0];
    if (key !== 'all' && key !== 'any') return null;
    const list = w[key];
    if (!Array.isArray(list) || !list.length) return null;
    const rows = list.map(conditionToForm);
    if (rows.some((c) => c === null)) return null;
    match = key;
    conditions = rows as ConditionForm[];
  }
  if (!Array.isArray(r.then)) return null;
  const actions = r.then.map(actionToForm);
  if (actions.some((a) => a === null)) return null;
  return {
    id: r.id, autoId: false, name: r.name, description: r.description ?? '', enabled: r.enabled !== false,
    stop: r.stop === true, match, conditions, actions: actions as ActionForm[],
  };
}

/** A rule id from its name ("Broken screen → quality" → "broken-screen-quality"), unique among `taken`. */
export function ruleIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || 'rule';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function newRule(taken: ReadonlySet<string>): RuleForm {
  return {
    id: ruleIdFor('', taken), autoId: true, name: '', description: '', enabled: true, stop: false, match: 'all',
    conditions: [newCondition('text')], actions: [newAction('set_department')],
  };
}

/** Renaming a rule whose id was never edited moves its id along. */
export function renameRule(f: RuleForm, name: string, taken: ReadonlySet<string>): RuleForm {
  if (!f.autoId) return { ...f, name };
  const others = new Set([...taken].filter((id) => id !== f.id));
  return { ...f, name, id: ruleIdFor(name, others) };
}

// ---------------------------------------------------------------------------
// Draft list
// ---------------------------------------------------------------------------

let keySeq = 0;
const nextKey = () => `r${++keySeq}`;

/** The editable draft for a stored rule list: form where possible, JSON otherwise. */
export function draftFromRules(rules: readonly unknown[]): DraftRule[] {
  return rules.map((r) => {
    const form = ruleToForm(r);
    return form ? { key: nextKey(), kind: 'form', form } : { key: nextKey(), kind: 'json', text: JSON.stringify(r, null, 2) };
  });
}

export function draftRule(form: RuleForm): DraftRule {
  return { key: nextKey(), kind: 'form', form };
}

export function ruleIdOf(d: DraftRule): string | null {
  if (d.kind === 'form') return d.form.id;
  try {
    const v = JSON.parse(d.text) as { id?: unknown } | null;
    return v && typeof v.id === 'string' ? v.id : null;
  } catch {
    return null;
  }
}

/** The rules array to send, or the draft rules whose JSON does not parse (keyed by draft key). */
export function draftToRules(draft: readonly DraftRule[]): { rules: unknown[]; badJson: Record<string, string> } {
  const badJson: Record<string, string> = {};
  const rules = draft.map((d) => {
    if (d.kind === 'form') return formToRule(d.form);
    try {
      return JSON.parse(d.text) as unknown;
    } catch (err) {
      badJson[d.key] = err instanceof Error ? err.message : String(err);
      return null;
    }
  });
  return { rules, badJson };
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}
