import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { lockComplaint } from '../../complaints/complaint-row.js';
import { appendEvent } from '../../events/append-event.js';
import { returnsToFrontLine, returnToFrontLine } from '../front-line-return.js';
import { recordDueHandoffAlerts } from '../handoff-deadlines.js';
import { assertCanHandoff } from '../handoff-policy.js';
import { lockHandoff, type HandoffDto } from '../handoff-row.js';
import type { AnswerHandoffInput } from '../handoff-schema.js';
import { assertTaskStatus, markAcknowledged, setTaskStatus } from '../handoff-steps.js';
import { assertHandoffVisible, getHandoff } from '../queries/get-handoff.js';

/**
 * The department answers. The answer goes into the conversation as an internal note, and the
 * case returns to its front-line owner (in_progress) unless another task of it is still open.
 * An answer to a task nobody acknowledged acknowledges it first.
 */
export async function answerHandoff(ctx: AppContext, p: Principal, id: string, input: AnswerHandoffInput): Promise<HandoffDto> {
  await assertHandoffVisible(ctx.db, p, id);
  assertCanHandoff(p, 'answer');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    // Task first, then complaint: the order every hand-off command locks in.
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    assertTaskStatus(h, ['open', 'acknowledged'], 'answered');
    if (h.status === 'open') await markAcknowledged(tx, h, actor, now, true);
    const row = await lockComplaint(tx, h.complaint_id);

    const [msg] = await tx.query<{ id: string }>(
      `insert into messages (complaint_id, kind, channel, author_kind, author_id, body, attachments, created_at)
       values ($1, 'internal_note', 'web', 'user', $2, $3, '[]', $4) returning id`,
      [row.id, actor.id, input.answer, now],
    );
    const messageId = msg!.id;
    await appendEvent(tx, { complaintId: row.id, type: 'message.internal_note', actor, at: now, data: { messageId, length: input.answer.length } });

    const back = await returnsToFrontLine(tx, row, h.id);
    await setTaskStatus(tx, h, 'answered', now, {
      answered_at: now, answered_by: actor.id, answer: input.answer, outcome: input.outcome ?? null, answer_message_id: messageId,
    });
    await appendEvent(tx, {
      complaintId: row.id, type: 'handoff.answered', actor, at: now,
      data: {
        handoffId: h.id, department: h.department_code, messageId, outcome: input.outcome ?? null,
        answerDueAt: h.answer_due_at.toISOString(), withinDeadline: now <= h.answer_due_at, returnedToFrontLine: back,
      },
    });
    await returnToFrontLine(tx, row, back, actor, now, `hand-off answered by ${h.department_code}`);
  });
  return getHandoff(ctx, p, id);
}
