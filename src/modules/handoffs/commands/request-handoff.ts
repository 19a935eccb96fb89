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
import { scheduleOf } from '../handoff-deadlines.js';
import type { RequestHandoffInput } from '../handoff-schema.js';
import { countTransfers, flagPingPong } from '../ping-pong.js';
import { getHandoff } from '../queries/get-handoff.js';
import type { HandoffDto } from '../handoff-row.js';

interface DepartmentRow {
  id: string;
  code: string;
  handoff_forward_minutes: number;
  handoff_answer_minutes: number;
}

/** Statuses a complaint can be handed off from; it passes through in_progress on the way. */
const HANDOFF_FROM: readonly Status[] = ['new', 'in_progress', 'reopened', 'awaiting_customer', 'awaiting_department'];

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

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
    const [dept] = await tx.query<DepartmentRow>(
      'select id, code, handoff_forward_minutes, handoff_answer_minutes from departments where code = $1',
      [input.department],
    );
    if (!dept) {
      const known = (await tx.query<{ code: string }>('select code from departments order by code')).map((d) => d.code);
      const message = `No department with code ${input.department}.`;
      throw new AppError('validation_failed', message, [{ path: 'body.department', message, code: 'unknown_department', value: input.department, known }]);
    }
    const row = await lockComplaint(tx, complaintId);
    if (!HANDOFF_FROM.includes(row.status)) {
      const message = `The complaint is ${row.status}; only an open complaint can be handed to a department.`;
      throw new AppError('conflict', message, [{ path: 'status', message, status: row.status, allowed: [...HANDOFF_FROM] }]);
    }

    const count = await countTransfers(tx, complaintId, dept);
    const forwardDue = addMinutes(now, dept.handoff_forward_minutes);
    const answerDue = addMinutes(now, input.answerWithinMinutes ?? dept.handoff_answer_minutes);
    const { due_at, next_check_at } = scheduleOf({ status: 'open', forward_due_at: forwardDue, answer_due_at: answerDue }, now);
    const [h] = await tx.query<{ id: string }>(
      `insert into handoffs (complaint_id, department_id, status, note, sequence, transfers, requested_by, requested_at,
                             forward_due_at, answer_due_at, due_at, next_check_at, updated_at)
       values ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $7) returning id`,
      [complaintId, dept.id, input.note, count.sequence, count.transfers, p.kind === 'user' ? p.userId : null, now, forwardDue, answerDue, due_at, next_check_at],
    );
    const id = h!.id;
    await appendEvent(tx, {
      complaintId, type: 'handoff.requested', actor, at: now,
      data: {
        handoffId: id, department: dept.code, note: input.note, sequence: count.sequence, transfers: count.transfers,
        forwardDueAt: forwardDue.toISOString(), answerDueAt: answerDue.toISOString(),
      },
    });

    const sla = new SlaTransaction(tx, row, now);
    const reason = `hand-off to ${dept.code}`;
    if (row.status === 'new' || row.status === 'awaiting_customer') await transition(tx, row, 'in_progress', actor, now, reason, sla);
    if (row.status !== 'awaiting_department') await transition(tx, row, 'awaiting_department', actor, now, reason, sla);
    await sla.persist();
    await flagPingPong(tx, row, id, count, now);
    return id;
  });
  return getHandoff(ctx, p, handoffId);
}
