import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { appendEvent } from '../events/append-event.js';

/** Passed between departments more than this many times is ping-pong (seeds: "being passed around"). */
export const PING_PONG_AFTER_TRANSFERS = 2;

/**
 * The complaint's hand-offs so far (cancelled ones were taken back and do not count) plus a
 * new one to `departmentId`: how many transfers that makes — each hand-off to a department
 * other than the previous one's, the first included — and the departments in order.
 */
export async function countTransfers(
  tx: Queryable,
  complaintId: string,
  department: { id: string; code: string },
): Promise<{ sequence: number; transfers: number; departments: string[] }> {
  const rows = await tx.query<{ department_id: string; code: string; status: string; sequence: number }>(
    `select h.department_id, d.code, h.status, h.sequence from handoffs h join departments d on d.id = h.department_id
      where h.complaint_id = $1 order by h.sequence`,
    [complaintId],
  );
  const sequence = (rows.at(-1)?.sequence ?? 0) + 1;
  const path = [...rows.filter((r) => r.status !== 'cancelled').map((r) => ({ id: r.department_id, code: r.code })), department];
  const departments: string[] = [];
  let transfers = 0;
  path.forEach((d, i) => {
    if (i === 0 || d.id !== path[i - 1]!.id) {
      transfers += 1;
      departments.push(d.code);
    }
  });
  return { sequence, transfers, departments };
}

/** Flags the complaint once, the first time its transfers pass the limit (a support-system finding, kept backstage). */
export async function flagPingPong(
  tx: Queryable,
  row: ComplaintRow,
  handoffId: string,
  count: { transfers: number; departments: string[] },
  now: Date,
): Promise<void> {
  if (row.handoff_ping_pong || count.transfers <= PING_PONG_AFTER_TRANSFERS) return;
  await tx.query('update complaints set handoff_ping_pong = true, updated_at = $2 where id = $1', [row.id, now]);
  row.handoff_ping_pong = true;
  await appendEvent(tx, {
    complaintId: row.id, type: 'handoff.ping_pong_flagged', actor: SYSTEM_ACTOR, at: now,
    data: { handoffId, transfers: count.transfers, departments: count.departments },
  });
}
