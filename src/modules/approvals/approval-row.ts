import type { Queryable, SqlParam } from '../../db/database.js';
import type { ApprovalStatus, SettlementKind, SettlementStatus } from './settlement-schema.js';
import { isOverdue } from './settlement-row.js';

/** An approval with its settlement, complaint and people, as one query returns it. */
export interface ApprovalViewRow {
  id: string;
  settlement_id: string;
  complaint_id: string;
  requested_by: string;
  assigned_role: string;
  status: ApprovalStatus;
  due_at: Date;
  overdue_recorded_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Date;
  kind: SettlementKind;
  amount: number;
  currency: string;
  reason: string;
  settlement_status: SettlementStatus;
  requested_by_name: string;
  decided_by_name: string | null;
  complaint_number: string;
  complaint_subject: string;
}

export const APPROVAL_VIEW_SELECT = `
  select a.*, s.kind, s.amount, s.currency, s.reason, s.status as settlement_status,
         ru.name as requested_by_name, du.name as decided_by_name, c.number as complaint_number, c.subject as complaint_subject
    from approvals a
    join settlements s on s.id = a.settlement_id
    join complaints c on c.id = a.complaint_id
    join users ru on ru.id = a.requested_by
    left join users du on du.id = a.decided_by`;

/** `canDecide`: whether the caller could answer it now (pending, not their own, within their limit). */
export function approvalToApi(r: ApprovalViewRow, now: Date, canDecide: boolean) {
  return {
    id: r.id,
    status: r.status,
    assignedRole: r.assigned_role,
    dueAt: r.due_at.toISOString(),
    overdue: isOverdue(r.status, r.due_at, r.overdue_recorded_at, now),
    createdAt: r.created_at.toISOString(),
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name } : null,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionReason: r.decision_reason,
    complaint: { id: r.complaint_id, number: r.complaint_number, subject: r.complaint_subject },
    settlement: { id: r.settlement_id, kind: r.kind, amount: r.amount, currency: r.currency, reason: r.reason, status: r.settlement_status },
    canDecide,
  };
}

export type ApprovalDto = ReturnType<typeof approvalToApi>;

export async function queryApprovals(db: Queryable, where: string, params: readonly SqlParam[], tail = ''): Promise<ApprovalViewRow[]> {
  return db.query<ApprovalViewRow>(`${APPROVAL_VIEW_SELECT} ${where} ${tail}`, params);
}
