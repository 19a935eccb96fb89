/**
 * Evaluates a rule set (a stored version, the active one, or rules given inline) on an ad-hoc
 * complaint-like input, with a trace of the rules that fired. Writes nothing.
 */
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { requireRole } from '../../auth/require-role.js';
import { DEFAULT_DEPARTMENT } from '../../complaints/taxonomy.js';
import { activeRuleSet, compiledVersion } from '../active-rule-set.js';
import { validateRuleSet } from '../commands/create-rule-set.js';
import { compileRuleSet, evaluateRules, type CompiledRuleSet } from '../evaluate-rules.js';
import { pickAssignee, Simulation } from '../pick-assignee.js';
import { getRuleSet } from '../rule-set-repo.js';
import type { TestRulesInput } from '../routing-schema.js';

export async function testRules(ctx: AppContext, p: Principal, body: TestRulesInput) {
  requireRole(p, ['admin', 'supervisor'], 'test routing rules');
  let set: CompiledRuleSet;
  let warnings: Array<{ ruleId: string; message: string }> = [];
  if (body.rules) {
    const v = await validateRuleSet(ctx.db, body.rules);
    set = compileRuleSet(null, 0, v.rules);
    warnings = v.warnings;
  } else if (body.ruleSetId) {
    const row = await getRuleSet(ctx.db, body.ruleSetId);
    set = compiledVersion(row.id, row.version, row.rules);
  } else {
    set = await activeRuleSet(ctx.db);
  }
  const c = body.complaint;
  const at = c.at ? new Date(c.at) : ctx.clock.now();
  const t0 = performance.now();
  const out = evaluateRules(set, {
    category: c.category, severity: c.severity, channel: c.channel, customerTier: c.customerTier, merchant: c.merchant ?? null,
    amount: c.amount ?? null, orderStatus: c.orderStatus ?? null, text: [c.subject, c.description].filter(Boolean).join('\n'),
    emotion: c.emotion ?? null, tags: c.tags, department: DEFAULT_DEPARTMENT[c.category], team: null, at,
  });
  const evaluationMs = Math.round((performance.now() - t0) * 1000) / 1000;
  const assignee = out.assign ? await pickAssignee(ctx.db, out.assign, at, new Simulation()) : null;
  return {
    ruleSet: { id: set.id, version: set.version },
    department: out.department,
    departmentRule: out.departmentRule?.id ?? null,
    severity: out.severity,
    team: out.team,
    tags: out.tags,
    tagsAdded: out.tagsAdded,
    assignee: assignee ? { userId: assignee.userId, reason: assignee.reason } : null,
    assign: out.assign,
    notify: out.notify,
    autoReplies: out.autoReplies,
    fired: out.fired,
    stoppedBy: out.stoppedBy,
    evaluationMs,
    warnings,
  };
}
