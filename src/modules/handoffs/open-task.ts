import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { scheduleOf } from './handoff-deadlines.js';
import { countTransfers } from './ping-pong.js';

export interface TaskDepartment {
  id: string;
  code: string;
  handoff_forward_minutes: number;
  handoff_answer_minutes: number;
}

const DEPARTMENT_COLUMNS = 'id, code, handoff_forward_minutes, handoff_answer_minutes';

/**
 * The department a task goes to, by code or id; 422 validation_failed with detail code
 * unknown_department (and the known codes) when there is none. `path` names the field asked.
 */
export async function findTaskDepartment(tx: Queryable, by: { code: string } | { id: string }, path: string): Promise<TaskDepartment> {
  const [dept] = 'code' in by
    ? await tx.query<TaskDepartment>(`select ${DEPARTMENT_COLUMNS} from departments where code = $1`, [by.code])
    : await tx.query<TaskDepartment>(`select ${DEPARTMENT_COLUMNS} from departments where id = $1`, [by.id]);
  if (dept) return dept;
  const known = (await tx.query<{ code: string }>('select code from departments order by code')).map((d) => d.code);
  const value = 'code' in by ? by.code : by.id;
  const message = `No department ${'code' in by ? 'with code' : 'with id'} ${value}.`;
  throw new AppError('validation_failed', message, [{ path, message, code: 'unknown_department', value, known }]);
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * Opens a task for `dept` on a locked complaint with the department's own deadlines (forward
 * within its forward minutes, answer within its answer minutes unless overridden), numbered
 * after the complaint's earlier tasks and counted for ping-pong.
 */
export async function openTask(
  tx: Queryable,
  t: { complaintId: string; dept: TaskDepartment; note: string; requestedBy: string | null; now: Date; answerWithinMinutes?: number; passedFromId?: string },
): Promise<{ id: string; sequence: number; transfers: number; departments: string[]; forwardDueAt: Date; answerDueAt: Date }> {
  const count = await countTransfers(tx, t.complaintId, t.dept);
  const forwardDueAt = addMinutes(t.now, t.dept.handoff_forward_minutes);
  const answerDueAt = addMinutes(t.now, t.answerWithinMinutes ?? t.dept.handoff_answer_minutes);
  const { due_at, next_check_at } = scheduleOf({ status: 'open', forward_due_at: forwardDueAt, answer_due_at: answerDueAt }, t.now);
  const [h] = await tx.query<{ id: string }>(
    `insert into handoffs (complaint_id, department_id, status, note, sequence, transfers, requested_by, requested_at,
                           forward_due_at, answer_due_at, due_at, next_check_at, updated_at, passed_from_id)
     values ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $7, $12) returning id`,
    [t.complaintId, t.dept.id, t.note, count.sequence, count.transfers, t.requestedBy, t.now, forwardDueAt, answerDueAt, due_at, next_check_at, t.passedFromId ?? null],
  );
  return { id: h!.id, ...count, forwardDueAt, answerDueAt };
}
