import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import { scheduleOf } from './handoff-deadlines.js';
import type { HandoffStatus, LockedHandoff } from './handoff-row.js';

const DONE: Record<HandoffStatus, string> = {
  open: 'is still open',
  acknowledged: 'was already acknowledged',
  answered: 'was already answered',
  cancelled: 'was cancelled',
  passed: 'was passed on to another department',
  returned: 'was returned to the front line',
};

/** 409 unless the task is in one of the statuses the step starts from. */
export function assertTaskStatus(h: LockedHandoff, allowed: readonly HandoffStatus[], step: string): void {
  if (allowed.includes(h.status)) return;
  const message = `The hand-off ${DONE[h.status]}; it cannot be ${step}.`;
  throw new AppError('conflict', message, [{ path: 'status', message, status: h.status, allowed: [...allowed] }]);
}

/** Columns a step may stamp on a task besides its status and schedule. */
type StepColumn =
  | 'acknowledged_at' | 'acknowledged_by'
  | 'answered_at' | 'answered_by' | 'answer' | 'outcome' | 'answer_message_id'
  | 'cancelled_at' | 'cancelled_by' | 'cancel_reason'
  | 'passed_at' | 'passed_by' | 'passed_to_id' | 'pass_note'
  | 'returned_at' | 'returned_by' | 'return_note' | 'return_message_id';

/** Moves a locked task to `status` and re-schedules its deadlines for the queue and the sweep. */
export async function setTaskStatus(
  tx: Queryable,
  h: LockedHandoff,
  status: HandoffStatus,
  now: Date,
  columns: Partial<Record<StepColumn, string | Date | null>> = {},
): Promise<void> {
  h.status = status;
  const { due_at, next_check_at } = scheduleOf(h, now);
  const extra = Object.keys(columns) as StepColumn[];
  const sets = extra.map((k, i) => `${k} = $${i + 6}`);
  await tx.query(
    `update handoffs set status = $2, due_at = $3, next_check_at = $4, updated_at = $5${sets.length ? `, ${sets.join(', ')}` : ''} where id = $1`,
    [h.id, status, due_at, next_check_at, now, ...extra.map((k) => columns[k] ?? null)],
  );
}

/** The department picked the task up ("forwarded"); `implicit` when it answered straight away. */
export async function markAcknowledged(tx: Queryable, h: LockedHandoff, actor: Actor, now: Date, implicit: boolean): Promise<void> {
  await setTaskStatus(tx, h, 'acknowledged', now, { acknowledged_at: now, acknowledged_by: actor.id });
  h.acknowledged_at = now;
  h.acknowledged_by = actor.id;
  await appendEvent(tx, {
    complaintId: h.complaint_id, type: 'handoff.acknowledged', actor, at: now,
    data: { handoffId: h.id, department: h.department_code, forwardDueAt: h.forward_due_at.toISOString(), withinDeadline: now <= h.forward_due_at, implicit },
  });
}
