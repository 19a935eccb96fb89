/**
 * Loop analysis at save time. The engine itself cannot loop (one ordered pass, each rule at most
 * once), but a rule whose own action makes or keeps its condition true — "raise severity to
 * urgent when severity ≥ serious" — would fire forever in an engine that re-evaluated after
 * each change, and its meaning would depend on that detail. Such rules are refused
 * (`rule_loop`, 422). A rule changing a field an *earlier* rule read is allowed (the earlier
 * rule is not re-run) and reported as a warning so the admin sees the order matters.
 */
import { AppError, type ErrorDetail } from '../../errors.js';
import { compileNode } from './compile-conditions.js';
import type { Field } from './rule-fields.js';
import type { Action, Condition, Node, Rule } from './rule-schema.js';
import { isGroup } from './rule-schema.js';
import { RoutingState } from './routing-facts.js';

type Written = 'severity' | 'department' | 'team' | 'tags';

function writes(a: Action): Written | null {
  switch (a.type) {
    case 'raise_severity': return 'severity';
    case 'set_department': return 'department';
    case 'set_team': return 'team';
    case 'add_tags': return 'tags';
    case 'assign':
    case 'notify':
    case 'auto_reply_article':
      return null; // no condition field reads what these do
  }
}

function conditions(n: Node | undefined, path: string, out: Array<{ c: Condition; path: string }>): void {
  if (!n) return;
  if (!isGroup(n)) {
    out.push({ c: n, path });
    return;
  }
  if ('not' in n) return conditions(n.not, `${path}.not`, out);
  const key = 'all' in n ? 'all' : 'any';
  const list = 'all' in n ? n.all : n.any;
  list.forEach((c, i) => conditions(c, `${path}.${key}[${i}]`, out));
}

/** Is the condition true once the action has written its value? (a neutral complaint otherwise) */
function satisfiedAfter(c: Condition, a: Action, underNot: boolean): boolean {
  const s = new RoutingState({
    category: 'other', severity: 'general', channel: 'web', customerTier: 'normal', merchant: null, amount: null,
    orderStatus: null, text: '', emotion: { anger: 0, urgency: 0, threat: 0, intensity: 0 }, tags: [], department: null, team: null, at: new Date(0),
  });
  switch (a.type) {
    case 'raise_severity': s.severity = a.to; break;
    case 'set_department': s.department = a.department; break;
    case 'set_team': s.team = a.team; break;
    case 'add_tags': for (const t of a.tags) s.tags.add(t); break;
    case 'assign':
    case 'notify':
    case 'auto_reply_article':
      break;
  }
  const holds = compileNode(c)(s);
  return underNot ? !holds : holds;
}

const underNot = (path: string) => path.split('.not').length % 2 === 0;

export interface LoopWarning {
  ruleId: string;
  message: string;
}

/** Throws `rule_loop` for self-re-triggering rules; returns order warnings. */
export function checkLoops(rules: readonly Rule[]): LoopWarning[] {
  const details: ErrorDetail[] = [];
  const warnings: LoopWarning[] = [];
  const readers = new Map<Field, string[]>();
  rules.forEach((rule, index) => {
    const conds: Array<{ c: Condition; path: string }> = [];
    conditions(rule.when, 'when', conds);
    rule.then.forEach((a, ai) => {
      const field = writes(a);
      if (!field) return;
      for (const { c, path } of conds) {
        if (c.field !== field) continue;
        // Adding tags only bears on conditions about those tags (or about having any tag at all).
        if (a.type === 'add_tags' && c.op !== 'exists' && !(c.value as string[]).some((t) => a.tags.includes(t))) continue;
        if (satisfiedAfter(c, a, underNot(path))) {
          details.push({
            path: `rules[${index}].then[${ai}]`, ruleId: rule.id, ruleIndex: index, reason: 'self_trigger', condition: `rules[${index}].${path}`,
            message: `rule ${JSON.stringify(rule.id)}: its action ${a.type} makes its own condition on ${field} (${c.op} ${JSON.stringify(c.value)}) true again — it would re-trigger itself`,
          });
        }
      }
      for (const earlier of readers.get(field) ?? []) {
        if (earlier !== rule.id) warnings.push({ ruleId: rule.id, message: `changes ${field}, which earlier rule ${JSON.stringify(earlier)} reads; that rule is not re-evaluated` });
      }
    });
    if (!rule.enabled) return;
    for (const { c } of conds) readers.set(c.field, [...(readers.get(c.field) ?? []), rule.id]);
  });
  if (details.length) throw new AppError('rule_loop', details[0]!.message, details);
  return warnings;
}
