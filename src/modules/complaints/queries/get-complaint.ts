import type { Queryable } from '../../../db/database.js';
import { SqlWhere } from '../../../db/sql-builder.js';
import { notFound } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { complaintScope } from '../complaint-policy.js';
import { COMPLAINT_VIEW_SELECT, complaintToApi, type ComplaintDto, type ComplaintViewRow } from '../complaint-row.js';

/** Throws 404 unless the complaint exists and the principal may see it. */
export async function assertVisible(db: Queryable, p: Principal, id: string): Promise<void> {
  const where = complaintScope(p, new SqlWhere().add('c.id = ?', id));
  const rows = await db.query(`select 1 from complaints c ${where.toSql()}`, where.params);
  if (!rows.length) throw notFound('No such complaint.');
}

export async function getComplaint(ctx: Pick<AppContext, 'db' | 'clock'>, p: Principal, id: string): Promise<ComplaintDto> {
  const where = complaintScope(p, new SqlWhere().add('c.id = ?', id));
  const [row] = await ctx.db.query<ComplaintViewRow>(`${COMPLAINT_VIEW_SELECT} ${where.toSql()}`, where.params);
  if (!row) throw notFound('No such complaint.');
  return complaintToApi(row, ctx.clock.now());
}
