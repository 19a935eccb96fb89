import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import type { Status } from '../complaints/lifecycle.js';
import { appendEvent } from '../events/append-event.js';
import type { SURVEY_CHANNELS } from './survey-events.js';
import { loadSurveySettings } from './survey-settings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/**
 * What a status change means for surveys; called by the complaint lifecycle (transition) in
 * the transaction that makes the change. Resolved → a survey for this resolution cycle is
 * scheduled. Reopened → surveys still waiting are cancelled (the question "how did we do?"
 * no longer fits), and a survey that already reached the customer is marked as followed by
 * a reopen (the report's reopen-after-survey count).
 */
export async function onComplaintStatusForSurveys(tx: Queryable, row: ComplaintRow, to: Status, actor: Actor, now: Date): Promise<void> {
  if (to === 'resolved') await scheduleSurvey(tx, row, actor, now);
  else if (to === 'reopened') await endSurveysOnReopen(tx, row.id, now);
}

/** The customer's channel for the survey: the channel they complained through when we can reach them there. */
export function surveyChannel(complaintChannel: string, customer: { email: string | null; phone: string | null }): SurveyChannel {
  if (complaintChannel === 'email' && customer.email) return 'email';
  if (complaintChannel === 'phone' && customer.phone) return 'sms';
  if (complaintChannel === 'web' || complaintChannel === 'hall' || complaintChannel === 'chat') return 'in_app';
  if (customer.email) return 'email';
  if (customer.phone) return 'sms';
  return 'in_app';
}

async function scheduleSurvey(tx: Queryable, row: ComplaintRow, actor: Actor, now: Date): Promise<void> {
  const settings = await loadSurveySettings(tx);
  if (!settings.enabled) return;
  const [customer] = await tx.query<{ email: string | null; phone: string | null }>('select email, phone from customers where id = $1', [row.customer_id]);
  const channel = surveyChannel(row.channel, customer ?? { email: null, phone: null });
  const sendAt = new Date(now.getTime() + settings.delayHours * HOUR);
  const expiresAt = new Date(now.getTime() + settings.windowDays * DAY);
  const id = randomUUID();
  // the agent credited with the resolution: the assignee, else whoever resolved it
  const agent = row.assignee_id ?? (actor.kind === 'user' ? actor.id : null);
  const inserted = await tx.query(
    `insert into surveys (id, complaint_id, cycle, channel, resolved_at, send_at, expires_at, agent_id, department_id, category, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $5)
     on conflict (complaint_id, cycle) do nothing returning 1`,
    [id, row.id, row.sla_cycle, channel, now, sendAt, expiresAt, agent, row.department_id, row.category],
  );
  if (!inserted.length) return;
  await appendEvent(tx, {
    complaintId: row.id, type: 'survey.scheduled', actor: SYSTEM_ACTOR, at: now,
    data: { surveyId: id, cycle: row.sla_cycle, channel, sendAt: sendAt.toISOString(), expiresAt: expiresAt.toISOString() },
  });
}

async function endSurveysOnReopen(tx: Queryable, complaintId: string, now: Date): Promise<void> {
  await tx.query(
    `update surveys set reopened_at = $2
      where id = (select id from surveys where complaint_id = $1 order by cycle desc limit 1)
        and status in ('sent', 'reminded', 'answered') and reopened_at is null`,
    [complaintId, now],
  );
  const cancelled = await tx.query<{ id: string }>(
    `update surveys set status = 'cancelled', cancelled_at = $2
      where complaint_id = $1 and status in ('scheduled', 'sent', 'reminded') returning id`,
    [complaintId, now],
  );
  for (const { id } of cancelled) {
    await appendEvent(tx, { complaintId, type: 'survey.cancelled', actor: SYSTEM_ACTOR, at: now, data: { surveyId: id, reason: 'complaint reopened' } });
  }
}

/**
 * A customer may reopen a resolved complaint only within the survey window after its
 * resolution (the same window in which the survey takes answers); after it → 409
 * reopen_window_closed. Applies to every way a customer reopens (status API, portal).
 */
export async function assertCustomerReopenWindow(tx: Queryable, row: ComplaintRow, now: Date): Promise<void> {
  if (!row.resolved_at || (row.status !== 'resolved' && row.status !== 'closed')) return;
  const { windowDays } = await loadSurveySettings(tx);
  const endsAt = new Date(row.resolved_at.getTime() + windowDays * DAY);
  if (now >= endsAt) {
    throw new AppError('reopen_window_closed', `A complaint can be reopened within ${windowDays} days of its resolution.`, [
      { message: 'reopen window ended', resolvedAt: row.resolved_at.toISOString(), windowEndedAt: endsAt.toISOString(), windowDays },
    ]);
  }
}
