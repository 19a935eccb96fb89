import { SqlWhere } from '../../../db/sql-builder.js';
import type { AppContext } from '../../../http/context.js';
import { decodeCursor, encodeCursor, timeIdCursor } from '../../../http/cursor.js';
import type { Principal } from '../../auth/principal.js';
import { approvalScope, mayDecide } from '../approval-policy.js';
import { approvalToApi, queryApprovals, type ApprovalDto } from '../approval-row.js';
import { limitsOf } from '../authority-limits.js';
import type { ListApprovalsQuery } from '../settlement-schema.js';

/** The approval queue, nearest deadline first, in keyset pages. */
export async function listApprovals(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  p: Principal,
  q: ListApprovalsQuery,
): Promise<{ items: ApprovalDto[]; nextCursor: string | null }> {
  const now = ctx.clock.now();
  const { user, where: w } = approvalScope(p, new SqlWhere());
  if (q.status) w.add('a.status = any(?)', q.status);
  if (q.overdue !== undefined) {
    const cond = `(a.overdue_recorded_at is not null or (a.status = 'pending' and a.due_at <= ?))`;
    w.add(q.overdue ? cond : `not ${cond}`, now);
  }
  if (q.complaintId) w.add('a.complaint_id = ?', q.complaintId);
  if (q.requestedBy) w.add('a.requested_by = ?', q.requestedBy === 'me' ? user.userId : q.requestedBy);
  if (q.dueBefore) w.add('a.due_at < ?', new Date(q.dueBefore));
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor, timeIdCursor);
    w.add('(a.due_at, a.id) > (?, ?)', due, id);
  }
  const rows = await queryApprovals(ctx.db, w.toSql(), w.params, `order by a.due_at, a.id limit ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor([last.due_at.toISOString(), last.id]) : null;
  const limit = await limitsOf(ctx.db, user.role);
  return { items: page.map((r) => approvalToApi(r, now, mayDecide(user, r, limit(r.currency)))), nextCursor };
}
