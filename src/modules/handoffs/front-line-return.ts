import type { Queryable } from '../../db/database.js';
import type { Actor } from '../auth/principal.js';
import { transition } from '../complaints/commands/change-status.js';
import { saveComplaint, type ComplaintRow } from '../complaints/complaint-row.js';

/**
 * Whether ending task `handoffId` hands the case back to the front-line owner: only a
 * complaint still waiting for a department, with no other task of it still open.
 */
export async function returnsToFrontLine(tx: Queryable, row: ComplaintRow, handoffId: string): Promise<boolean> {
  if (row.status !== 'awaiting_department') return false;
  const others = await tx.query(
    `select 1 from handoffs where complaint_id = $1 and id <> $2 and status in ('open', 'acknowledged') limit 1`,
    [row.id, handoffId],
  );
  return others.length === 0;
}

/** Applies the decision of returnsToFrontLine to the locked complaint row. */
export async function returnToFrontLine(tx: Queryable, row: ComplaintRow, back: boolean, actor: Actor, now: Date, reason: string): Promise<void> {
  if (!back) {
    await saveComplaint(tx, row.id, { updated_at: now });
    return;
  }
  const sla = await transition(tx, row, 'in_progress', actor, now, reason);
  await sla.persist();
}
