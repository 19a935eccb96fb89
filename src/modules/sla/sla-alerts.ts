import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { onSlaThreshold } from '../escalation/escalate.js';
import { alertKey, dueAlerts, type ClockName } from './clock-state.js';
import { loadPolicy, type SlaPolicy } from './policies.js';

export async function loadAlerted(tx: Queryable, complaintId: string, cycle: number): Promise<Set<string>> {
  const rows = await tx.query<{ clock: ClockName; kind: 'at_risk' | 'breached' }>(
    'select clock, kind from sla_alerts where complaint_id = $1 and cycle = $2',
    [complaintId, cycle],
  );
  return new Set(rows.map((r) => alertKey(r.clock, r.kind)));
}

/**
 * Records every passed, not-yet-recorded threshold of the running clocks as sla.at_risk /
 * sla.breached, each exactly once: the sla_alerts primary key decides who writes, so two
 * instances (or a sweep racing a reply) can never both write the event. The event carries
 * the instant the threshold passed, not when it was noticed (e.g. after a restart) — unless
 * `notBefore` says the targets were re-timed later than that.
 * Returns whether a breach was recorded.
 */
export async function recordDueAlerts(
  tx: Queryable,
  f: ComplaintRow,
  alerted: Set<string>,
  now: Date,
  clocks?: readonly ClockName[],
  notBefore?: Date,
): Promise<{ breached: boolean }> {
  const complaintId = f.id;
  let breached = false;
  let policy: SlaPolicy | undefined;
  for (const due of dueAlerts(f, alerted, now, clocks)) {
    // A threshold that only became past because the targets were just tightened happened now, not earlier.
    const a = notBefore && due.at < notBefore ? { ...due, at: notBefore } : due;
    const inserted = await tx.query(
      `insert into sla_alerts (complaint_id, clock, kind, cycle, at) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning 1`,
      [complaintId, a.clock, a.kind, f.sla_cycle, a.at],
    );
    alerted.add(alertKey(a.clock, a.kind));
    if (!inserted.length) continue;
    if (a.kind === 'at_risk') {
      const start = f.sla_started_at.getTime();
      const ratio = (a.at.getTime() - start) / Math.max(1, a.dueAt.getTime() - start);
      await appendEvent(tx, {
        complaintId,
        type: 'sla.at_risk',
        actor: SYSTEM_ACTOR,
        at: a.at,
        data: { cycle: f.sla_cycle, clock: a.clock, dueAt: a.dueAt.toISOString(), elapsedRatio: Math.round(ratio * 1000) / 1000 },
      });
    } else {
      breached = true;
      await appendEvent(tx, {
        complaintId,
        type: 'sla.breached',
        actor: SYSTEM_ACTOR,
        at: a.at,
        data: { cycle: f.sla_cycle, clock: a.clock, dueAt: a.dueAt.toISOString() },
      });
    }
    // Only the writer of the alert escalates: exactly once per threshold.
    policy ??= await loadPolicy(tx, f.severity);
    await onSlaThreshold(tx, f, { clock: a.clock, kind: a.kind, at: a.at }, { reassignOnBreach: policy.reassignOnBreach });
  }
  return { breached };
}
