import type { AppContext } from '../../http/context.js';
import { sweepInBatches } from '../../db/sweep-in-batches.js';
import { recordOverdue, type OverdueCandidate } from './record-overdue.js';

/**
 * One pass of the durable approval-deadline sweep: every pending request past its deadline
 * gets approval.overdue, once. The deadlines live in the database, so a pass after a restart
 * catches up. Rows are claimed with SKIP LOCKED together with their complaint (which every
 * settlement command locks first), so instances split the work and never wait on each other
 * or deadlock with a decision. Returns the number of approvals looked at.
 */
export async function runApprovalSweep(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  return sweepInBatches(ctx, async (tx, now, limit) => {
    const rows = await tx.query<OverdueCandidate>(
      `select a.id, a.complaint_id, a.settlement_id, a.due_at, s.amount, s.currency
         from approvals a
         join settlements s on s.id = a.settlement_id
         join complaints c on c.id = a.complaint_id
        where a.status = 'pending' and a.overdue_recorded_at is null and a.due_at <= $1
        order by a.due_at limit ${limit}
        for update of c, a skip locked`,
      [now],
    );
    for (const row of rows) await recordOverdue(tx, row, now);
    return rows.length;
  });
}
