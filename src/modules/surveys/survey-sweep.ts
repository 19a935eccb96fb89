import type { Queryable } from '../../db/database.js';
import { sweepInBatches } from '../../db/sweep-in-batches.js';
import type { AppContext } from '../../http/context.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { transition } from '../complaints/commands/change-status.js';
import { lockComplaint } from '../complaints/complaint-row.js';
import { appendEvent } from '../events/append-event.js';
import { loadSurveySettings } from './survey-settings.js';

const HOUR = 3_600_000;

interface Due {
  id: string;
  complaint_id: string;
  channel: 'email' | 'sms' | 'in_app';
  expires_at: Date;
}

/**
 * One pass of the durable survey sweep. Windows that ended are handled first (a survey whose
 * send time fell in a long outage is not sent after its window), then due surveys are sent
 * and due reminders written. Each step is claimed with FOR UPDATE … SKIP LOCKED together with
 * the complaint (which every status change locks first) and moves the survey out of the
 * state the claim looked for in the same transaction as its event, so each event is written
 * exactly once across instances and restarts. Returns the number of surveys handled.
 */
export async function runSurveySweep(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  const expired = await sweepInBatches(ctx, expireDue);
  const sent = await sweepInBatches(ctx, sendDue);
  const reminded = await sweepInBatches(ctx, remindDue);
  return expired + sent + reminded;
}

function claim(tx: Queryable, condition: string, order: string, now: Date, limit: number): Promise<Due[]> {
  return tx.query<Due>(
    `select s.id, s.complaint_id, s.channel, s.expires_at
       from surveys s join complaints c on c.id = s.complaint_id
      where ${condition}
      order by ${order} limit ${limit}
      for update of c, s skip locked`,
    [now],
  );
}

async function sendDue(tx: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await claim(tx, `s.status = 'scheduled' and s.send_at <= $1 and s.expires_at > $1`, 's.send_at, s.id', now, limit);
  if (!rows.length) return 0;
  const { reminderAfterHours } = await loadSurveySettings(tx);
  for (const s of rows) {
    const remindAt = new Date(now.getTime() + reminderAfterHours * HOUR);
    const won = await tx.query(
      `update surveys set status = 'sent', sent_at = $2, reminder_at = $3 where id = $1 and status = 'scheduled' returning 1`,
      [s.id, now, remindAt < s.expires_at ? remindAt : null],
    );
    if (!won.length) continue;
    await appendEvent(tx, {
      complaintId: s.complaint_id, type: 'survey.requested', actor: SYSTEM_ACTOR, at: now,
      data: { surveyId: s.id, channel: s.channel, expiresAt: s.expires_at.toISOString() },
    });
  }
  return rows.length;
}

async function remindDue(tx: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await claim(tx, `s.status = 'sent' and s.reminder_at <= $1 and s.expires_at > $1`, 's.reminder_at, s.id', now, limit);
  for (const s of rows) {
    const won = await tx.query(`update surveys set status = 'reminded', reminded_at = $2 where id = $1 and status = 'sent' returning 1`, [s.id, now]);
    if (!won.length) continue;
    await appendEvent(tx, {
      complaintId: s.complaint_id, type: 'survey.reminded', actor: SYSTEM_ACTOR, at: now,
      data: { surveyId: s.id, expiresAt: s.expires_at.toISOString() },
    });
  }
  return rows.length;
}

/** The window ended without an answer: the survey expires and (per settings) a still-resolved complaint is closed. */
async function expireDue(tx: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await claim(tx, `s.status in ('scheduled', 'sent', 'reminded') and s.expires_at <= $1`, 's.expires_at, s.id', now, limit);
  if (!rows.length) return 0;
  const { autoClose } = await loadSurveySettings(tx);
  for (const s of rows) {
    const won = await tx.query(
      `update surveys set status = 'expired' where id = $1 and status in ('scheduled', 'sent', 'reminded') returning 1`, [s.id],
    );
    if (!won.length) continue;
    await appendEvent(tx, { complaintId: s.complaint_id, type: 'survey.expired', actor: SYSTEM_ACTOR, at: now, data: { surveyId: s.id, answered: false } });
    const complaint = await lockComplaint(tx, s.complaint_id);
    if (autoClose && complaint.status === 'resolved') {
      const sla = await transition(tx, complaint, 'closed', SYSTEM_ACTOR, now, 'survey window ended');
      await sla.persist();
    }
  }
  return rows.length;
}
