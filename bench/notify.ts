/**
 * Notification delivery throughput: N email notices in the outbox, delivered by the
 * notice sweep (claim with SKIP LOCKED → render → SMTP through a pooled nodemailer
 * transport → mark sent + notice.sent event) to a local smtp-server sink in this process.
 * Figure: deliveries/s (mails accepted by the sink ÷ wall time), target ≥ 500 (issue 4).
 */
import { randomUUID } from 'node:crypto';
import { createComplaint } from '../src/modules/complaints/commands/create-complaint.js';
import { createComplaintSchema } from '../src/modules/complaints/complaint-schema.js';
import { deliverDueNotices } from '../src/modules/notify/deliver-notices.js';
import { startSmtpSink } from '../src/modules/notify/testing/sinks.js';
import { startServer } from '../src/server/start-server.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { progress, round, withTarget, type Figure } from './report.js';

export async function runNotify(db: Database, opts: { database: 'postgres' | 'pglite'; notices: number; complaints: number; concurrency: number; connections: number }): Promise<Figure[]> {
  const sink = await startSmtpSink({ parse: false });
  const config = loadConfig({
    ...process.env, PORT: '0', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password-1',
    SMTP_URL: `${sink.url}/?pool=true&maxConnections=${opts.connections}&maxMessages=100000`,
    NOTICE_QUIET_HOURS: 'off', NOTICE_SEND_CONCURRENCY: String(opts.concurrency),
  });
  const server = await startServer(config, { db, listen: false, scheduler: false });
  try {
    const ctx = server.ctx;
    const [agent] = await db.query<{ id: string }>(`insert into users (email, name, role) values ($1, 'Bench agent', 'agent') returning id`, [`bench-${randomUUID()}@bench.local`]);
    const p = { kind: 'user' as const, sessionId: 'bench', userId: agent!.id, role: 'agent' as const, departmentId: null, name: 'Bench agent', email: 'bench@bench.local' };
    progress(`notify on ${opts.database}: ${opts.complaints} complaints through intake (their "received" notices are the templates)`);
    for (let i = 0; i < opts.complaints; i++) {
      const input = createComplaintSchema.parse({
        channel: 'email', subject: `Bench ${i}`, description: 'Parcel late', category: 'logistics', severity: 'general',
        customer: { name: `Bench ${i}`, email: `bench-${i}-${randomUUID()}@example.com` },
      });
      await createComplaint(ctx, p, input);
    }
    await deliverDueNotices(ctx); // warm-up: templates, pool connections, plans
    const warm = sink.received;
    progress(`notify on ${opts.database}: ${warm} warm-up mails; queueing ${opts.notices} email notices`);
    // N notices shaped like the real ones (copies of the queued "received" emails, each its own id and key).
    await db.query(
      `insert into notices (id, idempotency_key, complaint_id, customer_id, event_id, kind, channel, locale, recipient, urgent, vars, created_at, next_attempt_at)
       select gen_random_uuid(), 'bench:' || g || ':' || n.id, n.complaint_id, n.customer_id, null, n.kind, 'email', n.locale, n.recipient, false, n.vars, $2, $2
         from generate_series(1, $1) g
         join lateral (select * from notices where channel = 'email' and kind = 'received' order by id offset (g % $3) limit 1) n on true`,
      [opts.notices, ctx.clock.now(), opts.complaints],
    );
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const handled = await deliverDueNotices(ctx);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuUsed = process.cpuUsage(cpu);
    const mails = sink.received - warm;
    const [left] = await db.query<{ n: number }>(`select count(*)::int as n from notices where status <> 'sent'`);
    const common = {
      database: opts.database, notices: opts.notices, delivered: mails, claimed: handled, notSent: left?.n ?? 0, seconds: round(seconds, 2),
      sendConcurrency: opts.concurrency, smtpConnections: opts.connections, cpuSeconds: round((cpuUsed.user + cpuUsed.system) / 1e6, 2),
    };
    return [
      withTarget({ name: `notify.${opts.database}.deliveries_per_second`, value: round(mails / seconds), unit: 'deliveries/s', ...common }, '>=', 500),
      // What one delivery costs this process (sender + the in-process sink), independent of how busy the machine is.
      { name: `notify.${opts.database}.cpu_ms_per_delivery`, value: round(((cpuUsed.user + cpuUsed.system) / 1e3) / Math.max(1, mails), 3), unit: 'ms', ...common },
    ];
  } finally {
    await server.stop();
    await sink.close();
  }
}
