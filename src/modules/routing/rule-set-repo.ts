/** Rule set versions in the database: read, create a draft, activate (and so roll back). */
import type { Queryable } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { DEFAULT_RULES, DEFAULT_RULES_NOTE } from './default-rules.js';
import type { Rule } from './rule-schema.js';

export interface RuleSetRow {
  id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  rules: Rule[];
  note: string | null;
  created_by: string | null;
  created_at: Date;
  activated_at: Date | null;
  activated_by: string | null;
}

export function ruleSetToApi(r: RuleSetRow, opts: { withRules?: boolean } = { withRules: true }) {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    note: r.note,
    ruleCount: r.rules.length,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    activatedAt: r.activated_at?.toISOString() ?? null,
    activatedBy: r.activated_by,
    ...(opts.withRules ? { rules: r.rules } : {}),
  };
}

// Any constant: versions are numbered under this lock so two admins never get the same number.
const VERSION_LOCK = 4_180_077;

export async function listRuleSets(q: Queryable): Promise<RuleSetRow[]> {
  return q.query<RuleSetRow>('select * from routing_rule_sets order by version desc');
}

export async function getRuleSet(q: Queryable, id: string): Promise<RuleSetRow> {
  const [row] = await q.query<RuleSetRow>('select * from routing_rule_sets where id = $1', [id]);
  if (!row) throw notFound('No such rule set.');
  return row;
}

export async function insertRuleSet(
  tx: Queryable,
  v: { rules: Rule[]; note: string | null; createdBy: string | null; at: Date; active?: boolean },
): Promise<RuleSetRow> {
  await tx.query('select pg_advisory_xact_lock($1)', [VERSION_LOCK]);
  const [row] = await tx.query<RuleSetRow>(
    `insert into routing_rule_sets (version, status, rules, note, created_by, created_at, activated_at)
     select coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6 from routing_rule_sets returning *`,
    [v.active ? 'active' : 'draft', JSON.stringify(v.rules), v.note, v.createdBy, v.at, v.active ? v.at : null],
  );
  return row!;
}

/**
 * Makes a version the active one: the previous active version retires in the same transaction,
 * so exactly one is active. Activating an older version is the rollback.
 */
export async function activateRuleSet(tx: Queryable, id: string, by: string, at: Date): Promise<{ row: RuleSetRow; previous: RuleSetRow | null }> {
  await tx.query('select pg_advisory_xact_lock($1)', [VERSION_LOCK]);
  const target = await getRuleSet(tx, id);
  const [previous] = await tx.query<RuleSetRow>(`select * from routing_rule_sets where status = 'active'`);
  if (previous?.id === id) return { row: target, previous };
  await tx.query(`update routing_rule_sets set status = 'retired' where status = 'active'`);
  const [row] = await tx.query<RuleSetRow>(
    `update routing_rule_sets set status = 'active', activated_at = $2, activated_by = $3 where id = $1 returning *`,
    [id, at, by],
  );
  if (!row) throw new AppError('conflict', 'The rule set could not be activated.');
  return { row, previous: previous ?? null };
}

/** First start: version 1 holds the default rules and is active (no-op once any version exists). */
export async function ensureDefaultRuleSet(tx: Queryable, at: Date): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [VERSION_LOCK]);
  const [any] = await tx.query('select 1 from routing_rule_sets limit 1');
  if (any) return;
  await insertRuleSet(tx, { rules: DEFAULT_RULES, note: DEFAULT_RULES_NOTE, createdBy: null, at, active: true });
}
