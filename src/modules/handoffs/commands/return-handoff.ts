import type { Queryable } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, SYSTEM_ACTOR, type Principal } from '../../auth/principal.js';
import { lockComplaint, type ComplaintRow } from '../../complaints/complaint-row.js';
import { notifyStaff } from '../../escalation/notify-staff.js';
import { appendEvent } from '../../events/append-event.js';
import { returnsToFrontLine, returnToFrontLine } from '../front-line-return.js';
import { recordDueHandoffAlerts } from '../handoff-deadlines.js';
import { assertCanHandoff } from '../handoff-policy.js';
import { ACTIVE_STATUSES, lockHandoff, type HandoffDto, type LockedHandoff } from '../handoff-row.js';
import type { ReturnHandoffInput } from '../handoff-schema.js';
import { assertTaskStatus, setTaskStatus } from '../handoff-steps.js';
import { assertHandoffVisible, getHandoff } from '../queries/get-handoff.js';

/**
 * The department gives the task back without an answer ("not ours", "missing information").
 * The note goes into the conversation as an internal note, the task ends as 'returned', and
 * the case goes back to its front-line owner (in_progress) unless another task of it is still
 * open. The owner — or, with nobody assigned, whoever asked — gets an in-app notification.
 */
export async function returnHandoff(ctx: AppContext, p: Principal, id: string, input: ReturnHandoffInput): Promise<HandoffDto> {
  await assertHandoffVisible(ctx.db, p, id);
  assertCanHandoff(p, 'return');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    assertTaskStatus(h, ACTIVE_STATUSES, 'returned');
    const row = await lockComplaint(tx, h.complaint_id);

    const [msg] = await tx.query<{ id: string }>(
      `insert into messages (complaint_id, kind, channel, author_kind, author_id, body, attachments, created_at)
       values ($1, 'internal_note', 'web', 'user', $2, $3, '[]', $4) returning id`,
      [row.id, actor.id, input.note, now],
    );
    const messageId = msg!.id;
    await appendEvent(tx, { complaintId: row.id, type: 'message.internal_note', actor, at: now, data: { messageId, length: input.note.length } });

    const back = await returnsToFrontLine(tx, row, h.id);
    await setTaskStatus(tx, h, 'returned', now, { returned_at: now, returned_by: actor.id, return_note: input.note, return_message_id: messageId });
    await appendEvent(tx, {
      complaintId: row.id, type: 'handoff.returned', actor, at: now,
      data: { handoffId: h.id, department: h.department_code, reason: input.note, messageId, returnedToFrontLine: back },
    });
    await returnToFrontLine(tx, row, back, actor, now, `hand-off returned by ${h.department_code}`);
    await notifyOwner(tx, row, h, input.note, actor.id, now);
  });
  return getHandoff(ctx, p, id);
}

/** Tells the front line the task came back, in-app (support lane, like other staff notifications). */
async function notifyOwner(tx: Queryable, row: ComplaintRow, h: LockedHandoff, note: string, actorId: string | null, now: Date): Promise<void> {
  const owner = row.assignee_id ?? h.requested_by;
  if (!owner || owner === actorId) return;
  const [active] = await tx.query<{ id: string }>('select id from users where id = $1 and active', [owner]);
  if (!active) return;
  const notified = await notifyStaff(tx, [owner], {
    complaintId: row.id, kind: 'handoff.returned', at: now,
    title: `${row.number} returned by ${h.department_code}`, body: note.slice(0, 280),
  });
  await appendEvent(tx, {
    complaintId: row.id, type: 'notification.staff', actor: SYSTEM_ACTOR, at: now,
    data: { kind: 'handoff.returned', recipients: notified, cause: 'handoff' },
  });
}
