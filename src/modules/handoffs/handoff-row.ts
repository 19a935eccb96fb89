import type { Queryable } from '../../db/database.js';
import { notFound } from '../../errors.js';

export const HANDOFF_STATUSES = ['open', 'acknowledged', 'answered', 'cancelled'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** A task the department still owes something on: it can be acknowledged, answered or cancelled. */
export const ACTIVE_STATUSES: readonly HandoffStatus[] = ['open', 'acknowledged'];

export interface HandoffRow {
  id: string;
  complaint_id: string;
  department_id: string;
  status: HandoffStatus;
  note: string;
  sequence: number;
  transfers: number;
  requested_by: string | null;
  requested_at: Date;
  forward_due_at: Date;
  answer_due_at: Date;
  due_at: Date | null;
  next_check_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  answer: string | null;
  outcome: string | null;
  answer_message_id: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  updated_at: Date;
}

/** A task with the names a reader needs, joined in the same query. */
export interface HandoffViewRow extends HandoffRow {
  department_code: string;
  department_name: string;
  complaint_number: string;
  complaint_subject: string;
  complaint_status: string;
  ping_pong: boolean;
  requested_by_name: string | null;
  acknowledged_by_name: string | null;
  answered_by_name: string | null;
  cancelled_by_name: string | null;
}

export const HANDOFF_VIEW_SELECT = `
  select h.*, d.code as department_code, d.name as department_name,
         c.number as complaint_number, c.subject as complaint_subject, c.status as complaint_status,
         c.handoff_ping_pong as ping_pong,
         ru.name as requested_by_name, au.name as acknowledged_by_name,
         nu.name as answered_by_name, xu.name as cancelled_by_name
    from handoffs h
    join departments d on d.id = h.department_id
    join complaints c on c.id = h.complaint_id
    left join users ru on ru.id = h.requested_by
    left join users au on au.id = h.acknowledged_by
    left join users nu on nu.id = h.answered_by
    left join users xu on xu.id = h.cancelled_by`;

/** A task row with its department code, as commands and the sweep lock it. */
export interface LockedHandoff extends HandoffRow {
  department_code: string;
}

export const LOCK_HANDOFF_SELECT = `
  select h.*, d.code as department_code
    from handoffs h
    join departments d on d.id = h.department_id`;

export async function lockHandoff(tx: Queryable, id: string): Promise<LockedHandoff> {
  const [row] = await tx.query<LockedHandoff>(`${LOCK_HANDOFF_SELECT} where h.id = $1 for update of h`, [id]);
  if (!row) throw notFound('No such hand-off.');
  return row;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null) => (id ? { id, name } : null);

export function handoffToApi(r: HandoffViewRow, now: Date) {
  const active = ACTIVE_STATUSES.includes(r.status);
  // A deadline is missed when its step came after it, or has not come by now (by the cancellation, if cancelled).
  const until = active ? now : (r.cancelled_at ?? now);
  const forwardOverdue = (r.acknowledged_at ?? until) > r.forward_due_at;
  const answerOverdue = (r.answered_at ?? until) > r.answer_due_at;
  return {
    id: r.id,
    complaintId: r.complaint_id,
    complaintNumber: r.complaint_number,
    complaintSubject: r.complaint_subject,
    complaintStatus: r.complaint_status,
    department: r.department_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    status: r.status,
    note: r.note,
    sequence: r.sequence,
    transfers: r.transfers,
    pingPong: r.ping_pong,
    requestedBy: person(r.requested_by, r.requested_by_name),
    requestedAt: r.requested_at.toISOString(),
    forwardDueAt: r.forward_due_at.toISOString(),
    answerDueAt: r.answer_due_at.toISOString(),
    dueAt: iso(r.due_at),
    overdue: active && r.due_at !== null && r.due_at < now,
    forwardOverdue,
    answerOverdue,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: person(r.acknowledged_by, r.acknowledged_by_name),
    answeredAt: iso(r.answered_at),
    answeredBy: person(r.answered_by, r.answered_by_name),
    answer: r.answer,
    outcome: r.outcome,
    answerMessageId: r.answer_message_id,
    cancelledAt: iso(r.cancelled_at),
    cancelledBy: person(r.cancelled_by, r.cancelled_by_name),
    cancelReason: r.cancel_reason,
    updatedAt: r.updated_at.toISOString(),
  };
}

export type HandoffDto = ReturnType<typeof handoffToApi>;
