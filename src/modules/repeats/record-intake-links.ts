import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import type { RepeatMatch } from './find-repeats.js';

export const FOLLOW_UP_HOURS = 24;

/** After a repeat or near-duplicate is found at intake: the events, the supervisor follow-up and the merge suggestion. */
export async function recordIntakeLinks(
  tx: Queryable,
  complaintId: string,
  now: Date,
  found: { repeat: RepeatMatch | null; duplicates: Array<{ id: string; number: string; similarity: number }>; windowDays: number },
): Promise<void> {
  if (found.repeat) {
    await appendEvent(tx, {
      complaintId, type: 'complaint.repeat_detected', actor: SYSTEM_ACTOR, at: now,
      data: { repeatOfId: found.repeat.id, repeatOfNumber: found.repeat.number, match: found.repeat.match, windowDays: found.windowDays },
    });
    const dueAt = new Date(now.getTime() + FOLLOW_UP_HOURS * 3_600_000);
    const [f] = await tx.query<{ id: string }>(
      `insert into follow_ups (complaint_id, kind, assigned_role, due_at, created_at) values ($1, 'repeat', 'supervisor', $2, $3)
       on conflict (complaint_id, kind) do nothing returning id`,
      [complaintId, dueAt, now],
    );
    if (f) {
      await appendEvent(tx, {
        complaintId, type: 'followup.created', actor: SYSTEM_ACTOR, at: now,
        data: { followUpId: f.id, kind: 'repeat', assignedRole: 'supervisor', dueAt: dueAt.toISOString() },
      });
    }
  }
  for (const d of found.duplicates.slice(0, 3)) {
    await tx.query(
      `insert into duplicate_suggestions (complaint_id, candidate_id, similarity, created_at) values ($1, $2, $3, $4) on conflict do nothing`,
      [complaintId, d.id, d.similarity, now],
    );
    await appendEvent(tx, {
      complaintId, type: 'complaint.duplicate_suggested', actor: SYSTEM_ACTOR, at: now,
      data: { candidateId: d.id, candidateNumber: d.number, similarity: d.similarity },
    });
  }
}
