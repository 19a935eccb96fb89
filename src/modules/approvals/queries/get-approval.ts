import { SqlWhere } from '../../../db/sql-builder.js';
import { notFound } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { approvalScope, mayDecide } from '../approval-policy.js';
import { approvalToApi, queryApprovals, type ApprovalDto } from '../approval-row.js';
import { limitsOf } from '../authority-limits.js';

/** One approval request the caller may see (404 otherwise). */
export async function getApproval(ctx: Pick<AppContext, 'db' | 'clock'>, p: Principal, id: string): Promise<ApprovalDto> {
  const { user, where } = approvalScope(p, new SqlWhere().add('a.id = ?', id));
  const [row] = await queryApprovals(ctx.db, where.toSql(), where.params);
  if (!row) throw notFound('No such approval request.');
  const limit = await limitsOf(ctx.db, user.role);
  return approvalToApi(row, ctx.clock.now(), mayDecide(user, row, limit(row.currency)));
}
