/**
 * Places the server's `rule_invalid` / `rule_loop` details (each with ruleIndex and a path like
 * "rules[3].when.all[0].value") at the rule, condition row or action row they are about.
 */
export interface RuleErrors {
  /** Problems with the rule as a whole (id, name…), or, for a JSON rule, every problem with its path. */
  rule: string[];
  conditions: Record<number, string[]>;
  actions: Record<number, string[]>;
  /** Every problem with its path inside the rule ("when.all[0].value: …"), for rules shown as JSON. */
  all: string[];
}

export interface PlacedErrors {
  byRule: Record<number, RuleErrors>;
  /** Details that name no rule (e.g. too many rules). */
  general: string[];
}

const RULE_PATH = /^rules\[(\d+)\](?:\.(.*))?$/;

export function placeRuleErrors(details: ReadonlyArray<Record<string, unknown>>): PlacedErrors {
  const out: PlacedErrors = { byRule: {}, general: [] };
  for (const d of details) {
    const message = typeof d.message === 'string' ? d.message : null;
    if (!message) continue;
    const path = typeof d.path === 'string' ? d.path : '';
    const m = RULE_PATH.exec(path);
    const index = m ? Number(m[1]) : typeof d.ruleIndex === 'number' ? d.ruleIndex : null;
    if (index === null) {
      out.general.push(path ? `${path}: ${message}` : message);
      continue;
    }
    const sub = m?.[2] ?? '';
    const slot = (out.byRule[index] ??= { rule: [], conditions: {}, actions: {}, all: [] });
    slot.all.push(sub ? `${sub}: ${message}` : message);
    const cond = /^when\.(?:all|any)\[(\d+)\](?:\.(field|op|value))?$/.exec(sub);
    const action = /^then\[(\d+)\]/.exec(sub);
    if (cond) (slot.conditions[Number(cond[1])] ??= []).push(message);
    else if (action) (slot.actions[Number(action[1])] ??= []).push(sub.includes('.') ? `${sub.slice(sub.indexOf('.') + 1)}: ${message}` : message);
    else slot.rule.push(sub ? `${sub}: ${message}` : message);
  }
  return out;
}
