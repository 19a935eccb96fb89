import type { Queryable } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import { recordOverdue } from './record-overdue.js';

/**
 * When a complaint is closed or cancelled, approval requests still waiting end with it: a
 * supervisor must not approve money for a case nobody works any more, and the deadline sweep
 * must stop flagging it. Runs in the transaction that closes the complaint (which holds the
 * complaint lock every settlement command takes first). A deadline already missed is
 * recorded first, like a late decision would.
 */
export async function cancelPendingApprovals(tx: Queryable, complaintId: string, actor: Actor, now: Date, reason: string): Promise<number> {
  const pending = await tx.query<{ id: string; complaint_id: string; settlement_id: string; due_at: Date; amount: number; currency: string }>(
    `select a.id, a.complaint_id, a.settlement_id, a.due_at, s.amount, s.currency
       from approvals a join settlements s on s.id = a.settlement_id
      where a.complaint_id = $1 and a.status = 'pending' order by a.created_at, a.id for update of a, s`,
    [complaintId],
  );
  for (const a of pending) {
    await recordOverdue(tx, a, now);
    await tx.query(
      `update approvals set status = 'cancelled', decided_at = $2, decision_reason = $3 where id = $1 and status = 'pending'`,
      [a.id, now, reason],
    );
    await tx.query(`update settlements set status = 'cancelled' where id = $1 and status = 'pending_approval'`, [a.settlement_id]);
    await appendEvent(tx, {
      complaintId, type: 'approval.cancelled', actor, at: now,
      data: { approvalId: a.id, settlementId: a.settlement_id, amount: a.amount, currency: a.currency, reason },
    });
  }
  return pending.length;
}
