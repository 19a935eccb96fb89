import type { AppContext } from '../../http/context.js';
import { sweepInBatches } from '../../db/sweep-in-batches.js';
import { recordDueHandoffAlerts, scheduleOf } from './handoff-deadlines.js';
import { LOCK_HANDOFF_SELECT, type LockedHandoff } from './handoff-row.js';

/**
 * One pass of the durable hand-off deadline sweep, built like the SLA scheduler: the
 * schedule lives in handoffs.next_check_at (so deadlines that passed while no server ran
 * are recorded on the next start), rows are claimed with SKIP LOCKED (instances on one
 * PostgreSQL split the work), and handoff_alerts decides who writes each overdue event.
 * Returns the number of tasks looked at.
 */
export async function runHandoffSweep(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  return sweepInBatches(ctx, async (tx, now, limit) => {
    const rows = await tx.query<LockedHandoff>(
      `${LOCK_HANDOFF_SELECT} where h.next_check_at < $1
        order by h.next_check_at limit ${limit} for update of h skip locked`,
      [now],
    );
    for (const row of rows) {
      await recordDueHandoffAlerts(tx, row, now);
      await tx.query('update handoffs set next_check_at = $2 where id = $1', [row.id, scheduleOf(row, now).next_check_at]);
    }
    return rows.length;
  });
}
