import type { Queryable, SqlParam } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { NewEvent } from '../events/append-event.js';
import type { DuplicateMatch, RepeatMatch } from './find-repeats.js';

export const FOLLOW_UP_HOURS = 24;
/** At most this many merge suggestions per new complaint (the closest ones). */
const MAX_SUGGESTIONS = 3;

/**
 * After a repeat or near-duplicate is found at intake: the supervisor follow-up and the merge
 * suggestions, written in one statement, and the events that record them — returned, so
 * intake appends them with its own events in one statement too (same transaction).
 */
export async function recordIntakeLinks(
  tx: Queryable,
  complaintId: string,
  now: Date,
  found: { repeat: RepeatMatch | null; duplicates: DuplicateMatch[]; windowDays: number },
): Promise<NewEvent[]> {
  const suggestions = found.duplicates.slice(0, MAX_SUGGESTIONS);
  if (!found.repeat && !suggestions.length) return [];
  const dueAt = new Date(now.getTime() + FOLLOW_UP_HOURS * 3_600_000);
  const params: SqlParam[] = [complaintId, now, dueAt, found.repeat !== null];
  const rows = suggestions.map((d) => {
    params.push(d.id, d.similarity);
    return `($1::uuid, $${params.length - 1}::uuid, $${params.length}::real, $2::timestamptz)`;
  });
  const [written] = await tx.query<{ follow_up_id: string | null }>(
    `with follow_up as (
       insert into follow_ups (complaint_id, kind, assigned_role, due_at, created_at)
       select $1, 'repeat', 'supervisor', $3, $2 where $4::boolean
       on conflict (complaint_id, kind) do nothing returning id
     )${rows.length ? `, suggested as (
       insert into duplicate_suggestions (complaint_id, candidate_id, similarity, created_at) values ${rows.join(', ')}
       on conflict do nothing
     )` : ''}
     select (select id from follow_up) as follow_up_id`,
    params,
  );
  const base = { complaintId, actor: SYSTEM_ACTOR, at: now };
  const events: NewEvent[] = [];
  if (found.repeat) {
    events.push({
      ...base, type: 'complaint.repeat_detected',
      data: { repeatOfId: found.repeat.id, repeatOfNumber: found.repeat.number, match: found.repeat.match, windowDays: found.windowDays },
    });
    if (written?.follow_up_id) {
      events.push({
        ...base, type: 'followup.created',
        data: { followUpId: written.follow_up_id, kind: 'repeat', assignedRole: 'supervisor', dueAt: dueAt.toISOString() },
      });
    }
  }
  for (const d of suggestions) {
    events.push({ ...base, type: 'complaint.duplicate_suggested', data: { candidateId: d.id, candidateNumber: d.number, similarity: d.similarity } });
  }
  return events;
}
