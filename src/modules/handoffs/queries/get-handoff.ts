import type { Queryable } from '../../../db/database.js';
import { SqlWhere } from '../../../db/sql-builder.js';
import { notFound } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { ALL_STAFF, requireRole } from '../../auth/require-role.js';
import { handoffScope } from '../handoff-policy.js';
import { HANDOFF_VIEW_SELECT, handoffToApi, type HandoffDto, type HandoffViewRow } from '../handoff-row.js';

/** Throws 403 for principals who never see hand-offs, 404 unless this one exists and is theirs to see. */
export async function assertHandoffVisible(db: Queryable, p: Principal, id: string): Promise<void> {
  requireRole(p, ALL_STAFF, 'see hand-offs');
  const where = handoffScope(p, new SqlWhere().add('h.id = ?', id));
  const rows = await db.query(`select 1 from handoffs h ${where.toSql()}`, where.params);
  if (!rows.length) throw notFound('No such hand-off.');
}

export async function getHandoff(ctx: Pick<AppContext, 'db' | 'clock'>, p: Principal, id: string): Promise<HandoffDto> {
  requireRole(p, ALL_STAFF, 'see hand-offs');
  const where = handoffScope(p, new SqlWhere().add('h.id = ?', id));
  const [row] = await ctx.db.query<HandoffViewRow>(`${HANDOFF_VIEW_SELECT} ${where.toSql()}`, where.params);
  if (!row) throw notFound('No such hand-off.');
  return handoffToApi(row, ctx.clock.now());
}
