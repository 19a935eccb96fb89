import type { Queryable } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { publish } from '../../realtime/bus.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { appendEvent, appendEvents } from '../events/append-event.js';
import type { NoticeChannel, NoticeKind, NoticeLocale } from './notice-kinds.js';
import { NoticeDeliveryError, sendNotice } from './notice-senders.js';
import { parseQuietHours, quietHoursEnd } from './quiet-hours.js';
import { renderNotice } from './render-notice.js';
import { templateBook } from './template-store.js';

/**
 * The outbox sender. Delivery is AT LEAST ONCE: a notice is claimed (status 'sending',
 * attempts + 1, a lease in next_attempt_at) and committed before it is handed to SMTP /
 * the SMS provider, and marked sent afterwards. A crash between the hand-over and the mark
 * leaves the claim to expire and the notice is sent again — the one window for a duplicate,
 * made recognisable by the deterministic Message-ID (notice-senders.ts). We prefer that to
 * at-most-once, which would silently lose a notice the customer is waiting for.
 * Claims use FOR UPDATE SKIP LOCKED, and every mark checks the claim (attempts + owner), so
 * two instances never send the same claimed notice, and a late sender never overwrites a
 * newer claim.
 */
export const NOTICE_BATCH = 200;

interface ClaimedRow {
  id: string;
  complaint_id: string;
  customer_id: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  locale: NoticeLocale;
  recipient: string | null;
  urgent: boolean;
  vars: Record<string, string>;
  subject: string | null;
  body: string | null;
  attempts: number;
  created_at: Date;
  quiet_start: number | null;
  quiet_end: number | null;
  time_zone: string | null;
}

type Outcome =
  | { kind: 'sent'; messageId: string | null }
  | { kind: 'deferred'; until: Date }
  | { kind: 'failed'; error: string; retryable: boolean };

async function claim(ctx: AppContext, now: Date, limit: number): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + ctx.config.NOTICE_LEASE_MS);
  return ctx.db.transaction((tx) =>
    tx.query<ClaimedRow>(
      `with due as (
         select id from notices
          where status in ('queued','sending','failed') and next_attempt_at <= $1
          order by next_attempt_at
          limit $2
          for update skip locked)
       update notices n
          set status = 'sending', attempts = n.attempts + 1, next_attempt_at = $3, lease_owner = $4
         from due
        where n.id = due.id
       returning n.id, n.complaint_id, n.customer_id, n.kind, n.channel, n.locale, n.recipient, n.urgent, n.vars,
                 n.subject, n.body, n.attempts, n.created_at,
                 (select quiet_start from customer_notice_preferences p where p.customer_id = n.customer_id) as quiet_start,
                 (select quiet_end from customer_notice_preferences p where p.customer_id = n.customer_id) as quiet_end,
                 (select time_zone from customer_notice_preferences p where p.customer_id = n.customer_id) as time_zone`,
      [now, limit, leaseUntil, ctx.instanceId],
    ),
  );
}

/** Non-urgent email and SMS wait for the end of quiet hours; in-app notices disturb nobody. */
function deferral(ctx: AppContext, n: ClaimedRow, now: Date): Date | null {
  if (n.urgent || n.channel === 'in_app') return null;
  const q = n.quiet_start !== null && n.quiet_end !== null ? { start: n.quiet_start, end: n.quiet_end } : parseQuietHours(ctx.config.NOTICE_QUIET_HOURS);
  if (!q) return null;
  return quietHoursEnd(now, { ...q, timeZone: n.time_zone ?? ctx.config.NOTICE_TIME_ZONE });
}

/** Earlier emails of the same complaints (for In-Reply-To / References), oldest first. */
async function threads(db: Queryable, rows: ClaimedRow[]): Promise<Map<string, Array<{ id: string; at: Date; messageId: string }>>> {
  const ids = [...new Set(rows.filter((r) => r.channel === 'email').map((r) => r.complaint_id))];
  const map = new Map<string, Array<{ id: string; at: Date; messageId: string }>>();
  if (!ids.length) return map;
  const sent = await db.query<{ complaint_id: string; id: string; created_at: Date; message_id: string }>(
    `select complaint_id, id, created_at, message_id from notices
      where complaint_id = any($1) and channel = 'email' and status = 'sent' and message_id is not null
      order by created_at, event_id, id`,
    [ids],
  );
  for (const s of sent) map.set(s.complaint_id, [...(map.get(s.complaint_id) ?? []), { id: s.id, at: s.created_at, messageId: s.message_id }]);
  return map;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function backoffMs(ctx: AppContext, attempt: number): number {
  return Math.min(ctx.config.NOTICE_RETRY_BASE_MS * 2 ** (attempt - 1), 6 * 3600_000);
}

/** The claim is still ours: nobody re-claimed the notice after our lease ran out. */
const GUARD = `status = 'sending' and attempts = $2 and lease_owner = $3`;

/**
 * Marks the sent notices of a batch in one statement and writes their notice.sent events in
 * another (a row-by-row settle cost two round trips per notice — the bulk of a batch's time).
 */
async function settleSent(ctx: AppContext, tx: Queryable, sent: Array<{ n: ClaimedRow; messageId: string | null; rendered: { subject: string | null; body: string } }>, now: Date): Promise<void> {
  if (!sent.length) return;
  // `n.id = any($1)` lets the planner fetch the batch by primary key; joined to the unnest
  // alone it scanned the whole notices table (106 ms per batch on PGlite at 40,000 notices).
  const done = await tx.query<{ id: string }>(
    `update notices n
        set status = 'sent', sent_at = $4, message_id = v.message_id, subject = v.subject, body = v.body, last_error = null, lease_owner = null
       from (select unnest($1::uuid[]) as id, unnest($2::int[]) as attempts, unnest($5::text[]) as message_id,
                    unnest($6::text[]) as subject, unnest($7::text[]) as body) v
      where n.id = any($1::uuid[]) and n.id = v.id and n.status = 'sending' and n.attempts = v.attempts and n.lease_owner = $3
      returning n.id`,
    [sent.map((s) => s.n.id), sent.map((s) => String(s.n.attempts)), ctx.instanceId, now,
      sent.map((s) => s.messageId), sent.map((s) => s.rendered.subject), sent.map((s) => s.rendered.body)],
  );
  const ours = new Set(done.map((d) => d.id));
  const settled = sent.filter((s) => ours.has(s.n.id));
  await appendEvents(tx, settled.map(({ n }) => ({
    complaintId: n.complaint_id, type: 'notice.sent' as const, actor: SYSTEM_ACTOR, at: now,
    data: { noticeId: n.id, kind: n.kind, channel: n.channel, attempt: n.attempts },
  })));
  for (const { n } of settled) {
    if (n.channel === 'in_app') publish(tx, { topic: 'notice.created', customerId: n.customer_id, noticeId: n.id, complaintId: n.complaint_id });
  }
}

/**
 * Puts the notices that quiet hours hold back in a batch back in the queue, in one statement:
 * at night every non-urgent notice of a sweep is deferred, and row by row that was a round
 * trip per notice. Quiet hours are a wait, not an attempt.
 */
async function settleDeferred(ctx: AppContext, tx: Queryable, deferred: Array<{ n: ClaimedRow; until: Date }>): Promise<void> {
  if (!deferred.length) return;
  await tx.query(
    `update notices n
        set status = 'queued', attempts = n.attempts - 1, next_attempt_at = v.until, lease_owner = null
       from (select unnest($1::uuid[]) as id, unnest($2::int[]) as attempts, unnest($4::timestamptz[]) as until) v
      where n.id = any($1::uuid[]) and n.id = v.id and n.status = 'sending' and n.attempts = v.attempts and n.lease_owner = $3`,
    [deferred.map((d) => d.n.id), deferred.map((d) => String(d.n.attempts)), ctx.instanceId, deferred.map((d) => d.until)],
  );
}

/** Records a failed attempt of one claimed notice, if the claim is still ours. */
async function settleFailed(ctx: AppContext, tx: Queryable, n: ClaimedRow, o: Extract<Outcome, { kind: 'failed' }>, rendered: { subject: string | null; body: string }, now: Date): Promise<void> {
  const base = { noticeId: n.id, kind: n.kind, channel: n.channel };
  const event = { complaintId: n.complaint_id, actor: SYSTEM_ACTOR, at: now };
  const dead = !o.retryable || n.attempts >= ctx.config.NOTICE_MAX_ATTEMPTS;
  const nextAt = new Date(now.getTime() + backoffMs(ctx, n.attempts));
  const done = await tx.query(
    `update notices set status = $4, last_error = $5, next_attempt_at = $6, subject = $7, body = $8, lease_owner = null
      where id = $1 and ${GUARD} returning 1`,
    [n.id, n.attempts, ctx.instanceId, dead ? 'dead' : 'failed', o.error, dead ? now : nextAt, rendered.subject, rendered.body],
  );
  if (!done.length) return;
  if (dead) await appendEvent(tx, { ...event, type: 'notice.dead', data: { ...base, attempt: n.attempts, error: o.error } });
  else await appendEvent(tx, { ...event, type: 'notice.failed', data: { ...base, attempt: n.attempts, error: o.error, nextAttemptAt: nextAt.toISOString() } });
}

/** One batch: claim, render, send in parallel, settle in one transaction. Returns how many were claimed. */
export async function deliverBatch(ctx: AppContext, limit = NOTICE_BATCH): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await claim(ctx, now, limit);
  if (!claimed.length) return 0;
  const book = await templateBook(ctx.db);
  const thread = await threads(ctx.db, claimed);
  const results = new Map<string, { outcome: Outcome; rendered: { subject: string | null; body: string } }>();
  await eachLimited(claimed, ctx.config.NOTICE_SEND_CONCURRENCY, async (n) => {
    const rendered = n.body !== null ? { subject: n.subject, body: n.body } : renderNotice(n, book, ctx);
    const until = deferral(ctx, n, now);
    if (until) {
      results.set(n.id, { outcome: { kind: 'deferred', until }, rendered });
      return;
    }
    const earlier = (thread.get(n.complaint_id) ?? []).filter((t) => t.id !== n.id && t.at <= n.created_at).map((t) => t.messageId);
    try {
      const messageId = await sendNotice(ctx, { id: n.id, channel: n.channel, recipient: n.recipient, complaintNumber: n.vars.complaintNumber ?? '', ...rendered, thread: earlier });
      results.set(n.id, { outcome: { kind: 'sent', messageId }, rendered });
    } catch (err) {
      const e = err instanceof NoticeDeliveryError ? err : new NoticeDeliveryError((err as Error).message, true);
      results.set(n.id, { outcome: { kind: 'failed', error: e.message, retryable: e.retryable }, rendered });
    }
  });
  const settledAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const sent: Parameters<typeof settleSent>[2] = [];
    const deferred: Parameters<typeof settleDeferred>[2] = [];
    for (const n of claimed) {
      const r = results.get(n.id)!;
      if (r.outcome.kind === 'sent') sent.push({ n, messageId: r.outcome.messageId, rendered: r.rendered });
      else if (r.outcome.kind === 'deferred') deferred.push({ n, until: r.outcome.until });
      else await settleFailed(ctx, tx, n, r.outcome, r.rendered, settledAt);
    }
    await settleDeferred(ctx, tx, deferred);
    await settleSent(ctx, tx, sent, settledAt);
  });
  return claimed.length;
}

/**
 * Claim-send-settle loops run side by side: while one waits for the database, another's mail
 * is on the wire. SKIP LOCKED keeps them (and other instances) off each other's rows.
 */
const SENDER_LOOPS = 3;

/** The durable sweep (src/server/background.ts): delivers everything due, batch after batch. */
export async function deliverDueNotices(ctx: AppContext): Promise<number> {
  const loop = async () => {
    let total = 0;
    for (;;) {
      const n = await deliverBatch(ctx);
      total += n;
      if (n < NOTICE_BATCH) return total;
    }
  };
  const counts = await Promise.all(Array.from({ length: SENDER_LOOPS }, loop));
  return counts.reduce((a, b) => a + b, 0);
}
