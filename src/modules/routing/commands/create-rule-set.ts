import { AppError, type ErrorDetail } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import type { Queryable } from '../../../db/database.js';
import type { Principal } from '../../auth/principal.js';
import { requireRole } from '../../auth/require-role.js';
import { activateRuleSet, insertRuleSet, ruleSetToApi } from '../rule-set-repo.js';
import { checkLoops } from '../rule-loops.js';
import { parseRules, type Rule } from '../rule-schema.js';

/** Departments and users a rule names must exist when it is saved (a typo is a 422, not a silent no-op). */
export async function checkReferences(q: Queryable, rules: readonly Rule[]): Promise<void> {
  const depts = new Set((await q.query<{ code: string }>('select code from departments')).map((r) => r.code));
  const userIds = [...new Set(rules.flatMap((r) => r.then.flatMap((a) => (a.type === 'notify' ? (a.users ?? []) : []))))];
  const users = new Set(
    userIds.length ? (await q.query<{ id: string }>('select id from users where id = any($1::uuid[]) and active', [userIds])).map((r) => r.id) : [],
  );
  const details: ErrorDetail[] = [];
  rules.forEach((r, i) =>
    r.then.forEach((a, ai) => {
      const at = (key: string) => ({ path: `rules[${i}].then[${ai}].${key}`, ruleId: r.id, ruleIndex: i });
      if (a.type === 'set_department' && !depts.has(a.department)) details.push({ ...at('department'), reason: 'unknown_department', message: `no department ${JSON.stringify(a.department)}` });
      if (a.type === 'assign' && a.department && a.department !== 'routed' && !depts.has(a.department)) {
        details.push({ ...at('department'), reason: 'unknown_department', message: `no department ${JSON.stringify(a.department)} (or "routed" for the complaint's department)` });
      }
      if (a.type === 'notify') {
        for (const u of a.users ?? []) if (!users.has(u)) details.push({ ...at('users'), reason: 'unknown_user', message: `no active user ${u}` });
      }
    }),
  );
  if (details.length) throw new AppError('rule_invalid', `Rule ${JSON.stringify(details[0]!.ruleId)} is invalid at ${details[0]!.path}: ${details[0]!.message}`, details);
}

/** Validates a whole rule set: shape and vocabulary, self-triggering rules, references. Returns order warnings. */
export async function validateRuleSet(q: Queryable, raw: unknown): Promise<{ rules: Rule[]; warnings: ReturnType<typeof checkLoops> }> {
  const rules = parseRules(raw);
  const warnings = checkLoops(rules);
  await checkReferences(q, rules);
  return { rules, warnings };
}

/** Saves a new immutable version (a draft unless `activate`). */
export async function createRuleSet(ctx: AppContext, p: Principal, body: { rules: unknown[]; note?: string; activate?: boolean }) {
  const admin = requireRole(p, ['admin'], 'edit routing rules');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { rules, warnings } = await validateRuleSet(tx, body.rules);
    let row = await insertRuleSet(tx, { rules, note: body.note ?? null, createdBy: admin.userId, at: now });
    if (body.activate) row = (await activateRuleSet(tx, row.id, admin.userId, now)).row;
    return { ...ruleSetToApi(row), warnings };
  });
}
