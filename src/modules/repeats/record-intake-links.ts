import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { NewEvent } from '../events/append-event.js';
import type { DuplicateMatch, RepeatMatch } from './find-repeats.js';

export const FOLLOW_UP_HOURS = 24;
/** At most this many merge suggestions per new complaint (the closest ones). */
const MAX_SUGGESTIONS = 3;

export interface IntakeLinks {
  complaintId: string;
  at: Date;
  repeat: RepeatMatch | null;
  duplicates: DuplicateMatch[];
  windowDays: number;
}

/**
 * After repeats or near-duplicates are found at intake: the supervisor follow-ups and the
 * merge suggestions of every new complaint of an intake group, written in one statement, and
 * the events that record them — returned per complaint, so intake appends them with its own
 * events in one statement too (same transaction).
 */
export async function recordIntakeLinks(tx: Queryable, list: readonly IntakeLinks[]): Promise<NewEvent[][]> {
  const repeats = list.filter((l) => l.repeat);
  const suggestions = list.flatMap((l) => l.duplicates.slice(0, MAX_SUGGESTIONS).map((d) => ({ l, d })));
  if (!repeats.length && !suggestions.length) return list.map(() => []);
  const dueAt = (l: IntakeLinks) => new Date(l.at.getTime() + FOLLOW_UP_HOURS * 3_600_000);
  const written = await tx.query<{ complaint_id: string; id: string }>(
    `with follow_up as (
       insert into follow_ups (complaint_id, kind, assigned_role, due_at, created_at)
       select t.complaint_id, 'repeat', 'supervisor', t.due_at, t.created_at
         from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) as t(complaint_id, due_at, created_at)
       on conflict (complaint_id, kind) do nothing returning complaint_id, id
     ), suggested as (
       insert into duplicate_suggestions (complaint_id, candidate_id, similarity, created_at)
       select * from unnest($4::uuid[], $5::uuid[], $6::real[], $7::timestamptz[])
       on conflict do nothing
     )
     select complaint_id, id from follow_up`,
    [
      repeats.map((l) => l.complaintId), repeats.map(dueAt), repeats.map((l) => l.at),
      suggestions.map((s) => s.l.complaintId), suggestions.map((s) => s.d.id), suggestions.map((s) => s.d.similarity), suggestions.map((s) => s.l.at),
    ],
  );
  const followUp = new Map(written.map((r) => [r.complaint_id, r.id]));
  return list.map((l) => {
    const base = { complaintId: l.complaintId, actor: SYSTEM_ACTOR, at: l.at };
    const events: NewEvent[] = [];
    if (l.repeat) {
      events.push({
        ...base, type: 'complaint.repeat_detected',
        data: { repeatOfId: l.repeat.id, repeatOfNumber: l.repeat.number, match: l.repeat.match, windowDays: l.windowDays },
      });
      const id = followUp.get(l.complaintId);
      if (id) {
        events.push({
          ...base, type: 'followup.created',
          data: { followUpId: id, kind: 'repeat', assignedRole: 'supervisor', dueAt: dueAt(l).toISOString() },
        });
      }
    }
    for (const d of l.duplicates.slice(0, MAX_SUGGESTIONS)) {
      events.push({ ...base, type: 'complaint.duplicate_suggested', data: { candidateId: d.id, candidateNumber: d.number, similarity: d.similarity } });
    }
    return events;
  });
}
