import type { AppContext } from '../../http/context.js';
import { sweepInBatches } from '../../db/sweep-in-batches.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { saveComplaint } from '../complaints/complaint-row.js';
import { schedule } from './clock-state.js';
import { loadAlerted, recordDueAlerts } from './sla-alerts.js';

/**
 * One pass of the durable SLA scheduler. The schedule lives in the database
 * (complaints.sla_next_check_at), so a pass after a restart picks up whatever fell due
 * while no server ran. Rows are claimed with SKIP LOCKED: instances sharing one
 * PostgreSQL split the work instead of queueing behind each other.
 * Returns the number of complaints looked at.
 */
export async function runSlaSweep(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  return sweepInBatches(ctx, async (tx, now, limit) => {
    const rows = await tx.query<ComplaintRow>(
      `select * from complaints where sla_next_check_at <= $1
        order by sla_next_check_at limit ${limit} for update skip locked`,
      [now],
    );
    for (const row of rows) {
      const alerted = await loadAlerted(tx, row.id, row.sla_cycle);
      const { breached } = await recordDueAlerts(tx, row, alerted, now);
      const next = schedule(row, alerted);
      await saveComplaint(tx, row.id, { ...next, sla_breached: row.sla_breached || breached });
    }
    return rows.length;
  });
}
