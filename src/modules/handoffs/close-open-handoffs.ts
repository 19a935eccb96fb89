import type { Queryable } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import { recordDueHandoffAlerts } from './handoff-deadlines.js';
import { lockHandoff } from './handoff-row.js';
import { setTaskStatus } from './handoff-steps.js';

/**
 * When a complaint is resolved, closed or cancelled, its still-open department tasks end
 * with it: otherwise the department would keep working (and the sweep keep flagging
 * deadlines) on a case nobody waits for. Deadlines already missed are recorded first.
 */
export async function closeOpenHandoffs(tx: Queryable, complaintId: string, actor: Actor, now: Date, reason: string): Promise<number> {
  const open = await tx.query<{ id: string }>(
    `select id from handoffs where complaint_id = $1 and status in ('open', 'acknowledged') order by id for update`,
    [complaintId],
  );
  for (const { id } of open) {
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    await setTaskStatus(tx, h, 'cancelled', now, { cancelled_at: now, cancelled_by: actor.kind === 'user' ? actor.id : null, cancel_reason: reason });
    await appendEvent(tx, {
      complaintId, type: 'handoff.cancelled', actor, at: now,
      data: { handoffId: h.id, department: h.department_code, reason, returnedToFrontLine: false },
    });
  }
  return open.length;
}
