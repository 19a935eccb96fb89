import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';

export interface OverdueCandidate {
  id: string;
  complaint_id: string;
  settlement_id: string;
  due_at: Date;
  amount: number;
  currency: string;
}

/**
 * Records approval.overdue for a pending request past its deadline, exactly once: the
 * conditional UPDATE decides who writes, so two sweeps (or a sweep racing a late decision)
 * can never both write the event. The event is stamped with the deadline itself, not with
 * when it was noticed. Returns whether this call recorded it.
 */
export async function recordOverdue(tx: Queryable, a: OverdueCandidate, now: Date): Promise<boolean> {
  const claimed = await tx.query(
    `update approvals set overdue_recorded_at = $2
      where id = $1 and status = 'pending' and overdue_recorded_at is null and due_at <= $2 returning 1`,
    [a.id, now],
  );
  if (!claimed.length) return false;
  await appendEvent(tx, {
    complaintId: a.complaint_id,
    type: 'approval.overdue',
    actor: SYSTEM_ACTOR,
    at: a.due_at,
    data: { approvalId: a.id, settlementId: a.settlement_id, amount: a.amount, currency: a.currency, dueAt: a.due_at.toISOString() },
  });
  return true;
}
