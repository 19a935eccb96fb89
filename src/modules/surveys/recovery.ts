import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { OPEN_STATUSES } from '../complaints/lifecycle.js';
import { appendEvent } from '../events/append-event.js';
import { notifyStaff } from '../escalation/notify-staff.js';

export const RECOVERY_TAG = 'recovery';

/**
 * The supervisor who takes a recovery case: the one of the complaint's department with the
 * fewest open complaints assigned, else the least-loaded supervisor of any department; ties
 * go to the longest-serving (created first), then by id, so the choice is deterministic.
 */
export async function leastLoadedSupervisor(tx: Queryable, departmentId: string | null): Promise<string | null> {
  const pick = (inDepartment: boolean) =>
    tx.query<{ id: string }>(
      `select u.id from users u
         left join complaints c on c.assignee_id = u.id and c.status = any($1)
        where u.active and u.role = 'supervisor' ${inDepartment ? 'and u.department_id = $2' : ''}
        group by u.id, u.created_at
        order by count(c.id), u.created_at, u.id limit 1`,
      inDepartment ? [[...OPEN_STATUSES], departmentId] : [[...OPEN_STATUSES]],
    );
  const [own] = departmentId ? await pick(true) : [];
  if (own) return own.id;
  const [any] = await pick(false);
  return any?.id ?? null;
}

/**
 * An unsatisfied customer (CSAT at or below the threshold): the complaint becomes a recovery
 * case — tagged, assigned to a supervisor, who is notified. Mutates `row` (tags, assignee);
 * the caller saves it in the same transaction.
 */
export async function startRecovery(
  tx: Queryable,
  row: ComplaintRow,
  survey: { id: string; csat: number; threshold: number },
  now: Date,
): Promise<string | null> {
  if (!row.tags.includes(RECOVERY_TAG)) {
    const from = [...row.tags];
    row.tags = [...row.tags, RECOVERY_TAG];
    await appendEvent(tx, { complaintId: row.id, type: 'complaint.tags_changed', actor: SYSTEM_ACTOR, at: now, data: { from, to: row.tags } });
  }
  const supervisor = await leastLoadedSupervisor(tx, row.department_id);
  if (supervisor && supervisor !== row.assignee_id) {
    await appendEvent(tx, { complaintId: row.id, type: 'complaint.assigned', actor: SYSTEM_ACTOR, at: now, data: { from: row.assignee_id, to: supervisor } });
    row.assignee_id = supervisor;
  }
  await appendEvent(tx, {
    complaintId: row.id, type: 'survey.recovery', actor: SYSTEM_ACTOR, at: now,
    data: { surveyId: survey.id, csat: survey.csat, threshold: survey.threshold, supervisorId: supervisor },
  });
  if (supervisor) {
    const notified = await notifyStaff(tx, [supervisor], {
      complaintId: row.id, kind: 'survey.recovery', at: now,
      title: `Recovery case: ${row.number} ${row.subject}`,
      body: `The customer rated the resolution ${survey.csat}/5; the complaint was reopened and assigned to you.`,
    });
    await appendEvent(tx, { complaintId: row.id, type: 'notification.staff', actor: SYSTEM_ACTOR, at: now, data: { kind: 'survey.recovery', recipients: notified, cause: 'survey' } });
  }
  return supervisor;
}
