import { SqlWhere } from '../../../db/sql-builder.js';
import type { AppContext } from '../../../http/context.js';
import { decodeCursor, encodeCursor, optionalTimeIdCursor } from '../../../http/cursor.js';
import type { Principal } from '../../auth/principal.js';
import { ALL_STAFF, requireRole } from '../../auth/require-role.js';
import { handoffScope } from '../handoff-policy.js';
import { HANDOFF_VIEW_SELECT, handoffToApi, type HandoffDto, type HandoffViewRow } from '../handoff-row.js';
import type { ListHandoffsQuery } from '../handoff-schema.js';

/**
 * The department queue: tasks by nearest pending deadline (missed ones first), then
 * answered and cancelled ones. Department staff get their own department's tasks only,
 * whatever the filters ask for.
 */
export async function listHandoffs(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  p: Principal,
  q: ListHandoffsQuery,
): Promise<{ items: HandoffDto[]; nextCursor: string | null }> {
  requireRole(p, ALL_STAFF, 'see hand-offs');
  const now = ctx.clock.now();
  const w = handoffScope(p, new SqlWhere());
  if (q.department) w.add('h.department_id = (select id from departments where code = ?)', q.department);
  if (q.status) w.add('h.status = any(?)', q.status);
  if (q.complaintId) w.add('h.complaint_id = ?', q.complaintId);
  // due_at is the nearest pending deadline, so a task is overdue exactly when it has passed.
  if (q.overdue !== undefined) w.add(q.overdue ? 'h.due_at < ?' : '(h.due_at is null or h.due_at >= ?)', now);
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor, optionalTimeIdCursor);
    if (due === null) w.add('h.due_at is null and h.id > ?', id);
    else w.add('((h.due_at, h.id) > (?, ?) or h.due_at is null)', due, id);
  }
  const rows = await ctx.db.query<HandoffViewRow>(
    `${HANDOFF_VIEW_SELECT} ${w.toSql()} order by h.due_at asc nulls last, h.id asc limit ${q.limit + 1}`,
    w.params,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor([last.due_at?.toISOString() ?? null, last.id]) : null;
  return { items: page.map((r) => handoffToApi(r, now)), nextCursor };
}
