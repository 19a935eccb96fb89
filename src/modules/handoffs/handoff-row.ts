import type { Queryable } from '../../db/database.js';
import { notFound } from '../../errors.js';

export const HANDOFF_STATUSES = ['open', 'acknowledged', 'answered', 'cancelled', 'passed', 'returned'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** A task the department still owes something on: it can be acknowledged, answered, passed, returned or cancelled. */
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
  passed_at: Date | null;
  passed_by: string | null;
  passed_to_id: string | null;
  passed_from_id: string | null;
  pass_note: string | null;
  returned_at: Date | null;
  returned_by: string | null;
  return_note: string | null;
  return_message_id: string | null;
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
  passed_by_name: string | null;
  returned_by_name: string | null;
  passed_to_department_code: string | null;
  passed_to_department_name: string | null;
  passed_from_department_code: string | null;
  passed_from_department_name: string | null;
  complaint_severity: string;
  complaint_category: string;
  customer_name: string;
  customer_tier: string;
  complaint_assignee_id: string | null;
  complaint_assignee_name: string | null;
}

export const HANDOFF_VIEW_SELECT = `
  select h.*, d.code as department_code, d.name as department_name,
         c.number as complaint_number, c.subject as complaint_subject, c.status as complaint_status,
         c.handoff_ping_pong as ping_pong, c.severity as complaint_severity, c.category as complaint_category,
         -- the customer by name and tier only: the back office never gets their contact details
         cu.name as customer_name, cu.tier as customer_tier,
         c.assignee_id as complaint_assignee_id, ou.name as complaint_assignee_name,
         ru.name as requested_by_name, au.name as acknowledged_by_name,
         nu.name as answered_by_name, xu.name as cancelled_by_name,
         pu.name as passed_by_name, bu.name as returned_by_name,
         ptd.code as passed_to_department_code, ptd.name as passed_to_department_name,
         pfd.code as passed_from_department_code, pfd.name as passed_from_department_name
    from handoffs h
    join departments d on d.id = h.department_id
    join complaints c on c.id = h.complaint_id
    join customers cu on cu.id = c.customer_id
    left join users ou on ou.id = c.assignee_id
    left join users ru on ru.id = h.requested_by
    left join users au on au.id = h.acknowledged_by
    left join users nu on nu.id = h.answered_by
    left join users xu on xu.id = h.cancelled_by
    left join users pu on pu.id = h.passed_by
    left join users bu on bu.id = h.returned_by
    left join handoffs pt on pt.id = h.passed_to_id
    left join departments ptd on ptd.id = pt.department_id
    left join handoffs pf on pf.id = h.passed_from_id
    left join departments pfd on pfd.id = pf.department_id`;

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
const linked = (handoffId: string | null, department: string | null, departmentName: string | null) =>
  handoffId && department ? { handoffId, department, departmentName } : null;

export function handoffToApi(r: HandoffViewRow, now: Date) {
  const active = ACTIVE_STATUSES.includes(r.status);
  // A deadline is missed when its step came after it, or has not come by now (by the moment the
  // task ended otherwise: cancelled, passed on or returned).
  const until = active ? now : (r.cancelled_at ?? r.passed_at ?? r.returned_at ?? now);
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
    passedAt: iso(r.passed_at),
    passedBy: person(r.passed_by, r.passed_by_name),
    passNote: r.pass_note,
    passedTo: linked(r.passed_to_id, r.passed_to_department_code, r.passed_to_department_name),
    passedFrom: linked(r.passed_from_id, r.passed_from_department_code, r.passed_from_department_name),
    returnedAt: iso(r.returned_at),
    returnedBy: person(r.returned_by, r.returned_by_name),
    returnNote: r.return_note,
    returnMessageId: r.return_message_id,
    complaintSeverity: r.complaint_severity,
    complaintCategory: r.complaint_category,
    // the front-line owner a return or an answer goes back to
    complaintAssignee: person(r.complaint_assignee_id, r.complaint_assignee_name),
    customer: { name: r.customer_name, tier: r.customer_tier },
    updatedAt: r.updated_at.toISOString(),
  };
}

export type HandoffDto = ReturnType<typeof handoffToApi>;
