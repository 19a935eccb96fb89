import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvent } from '../events/append-event.js';
import type { HandoffRow, LockedHandoff } from './handoff-row.js';

export type HandoffAlertKind = 'forward_overdue' | 'answer_overdue';

type DeadlineFields = Pick<HandoffRow, 'status' | 'forward_due_at' | 'answer_due_at'>;

/** The deadlines a task in its current status still has to meet. */
export function pendingDeadlines(h: DeadlineFields): Array<{ kind: HandoffAlertKind; dueAt: Date }> {
  switch (h.status) {
    case 'open':
      return [{ kind: 'forward_overdue', dueAt: h.forward_due_at }, { kind: 'answer_overdue', dueAt: h.answer_due_at }];
    case 'acknowledged':
      return [{ kind: 'answer_overdue', dueAt: h.answer_due_at }];
    case 'answered':
    case 'cancelled':
    case 'passed':
    case 'returned':
      return [];
  }
}

const earliest = (dates: Date[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);

/**
 * The queue order (nearest pending deadline, passed or not) and when the sweep must next
 * look (the nearest deadline not yet passed; passed ones were recorded by the caller).
 * A deadline counts as missed only once the time is strictly after it.
 */
export function scheduleOf(h: DeadlineFields, now: Date): { due_at: Date | null; next_check_at: Date | null } {
  const pending = pendingDeadlines(h).map((p) => p.dueAt);
  return { due_at: earliest(pending), next_check_at: earliest(pending.filter((d) => d >= now)) };
}

/**
 * Records every deadline of the task that passed before `now` and is still pending as
 * handoff.forward_overdue / handoff.answer_overdue, each exactly once: the handoff_alerts
 * primary key decides who writes, so two instances (or a sweep racing an acknowledgement)
 * never both write it. The event carries the deadline instant, not when it was noticed.
 * Commands call this before they change a task's status, so a late step still leaves the
 * miss on record.
 */
export async function recordDueHandoffAlerts(tx: Queryable, h: LockedHandoff, now: Date): Promise<HandoffAlertKind[]> {
  const recorded: HandoffAlertKind[] = [];
  for (const { kind, dueAt } of pendingDeadlines(h)) {
    if (!(dueAt < now)) continue;
    const inserted = await tx.query(
      'insert into handoff_alerts (handoff_id, kind, at) values ($1, $2, $3) on conflict do nothing returning 1',
      [h.id, kind, dueAt],
    );
    if (!inserted.length) continue;
    recorded.push(kind);
    await appendEvent(tx, {
      complaintId: h.complaint_id,
      type: kind === 'forward_overdue' ? 'handoff.forward_overdue' : 'handoff.answer_overdue',
      actor: SYSTEM_ACTOR,
      at: dueAt,
      data: { handoffId: h.id, department: h.department_code, dueAt: dueAt.toISOString() },
    });
  }
  return recorded;
}
