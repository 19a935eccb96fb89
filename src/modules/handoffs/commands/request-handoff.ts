import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { transition } from '../../complaints/commands/change-status.js';
import { assertCan } from '../../complaints/complaint-policy.js';
import { lockComplaint } from '../../complaints/complaint-row.js';
import type { Status } from '../../complaints/lifecycle.js';
import { assertVisible } from '../../complaints/queries/get-complaint.js';
import { appendEvent } from '../../events/append-event.js';
import { SlaTransaction } from '../../sla/sla-commands.js';
import type { RequestHandoffInput } from '../handoff-schema.js';
import { openTask, findTaskDepartment } from '../open-task.js';
import { flagPingPong } from '../ping-pong.js';
import { getHandoff } from '../queries/get-handoff.js';
import type { HandoffDto } from '../handoff-row.js';

/** Statuses a complaint can be handed off from; it passes through in_progress on the way. */
const HANDOFF_FROM: readonly Status[] = ['new', 'in_progress', 'reopened', 'awaiting_customer', 'awaiting_department'];

/**
 * Hands a complaint to a department as a task with the department's deadlines (forward
 * within its forward minutes, answer within its answer minutes, or the caller's). The
 * complaint waits for the department; its owner and department stay as they are.
 */
export async function requestHandoff(ctx: AppContext, p: Principal, complaintId: string, input: RequestHandoffInput): Promise<HandoffDto> {
  await assertVisible(ctx.db, p, complaintId);
  assertCan(p, 'hand_off');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  const handoffId = await ctx.db.transaction(async (tx) => {
    const dept = await findTaskDepartment(tx, { code: input.department }, 'body.department');
    const row = await lockComplaint(tx, complaintId);
    if (!HANDOFF_FROM.includes(row.status)) {
      const message = `The complaint is ${row.status}; only an open complaint can be handed to a department.`;
      throw new AppError('conflict', message, [{ path: 'status', message, status: row.status, allowed: [...HANDOFF_FROM] }]);
    }

    const task = await openTask(tx, {
      complaintId, dept, note: input.note, requestedBy: p.kind === 'user' ? p.userId : null, now, answerWithinMinutes: input.answerWithinMinutes,
    });
    const { id, sequence, transfers } = task;
    await appendEvent(tx, {
      complaintId, type: 'handoff.requested', actor, at: now,
      data: {
        handoffId: id, department: dept.code, note: input.note, sequence, transfers,
        forwardDueAt: task.forwardDueAt.toISOString(), answerDueAt: task.answerDueAt.toISOString(),
      },
    });

    const sla = new SlaTransaction(tx, row, now);
    const reason = `hand-off to ${dept.code}`;
    if (row.status === 'new' || row.status === 'awaiting_customer') await transition(tx, row, 'in_progress', actor, now, reason, sla);
    if (row.status !== 'awaiting_department') await transition(tx, row, 'awaiting_department', actor, now, reason, sla);
    await sla.persist();
    await flagPingPong(tx, row, id, task, now);
    return id;
  });
  return getHandoff(ctx, p, handoffId);
}
