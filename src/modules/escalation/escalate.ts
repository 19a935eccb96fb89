import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { appendEvent } from '../events/append-event.js';
import type { ClockName } from '../sla/clock-state.js';
import { notifyStaff, usersWithRole } from './notify-staff.js';

/**
 * What an SLA threshold sets off (issue 3, item 6). At-risk (80 %) notifies the assignee
 * (or, unassigned, the department's agents and supervisors). A breach escalates one level:
 * level 1 notifies the supervisors and, per policy, reassigns to one of them; level 2 (a
 * second breach in the same cycle) goes to the admins as department heads. The escalations
 * primary key makes each level happen exactly once, whichever instance gets there first.
 */
export async function onSlaThreshold(
  tx: Queryable,
  row: ComplaintRow,
  alert: { clock: ClockName; kind: 'at_risk' | 'breached'; at: Date },
  policy: { reassignOnBreach: boolean },
): Promise<void> {
  const label = `${row.number} ${row.subject}`;
  if (alert.kind === 'at_risk') {
    const to = row.assignee_id ? [row.assignee_id] : await usersWithRole(tx, ['agent', 'supervisor'], row.department_id);
    const notified = await notifyStaff(tx, to, {
      complaintId: row.id, kind: 'sla.at_risk', at: alert.at,
      title: `SLA at risk: ${label}`, body: `The ${alert.clock.replace('_', ' ')} target is 80 % used.`,
    });
    if (notified.length) {
      await appendEvent(tx, { complaintId: row.id, type: 'notification.staff', actor: SYSTEM_ACTOR, at: alert.at, data: { kind: 'sla.at_risk', recipients: notified, cause: alert.clock } });
    }
    return;
  }
  const [{ level } = { level: 0 }] = await tx.query<{ level: number }>(
    'select count(*)::int as level from escalations where complaint_id = $1 and cycle = $2', [row.id, row.sla_cycle],
  );
  const next = Math.min(level + 1, 2);
  const won = await tx.query(
    'insert into escalations (complaint_id, cycle, level, at) values ($1, $2, $3, $4) on conflict do nothing returning 1',
    [row.id, row.sla_cycle, next, alert.at],
  );
  if (!won.length) return;
  const recipients = next === 1 ? await usersWithRole(tx, ['supervisor'], row.department_id) : await usersWithRole(tx, ['admin'], null);
  let reassignedTo: string | null = null;
  if (next === 1 && policy.reassignOnBreach && recipients[0] && recipients[0] !== row.assignee_id) {
    reassignedTo = recipients[0];
    await appendEvent(tx, { complaintId: row.id, type: 'complaint.assigned', actor: SYSTEM_ACTOR, at: alert.at, data: { from: row.assignee_id, to: reassignedTo } });
    row.assignee_id = reassignedTo;
  }
  const notified = await notifyStaff(tx, [...recipients, ...(row.assignee_id ? [row.assignee_id] : [])], {
    complaintId: row.id, kind: `escalation.level${next}`, at: alert.at,
    title: `Escalated (level ${next}): ${label}`, body: `The ${alert.clock.replace('_', ' ')} target was breached.`,
  });
  row.escalation_level = Math.max(row.escalation_level ?? 0, next);
  await tx.query('update complaints set escalation_level = $2, assignee_id = $3 where id = $1', [row.id, row.escalation_level, row.assignee_id]);
  await appendEvent(tx, {
    complaintId: row.id, type: 'complaint.escalated', actor: SYSTEM_ACTOR, at: alert.at,
    data: { level: next, cause: alert.clock, notified, reassignedTo },
  });
}
