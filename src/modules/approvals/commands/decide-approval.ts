import { AppError, notFound } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { requireRole } from '../../auth/require-role.js';
import { lockComplaint, saveComplaint } from '../../complaints/complaint-row.js';
import { appendEvent } from '../../events/append-event.js';
import { APPROVERS } from '../approval-policy.js';
import { limitFor } from '../authority-limits.js';
import { covers } from '../money.js';
import { recordOverdue } from '../record-overdue.js';
import type { ApprovalStatus, DecisionInput } from '../settlement-schema.js';
import { getApproval } from '../queries/get-approval.js';
import type { ApprovalDto } from '../approval-row.js';

interface PendingRow {
  id: string;
  settlement_id: string;
  complaint_id: string;
  requested_by: string;
  status: ApprovalStatus;
  due_at: Date;
  amount: number;
  currency: string;
  kind: 'refund' | 'compensation' | 'voucher';
  reason: string;
}

/**
 * Approves or rejects a settlement waiting for approval. Only an approver whose own limit
 * covers the amount, and never the requester, may answer (403). An answer is final: the
 * conditional UPDATE … WHERE status = 'pending' lets exactly one of two concurrent answers
 * win; the other (and any later one) gets 409. Approving grants the settlement — once: the
 * settlement leaves pending_approval under the same guard.
 */
export async function decideApproval(ctx: AppContext, p: Principal, approvalId: string, input: DecisionInput): Promise<ApprovalDto> {
  const user = requireRole(p, APPROVERS, 'answer approval requests');
  const [found] = await ctx.db.query<{ complaint_id: string }>('select complaint_id from approvals where id = $1', [approvalId]);
  if (!found) throw notFound('No such approval request.');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const complaint = await lockComplaint(tx, found.complaint_id);
    const [a] = await tx.query<PendingRow>(
      `select a.id, a.settlement_id, a.complaint_id, a.requested_by, a.status, a.due_at, s.amount, s.currency, s.kind, s.reason
         from approvals a join settlements s on s.id = a.settlement_id where a.id = $1`,
      [approvalId],
    );
    if (!a) throw notFound('No such approval request.');
    if (a.status !== 'pending') throw new AppError('conflict', `This approval request was already ${a.status}.`);
    if (a.requested_by === user.userId) throw new AppError('forbidden', 'You cannot answer your own approval request.');
    const limit = await limitFor(tx, user.role, a.currency);
    if (!covers(limit, a.amount)) {
      throw new AppError('forbidden', `${a.amount} ${a.currency} is above your authority limit (${limit} ${a.currency}).`, [
        { message: 'above your authority limit', limit, amount: a.amount, currency: a.currency },
      ]);
    }
    const approve = input.decision === 'approve';
    if (approve && (complaint.status === 'closed' || complaint.status === 'cancelled')) {
      throw new AppError('conflict', `The complaint is ${complaint.status}; the settlement can only be rejected.`);
    }
    // An answer after the deadline first records the deadline it missed (once, stamped at the deadline).
    await recordOverdue(tx, a, now);
    const decided = await tx.query(
      `update approvals set status = $2, decided_by = $3, decided_at = $4, decision_reason = $5
        where id = $1 and status = 'pending' returning 1`,
      [a.id, approve ? 'approved' : 'rejected', user.userId, now, input.reason],
    );
    if (!decided.length) throw new AppError('conflict', 'This approval request was already answered.');
    const settled = await tx.query(
      `update settlements set status = $2, granted_at = $3, granted_by = $4
        where id = $1 and status = 'pending_approval' returning 1`,
      [a.settlement_id, approve ? 'granted' : 'rejected', approve ? now : null, approve ? user.userId : null],
    );
    if (!settled.length) throw new AppError('conflict', 'This settlement was already decided.');
    const money = { amount: a.amount, currency: a.currency };
    if (approve) {
      await appendEvent(tx, {
        complaintId: a.complaint_id, type: 'approval.approved', actor, at: now,
        data: { approvalId: a.id, settlementId: a.settlement_id, ...money, reason: input.reason, approverLimit: limit },
      });
      await appendEvent(tx, {
        complaintId: a.complaint_id, type: 'settlement.granted', actor, at: now,
        data: { settlementId: a.settlement_id, kind: a.kind, ...money, reason: a.reason, via: 'approval', approvalId: a.id, limit },
      });
    } else {
      await appendEvent(tx, {
        complaintId: a.complaint_id, type: 'approval.rejected', actor, at: now,
        data: { approvalId: a.id, settlementId: a.settlement_id, ...money, reason: input.reason },
      });
    }
    await saveComplaint(tx, a.complaint_id, { updated_at: now });
  });
  return getApproval(ctx, p, approvalId);
}
