import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { lockComplaint } from '../../complaints/complaint-row.js';
import { appendEvent } from '../../events/append-event.js';
import { returnsToFrontLine, returnToFrontLine } from '../front-line-return.js';
import { recordDueHandoffAlerts } from '../handoff-deadlines.js';
import { assertCanHandoff } from '../handoff-policy.js';
import { lockHandoff, type HandoffDto } from '../handoff-row.js';
import { assertTaskStatus, setTaskStatus } from '../handoff-steps.js';
import { assertHandoffVisible, getHandoff } from '../queries/get-handoff.js';

/** The front line takes a task back; the complaint returns to in_progress unless another task of it is open. */
export async function cancelHandoff(ctx: AppContext, p: Principal, id: string, input: { reason: string }): Promise<HandoffDto> {
  await assertHandoffVisible(ctx.db, p, id);
  assertCanHandoff(p, 'cancel');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    assertTaskStatus(h, ['open', 'acknowledged'], 'cancelled');
    const row = await lockComplaint(tx, h.complaint_id);
    const back = await returnsToFrontLine(tx, row, h.id);
    await setTaskStatus(tx, h, 'cancelled', now, { cancelled_at: now, cancelled_by: actor.id, cancel_reason: input.reason });
    await appendEvent(tx, {
      complaintId: row.id, type: 'handoff.cancelled', actor, at: now,
      data: { handoffId: h.id, department: h.department_code, reason: input.reason, returnedToFrontLine: back },
    });
    await returnToFrontLine(tx, row, back, actor, now, `hand-off to ${h.department_code} cancelled`);
  });
  return getHandoff(ctx, p, id);
}
