import type { Queryable } from '../../db/database.js';
import type { ApprovalStatus, SettlementKind, SettlementStatus } from './settlement-schema.js';

/** A settlement with its requester, granter and approval, as one query returns it. */
interface SettlementViewRow {
  id: string;
  complaint_id: string;
  kind: SettlementKind;
  amount: number;
  currency: string;
  reason: string;
  status: SettlementStatus;
  requested_by: string;
  requested_by_name: string;
  requested_role: string;
  created_at: Date;
  granted_at: Date | null;
  granted_by: string | null;
  granted_by_name: string | null;
  approval_id: string | null;
  approval_status: ApprovalStatus | null;
  approval_due_at: Date | null;
  approval_overdue_recorded_at: Date | null;
  approval_decided_by: string | null;
  approval_decided_by_name: string | null;
  approval_decided_at: Date | null;
  approval_decision_reason: string | null;
}

const SETTLEMENT_VIEW_SELECT = `
  select s.id, s.complaint_id, s.kind, s.amount, s.currency, s.reason, s.status, s.requested_by, ru.name as requested_by_name,
         s.requested_role, s.created_at, s.granted_at, s.granted_by, gu.name as granted_by_name,
         a.id as approval_id, a.status as approval_status, a.due_at as approval_due_at,
         a.overdue_recorded_at as approval_overdue_recorded_at, a.decided_by as approval_decided_by,
         du.name as approval_decided_by_name, a.decided_at as approval_decided_at, a.decision_reason as approval_decision_reason
    from settlements s
    join users ru on ru.id = s.requested_by
    left join users gu on gu.id = s.granted_by
    left join approvals a on a.settlement_id = s.id
    left join users du on du.id = a.decided_by`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null) => (id ? { id, name } : null);

/** Pending past the deadline, whether or not the sweep has recorded it yet. */
export const isOverdue = (status: ApprovalStatus, dueAt: Date, recordedAt: Date | null, now: Date) =>
  recordedAt !== null || (status === 'pending' && dueAt <= now);

function settlementToApi(r: SettlementViewRow, now: Date) {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason,
    status: r.status,
    requestedBy: { id: r.requested_by, name: r.requested_by_name, role: r.requested_role },
    createdAt: r.created_at.toISOString(),
    grantedAt: iso(r.granted_at),
    grantedBy: person(r.granted_by, r.granted_by_name),
    approval:
      r.approval_id && r.approval_status && r.approval_due_at
        ? {
            id: r.approval_id,
            status: r.approval_status,
            dueAt: r.approval_due_at.toISOString(),
            overdue: isOverdue(r.approval_status, r.approval_due_at, r.approval_overdue_recorded_at, now),
            decidedBy: person(r.approval_decided_by, r.approval_decided_by_name),
            decidedAt: iso(r.approval_decided_at),
            decisionReason: r.approval_decision_reason,
          }
        : null,
  };
}

export type SettlementDto = ReturnType<typeof settlementToApi>;

export async function getSettlement(db: Queryable, id: string, now: Date): Promise<SettlementDto | null> {
  const [row] = await db.query<SettlementViewRow>(`${SETTLEMENT_VIEW_SELECT} where s.id = $1`, [id]);
  return row ? settlementToApi(row, now) : null;
}

/** Every settlement of one complaint, oldest first (a complaint has a handful, never a page's worth). */
export async function listComplaintSettlements(db: Queryable, complaintId: string, now: Date): Promise<SettlementDto[]> {
  const rows = await db.query<SettlementViewRow>(`${SETTLEMENT_VIEW_SELECT} where s.complaint_id = $1 order by s.created_at, s.seq`, [complaintId]);
  return rows.map((r) => settlementToApi(r, now));
}
