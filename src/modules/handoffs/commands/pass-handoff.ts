import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { lockComplaint, saveComplaint } from '../../complaints/complaint-row.js';
import { appendEvent } from '../../events/append-event.js';
import { recordDueHandoffAlerts } from '../handoff-deadlines.js';
import { assertCanHandoff } from '../handoff-policy.js';
import { ACTIVE_STATUSES, lockHandoff, type HandoffDto } from '../handoff-row.js';
import type { PassHandoffInput } from '../handoff-schema.js';
import { assertTaskStatus, setTaskStatus } from '../handoff-steps.js';
import { findTaskDepartment, openTask } from '../open-task.js';
import { flagPingPong } from '../ping-pong.js';
import { assertHandoffVisible, getHandoff } from '../queries/get-handoff.js';

/**
 * The department passes its task on ("this is finance's"): in one transaction the task ends as
 * 'passed' and a new task opens for the other department with that department's own deadlines,
 * linked both ways, with one backstage handoff.passed event. The pass is a transfer like any
 * other, so it counts toward ping-pong. The complaint keeps waiting for a department.
 * Answers the ended task: the caller's department no longer sees the new one.
 */
export async function passHandoff(ctx: AppContext, p: Principal, id: string, input: PassHandoffInput): Promise<HandoffDto> {
  await assertHandoffVisible(ctx.db, p, id);
  assertCanHandoff(p, 'pass');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    // Task first, then complaint: the order every hand-off command locks in.
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    assertTaskStatus(h, ACTIVE_STATUSES, 'passed on');

    const field = input.departmentId !== undefined ? 'departmentId' : input.departmentCode !== undefined ? 'departmentCode' : 'department';
    const dept = await findTaskDepartment(
      tx, input.departmentId !== undefined ? { id: input.departmentId } : { code: (input.departmentCode ?? input.department)! }, `body.${field}`,
    );
    if (dept.id === h.department_id) {
      const message = `The task is already ${dept.code}'s; pass it to another department, or return it to the front line.`;
      throw new AppError('validation_failed', message, [{ path: `body.${field}`, message, code: 'same_department', value: dept.code }]);
    }
    const row = await lockComplaint(tx, h.complaint_id);
    const [busy] = await tx.query<{ id: string }>(
      `select id from handoffs where complaint_id = $1 and department_id = $2 and status = any($3) limit 1`,
      [row.id, dept.id, [...ACTIVE_STATUSES]],
    );
    if (busy) {
      const message = `${dept.code} already has an open task on this complaint.`;
      throw new AppError('conflict', message, [{ path: `body.${field}`, message, code: 'department_has_open_task', value: dept.code, handoffId: busy.id }]);
    }

    const next = await openTask(tx, {
      complaintId: row.id, dept, note: input.note, requestedBy: actor.kind === 'user' ? actor.id : null, now, passedFromId: h.id,
    });
    await setTaskStatus(tx, h, 'passed', now, { passed_at: now, passed_by: actor.id, passed_to_id: next.id, pass_note: input.note });
    await appendEvent(tx, {
      complaintId: row.id, type: 'handoff.passed', actor, at: now,
      data: {
        handoffId: h.id, department: h.department_code, toHandoffId: next.id, toDepartment: dept.code, note: input.note,
        sequence: next.sequence, transfers: next.transfers,
        forwardDueAt: next.forwardDueAt.toISOString(), answerDueAt: next.answerDueAt.toISOString(),
      },
    });
    await saveComplaint(tx, row.id, { updated_at: now });
    await flagPingPong(tx, row, next.id, next, now);
  });
  return getHandoff(ctx, p, id);
}
