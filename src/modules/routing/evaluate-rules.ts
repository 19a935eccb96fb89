/**
 * The rule engine: one ordered pass over the enabled rules. A rule that matches applies its
 * actions to the routing state at once, so later rules see earlier rules' effects; no rule
 * runs twice, so evaluation always terminates (self-re-triggering rules are also refused when
 * saved, see rule-loops.ts). Pure: the database work an outcome implies is in apply-routing.ts.
 */
import { SEVERITIES, type Severity } from '../complaints/taxonomy.js';
import type { Role } from '../auth/principal.js';
import { compileNode, type Predicate } from './compile-conditions.js';
import type { Action, Rule } from './rule-schema.js';
import { RoutingState, type RoutingInput } from './routing-facts.js';

export interface CompiledRule {
  id: string;
  name: string;
  enabled: boolean;
  stop: boolean;
  when: Predicate | null;
  then: Action[];
}

export interface CompiledRuleSet {
  /** null for the built-in defaults used before any version is stored. */
  id: string | null;
  version: number;
  rules: CompiledRule[];
  /** Set when this stands in for an active version that could not be read. */
  problem?: string;
}

export function compileRuleSet(id: string | null, version: number, rules: readonly Rule[]): CompiledRuleSet {
  return {
    id,
    version,
    rules: rules.map((r) => ({ id: r.id, name: r.name, enabled: r.enabled, stop: r.stop, when: r.when ? compileNode(r.when) : null, then: r.then })),
  };
}

export interface AssignIntent {
  ruleId: string;
  strategy: 'round_robin' | 'least_loaded' | 'by_skill';
  roles: Role[];
  /** Department code of the pool, or null for any department. */
  department: string | null;
  team: string | null;
  skills: string[];
}

export interface NotifyIntent {
  ruleId: string;
  ruleName: string;
  users: string[];
  roles: Role[];
  /** With roles: limited to users of this department (plus those without one). */
  department: string | null;
  message: string | null;
}

export interface FiredRule {
  ruleId: string;
  name: string;
  actions: Array<Record<string, unknown>>;
}

export interface RoutingOutcome {
  department: string | null;
  /** The rule that set the department last, or null when the taxonomy default stands. */
  departmentRule: { id: string; name: string } | null;
  team: string | null;
  severity: Severity;
  tags: string[];
  tagsAdded: string[];
  assign: AssignIntent | null;
  notify: NotifyIntent[];
  autoReplies: Array<{ ruleId: string; articleSlug: string }>;
  fired: FiredRule[];
  stoppedBy: string | null;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** Applies one action to the state; returns what it did, for the event and the dry run. */
function apply(rule: CompiledRule, a: Action, s: RoutingState, out: RoutingOutcome): Record<string, unknown> {
  switch (a.type) {
    case 'set_department': {
      const from = s.department;
      s.department = a.department;
      out.departmentRule = { id: rule.id, name: rule.name };
      return { type: a.type, department: a.department, changed: from !== a.department };
    }
    case 'set_team': {
      const from = s.team;
      s.team = a.team;
      return { type: a.type, team: a.team, changed: from !== a.team };
    }
    case 'raise_severity': {
      const from = s.severity;
      // Never lowers: a rule asking for less than the complaint already has changes nothing.
      if (rank(a.to) > rank(from)) s.severity = a.to;
      return { type: a.type, to: a.to, from, changed: s.severity !== from };
    }
    case 'add_tags': {
      const added = a.tags.filter((t) => !s.tags.has(t));
      for (const t of added) s.tags.add(t);
      return { type: a.type, tags: a.tags, added };
    }
    case 'assign': {
      const department = a.department === 'routed' ? s.department : (a.department ?? null);
      out.assign = { ruleId: rule.id, strategy: a.strategy, roles: a.roles ?? ['agent'], department, team: a.team ?? null, skills: a.skills ?? [] };
      return { type: a.type, strategy: a.strategy, department, team: a.team ?? null, skills: a.skills ?? [] };
    }
    case 'notify': {
      const department = a.sameDepartment ? s.department : null;
      out.notify.push({ ruleId: rule.id, ruleName: rule.name, users: a.users ?? [], roles: a.roles ?? [], department, message: a.message ?? null });
      return { type: a.type, users: a.users ?? [], roles: a.roles ?? [], department };
    }
    case 'auto_reply_article':
      out.autoReplies.push({ ruleId: rule.id, articleSlug: a.articleSlug });
      return { type: a.type, articleSlug: a.articleSlug };
  }
}

/** Evaluates a compiled rule set on one complaint. */
export function evaluateRules(set: CompiledRuleSet, input: RoutingInput): RoutingOutcome {
  const s = new RoutingState(input);
  const out: RoutingOutcome = {
    department: null, departmentRule: null, team: null, severity: input.severity, tags: [], tagsAdded: [],
    assign: null, notify: [], autoReplies: [], fired: [], stoppedBy: null,
  };
  for (const rule of set.rules) {
    if (!rule.enabled) continue;
    if (rule.when && !rule.when(s)) continue;
    out.fired.push({ ruleId: rule.id, name: rule.name, actions: rule.then.map((a) => apply(rule, a, s, out)) });
    if (rule.stop) {
      out.stoppedBy = rule.id;
      break;
    }
  }
  out.department = s.department;
  out.team = s.team;
  out.severity = s.severity;
  out.tags = [...s.tags];
  const before = new Set(input.tags);
  out.tagsAdded = out.tags.filter((t) => !before.has(t));
  return out;
}
