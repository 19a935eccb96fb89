import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { publish } from '../../realtime/bus.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvents, type ComplaintEvent } from '../events/append-event.js';
import { onEvents } from '../events/event-listeners.js';
import { chooseChannels, type ChannelPreference } from './choose-channels.js';
import { noticeLocale, type NoticeChannel, type NoticeKind } from './notice-kinds.js';

/** Which notice an event means for the customer, if any. */
export function noticeKindFor(event: Pick<ComplaintEvent, 'type' | 'data'>): NoticeKind | null {
  // A string switch: survey.* types are declared by the surveys module (merged separately).
  const type: string = event.type;
  switch (type) {
    case 'complaint.created':
      return 'received';
    case 'handoff.requested':
      return 'handed_to_department';
    case 'message.public_reply':
      // A logged phone call is a conversation the customer already had, and a chat line was
      // said live in the chat they are in: mailing either afterwards would be noise.
      return ['phone', 'chat'].includes(String((event.data as { channel?: string }).channel)) ? null : 'reply';
    case 'survey.requested':
      return 'survey';
    case 'survey.reminded':
      return 'survey_reminder';
    case 'complaint.status_changed': {
      const { from, to } = event.data as { from: string; to: string };
      if (to === 'in_progress' && (from === 'new' || from === 'reopened')) return 'being_handled';
      if (to === 'awaiting_customer') return 'awaiting_reply';
      if (to === 'resolved') return 'resolved';
      if (to === 'reopened') return 'reopened';
      return null;
    }
    default:
      return null;
  }
}

interface Recipient {
  id: string;
  number: string;
  subject: string;
  channel: string;
  severity: string;
  first_response_due_at: Date;
  customer_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
  preference: ChannelPreference | null;
}

const RECIPIENT_SQL = `select c.id, c.number, c.subject, c.channel, c.severity, c.first_response_due_at, c.customer_id,
            cu.name, cu.email, cu.phone, cu.locale, p.channel as preference
       from complaints c
       join customers cu on cu.id = c.customer_id
       left join customer_notice_preferences p on p.customer_id = c.customer_id`;

/** The template variables that come from the database (links are added at delivery). */
async function variables(tx: Queryable, kind: NoticeKind, event: ComplaintEvent, r: Recipient, locale: string): Promise<Record<string, string>> {
  const vars = plainVariables(kind, event, r);
  const data = event.data;
  if (kind === 'handed_to_department') {
    const [d] = await tx.query<{ name: string; name_zh: string | null }>('select name, name_zh from departments where code = $1', [String(data.department)]);
    vars.department = (locale === 'en' ? d?.name : (d?.name_zh ?? d?.name)) ?? String(data.department);
  } else if (kind === 'reply') {
    const [m] = await tx.query<{ body: string }>('select body from messages where id = $1', [String(data.messageId)]);
    vars.replyText = m?.body ?? '';
  }
  return vars;
}

/** Kinds whose variables need no further read (see plainVariables). */
const PLAIN_KINDS = new Set<NoticeKind>(['received', 'survey', 'survey_reminder', 'awaiting_reply', 'resolved', 'reopened']);

/** The variables that come from the event and the recipient row alone. */
function plainVariables(kind: NoticeKind, event: ComplaintEvent, r: Recipient): Record<string, string> {
  const vars: Record<string, string> = { customerName: r.name, complaintNumber: r.number, complaintSubject: r.subject };
  if (kind === 'received') {
    vars.promiseMinutes = String((r.first_response_due_at.getTime() - new Date(event.at).getTime()) / 60_000);
  } else if (kind === 'survey' || kind === 'survey_reminder') {
    vars.surveyId = String(event.data.surveyId);
    vars.surveyExpiresAt = String(event.data.expiresAt);
  }
  return vars;
}

interface NoticeRow {
  id: string;
  key: string;
  complaintId: string;
  customerId: string;
  eventId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  locale: string;
  recipient: string | null;
  urgent: boolean;
  vars: Record<string, string>;
  at: Date;
}

function noticeRow(event: ComplaintEvent, kind: NoticeKind, channel: NoticeChannel, r: Recipient, locale: string, vars: Record<string, string>): NoticeRow {
  return {
    id: randomUUID(), key: `${event.id}:${kind}:${channel}`, complaintId: event.complaintId, customerId: r.customer_id, eventId: event.id,
    kind, channel, locale, recipient: channel === 'email' ? r.email : channel === 'sms' ? r.phone : null, urgent: r.severity === 'urgent', vars, at: new Date(event.at),
  };
}

/**
 * Inserts notices in one statement, skipping any already queued (same idempotency key), and
 * answers those inserted in the order given (RETURNING has no order of its own). One
 * statement text for any number of rows: a prepared statement per row count would pile up.
 */
async function insertNotices(tx: Queryable, rows: readonly NoticeRow[]) {
  if (!rows.length) return [];
  const inserted = await tx.query<{ id: string; complaint_id: string; kind: NoticeKind; channel: NoticeChannel; created_at: Date }>(
    `insert into notices (id, idempotency_key, complaint_id, customer_id, event_id, kind, channel, locale, recipient, urgent, vars, created_at, next_attempt_at)
     select t.id, t.key, t.complaint_id, t.customer_id, t.event_id, t.kind, t.channel, t.locale, t.recipient, t.urgent, t.vars::jsonb, t.at, t.at
       from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::timestamptz[])
            as t(id, key, complaint_id, customer_id, event_id, kind, channel, locale, recipient, urgent, vars, at)
     on conflict (idempotency_key) do nothing
     returning id, complaint_id, kind, channel, created_at`,
    [
      rows.map((n) => n.id), rows.map((n) => n.key), rows.map((n) => n.complaintId), rows.map((n) => n.customerId), rows.map((n) => n.eventId),
      rows.map((n) => n.kind), rows.map((n) => n.channel), rows.map((n) => n.locale), rows.map((n) => n.recipient), rows.map((n) => n.urgent),
      rows.map((n) => JSON.stringify(n.vars)), rows.map((n) => n.at),
    ],
  );
  const order = new Map(rows.map((n, i) => [n.id, i]));
  return inserted.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * Queues the notices an event means, inside the event's own transaction: they commit with
 * the change or not at all (never lost), and the idempotency key (event id + kind + channel)
 * with ON CONFLICT DO NOTHING makes processing the same event again a no-op (never twice).
 */
export async function enqueueNoticesFor(tx: Queryable, event: ComplaintEvent): Promise<number> {
  const kind = noticeKindFor(event);
  if (!kind) return 0;
  const [r] = await tx.query<Recipient>(`${RECIPIENT_SQL} where c.id = $1`, [event.complaintId]);
  if (!r) return 0;
  if (kind === 'being_handled') {
    // The first public reply moves a complaint into progress; its reply notice already says so.
    const [reply] = await tx.query(
      `select 1 from notices where complaint_id = $1 and kind = 'reply' and created_at = $2 limit 1`,
      [event.complaintId, new Date(event.at)],
    );
    if (reply) return 0;
  }
  const channels = chooseChannels({ preference: r.preference, complaintChannel: r.channel, email: r.email, phone: r.phone });
  if (!channels.length) return 0;
  const locale = noticeLocale(r.locale);
  const vars = await variables(tx, kind, event, r, locale);
  const at = new Date(event.at);
  const inserted = await insertNotices(tx, channels.map((channel) => noticeRow(event, kind, channel, r, locale, vars)));
  if (!inserted.length) return 0;
  await appendEvents(tx, inserted.map((n) => ({
    complaintId: event.complaintId, type: 'notice.queued' as const, actor: SYSTEM_ACTOR, at,
    data: { noticeId: n.id, kind, channel: n.channel },
  })));
  // Wakes the senders on every instance once this commits (they also sweep on a timer).
  publish(tx, { topic: 'notice.queued', complaintId: event.complaintId });
  return inserted.length;
}

/**
 * enqueueNoticesFor for many events at once (e.g. every complaint of an intake group): events
 * whose notice needs nothing more than the complaint and customer go in three statements in
 * all — recipients, notices, their notice.queued events — the rest one by one.
 */
export async function enqueueNoticesForMany(tx: Queryable, events: readonly ComplaintEvent[]): Promise<void> {
  const plain: Array<{ event: ComplaintEvent; kind: NoticeKind }> = [];
  for (const event of events) {
    const kind = noticeKindFor(event);
    if (!kind) continue;
    if (PLAIN_KINDS.has(kind)) plain.push({ event, kind });
    else await enqueueNoticesFor(tx, event);
  }
  if (!plain.length) return;
  const ids = [...new Set(plain.map((p) => p.event.complaintId))];
  const recipients = new Map((await tx.query<Recipient>(`${RECIPIENT_SQL} where c.id = any($1::uuid[])`, [ids])).map((r) => [r.id, r]));
  const rows: NoticeRow[] = [];
  for (const { event, kind } of plain) {
    const r = recipients.get(event.complaintId);
    if (!r) continue;
    const locale = noticeLocale(r.locale);
    const vars = plainVariables(kind, event, r);
    for (const channel of chooseChannels({ preference: r.preference, complaintChannel: r.channel, email: r.email, phone: r.phone })) {
      rows.push(noticeRow(event, kind, channel, r, locale, vars));
    }
  }
  const inserted = await insertNotices(tx, rows);
  if (!inserted.length) return;
  await appendEvents(tx, inserted.map((n) => ({
    complaintId: n.complaint_id, type: 'notice.queued' as const, actor: SYSTEM_ACTOR, at: n.created_at,
    data: { noticeId: n.id, kind: n.kind, channel: n.channel },
  })));
  for (const complaintId of new Set(inserted.map((n) => n.complaint_id))) publish(tx, { topic: 'notice.queued', complaintId });
}

export const noticeListener = onEvents(
  'notify',
  ['complaint.created', 'complaint.status_changed', 'handoff.requested', 'message.public_reply', 'survey.requested', 'survey.reminded'],
  async (tx, event) => {
    await enqueueNoticesFor(tx, event);
  },
  (tx, events) => enqueueNoticesForMany(tx, events),
);
