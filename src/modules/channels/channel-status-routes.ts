import type { Queryable } from '../../db/database.js';
import { defineRoute } from '../../http/define-route.js';
import { requireRole } from '../auth/require-role.js';
import { channelHealth } from './channel-health.js';
import { describeChannelConfig, redact, secretsOf } from './describe-channels.js';

const INBOUND_STATES = ['received', 'processed', 'duplicate', 'failed'] as const;
const DAY_MS = 24 * 3600_000;
const LOOKBACK_DAYS = 30;

const sum = <R extends { n: number }>(rows: R[], pick: (r: R) => boolean) => rows.filter(pick).reduce((total, r) => total + r.n, 0);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

async function inboundEmailCounts(db: Queryable) {
  const rows = await db.query<{ status: string; n: number; last: Date | null }>(
    'select status, count(*)::int as n, max(received_at) as last from inbound_emails group by status',
  );
  const byState = Object.fromEntries(INBOUND_STATES.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0])) as Record<(typeof INBOUND_STATES)[number], number>;
  const last = rows.reduce<Date | null>((m, r) => (r.last && (!m || r.last > m) ? r.last : m), null);
  return { byState, lastReceivedAt: iso(last) };
}

/**
 * Outbound delivery of customer notices over one channel: the backlog (from the notices outbox,
 * on its partial index) and the last day's outcomes with the latest failure (from the events
 * the sender writes, on the (type, at) index) — never a scan of every notice ever sent.
 */
async function deliveries(db: Queryable, channel: 'email' | 'sms', now: Date, secrets: readonly string[]) {
  const backlog = await db.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from notices where status in ('queued', 'sending', 'failed') and channel = $1 group by status`, [channel],
  );
  const since = new Date(now.getTime() - DAY_MS);
  const day = await db.query<{ type: string; n: number }>(
    `select type, count(*)::int as n from complaint_events
      where type in ('notice.sent', 'notice.failed', 'notice.dead') and at >= $2 and data->>'channel' = $1 group by type`,
    [channel, since],
  );
  // Looked for within a month: in-app notices share these event types, so an unbounded search for
  // the last email could walk the whole history when no email has gone out in a long time.
  const horizon = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  const [lastSent] = await db.query<{ at: Date }>(
    `select at from complaint_events where type = 'notice.sent' and at >= $2 and data->>'channel' = $1 order by at desc limit 1`, [channel, horizon],
  );
  const [lastFailure] = await db.query<{ type: string; at: Date; error: string | null }>(
    `select type, at, data->>'error' as error from complaint_events
      where type in ('notice.failed', 'notice.dead') and at >= $2 and data->>'channel' = $1 order by at desc limit 1`, [channel, horizon],
  );
  return {
    waiting: sum(backlog, (r) => r.status !== 'failed'),
    retrying: sum(backlog, (r) => r.status === 'failed'),
    last24h: {
      sent: sum(day, (r) => r.type === 'notice.sent'),
      failedAttempts: sum(day, (r) => r.type === 'notice.failed'),
      dead: sum(day, (r) => r.type === 'notice.dead'),
    },
    /** lastSentAt and lastFailure look this far back; null when nothing in that time. */
    lookbackDays: LOOKBACK_DAYS,
    lastSentAt: iso(lastSent?.at),
    lastFailure: lastFailure
      ? { at: lastFailure.at.toISOString(), final: lastFailure.type === 'notice.dead', error: redact(lastFailure.error, secrets) }
      : null,
  };
}

export const channelStatusRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/admin/channels', tag: 'channels', auth: 'required',
    summary: 'Admin: every channel\'s settings (passwords and tokens masked) and health as this instance sees it',
    async handler({ ctx, principal }) {
      requireRole(principal, ['admin'], 'see channel settings');
      const now = ctx.clock.now();
      const secrets = secretsOf(ctx.config);
      const config = describeChannelConfig(ctx.config);
      const health = channelHealth(ctx);
      const [inbound, email, sms, [webhooks]] = await Promise.all([
        inboundEmailCounts(ctx.db),
        deliveries(ctx.db, 'email', now, secrets),
        deliveries(ctx.db, 'sms', now, secrets),
        ctx.db.query<{ total: number; active: number }>('select count(*)::int as total, count(*) filter (where active)::int as active from webhook_sources'),
      ]);
      return {
        instanceId: ctx.instanceId,
        generatedAt: now.toISOString(),
        mailbox: {
          ...config.mailbox,
          // The poller of this instance (it runs whenever IMAP_URL is set); another instance on the same database polls on its own.
          polling: config.mailbox.configured,
          lastPollAt: iso(health.imap.lastPollAt),
          lastSuccessAt: iso(health.imap.lastSuccessAt),
          lastTaken: health.imap.lastTaken,
          lastError: redact(health.imap.lastError, secrets),
          lastErrorAt: iso(health.imap.lastErrorAt),
        },
        outboundSmtp: { ...config.outboundSmtp, deliveries: email },
        inboundSmtp: { ...config.inboundSmtp, listening: health.smtpListeningPort !== null, listeningPort: health.smtpListeningPort },
        inboundEmails: inbound,
        sms: { ...config.sms, deliveries: sms },
        webhooks: { total: webhooks?.total ?? 0, active: webhooks?.active ?? 0 },
      };
    },
  }),
];
