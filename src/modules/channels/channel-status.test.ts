import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { deliverDueNotices } from '../notify/deliver-notices.js';
import { acceptInboundEmail } from './email/accept-inbound-email.js';

/**
 * The admin channel report against real counterparts that misbehave the way real ones do: an SMTP
 * server and an SMS provider that quote the credentials they refuse back in their error text, and
 * an IMAP server that is not there. Whatever they say, no secret may reach the report.
 */

const SMTP_PASSWORD = 'Sm7p-Pa55word';
const IMAP_PASSWORD = 'Imap-Pa55word';
const SMS_API_KEY = 'Sms-Api-Key-123';
const SMS_TOKEN = 'Sms-Token-456';
const TEMPLATE_KEY = 'Tpl-Key-789';
const SECRETS = [SMTP_PASSWORD, IMAP_PASSWORD, SMS_API_KEY, SMS_TOKEN, TEMPLATE_KEY];

let t: TestApp;
let admin: { token: string };
let smtp: SMTPServer;
let smtpPort: number;
let smsProvider: http.Server;
let smsUrl: string;

/** An SMTP server that demands a login and refuses it, repeating the credentials it got. */
async function startTalkativeSmtp() {
  smtp = new SMTPServer({
    authOptional: false, allowInsecureAuth: true, disabledCommands: ['STARTTLS'], logger: false,
    onAuth(auth, _session, cb) {
      cb(Object.assign(new Error(`Bad credentials ${auth.username}:${auth.password}`), { responseCode: 535 }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
}

/** An SMS provider that answers 401 quoting the Authorization header and the URL it was called on. */
async function startTalkativeSmsProvider() {
  smsProvider = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `unknown credentials ${req.headers.authorization} on ${req.url}` }));
    });
  });
  await new Promise<void>((resolve) => smsProvider.listen(0, '127.0.0.1', () => resolve()));
  smsUrl = `http://127.0.0.1:${(smsProvider.address() as AddressInfo).port}/v1/send?apikey=${SMS_API_KEY}`;
}

beforeAll(async () => {
  await startTalkativeSmtp();
  await startTalkativeSmsProvider();
  t = await createTestApp({
    config: {
      SMTP_URL: `smtp://mailer%40shop.example:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      // Port 1 on this machine: nothing listens, so the poller's first pass fails at once.
      IMAP_URL: `imap://support:${IMAP_PASSWORD}@127.0.0.1:1/Complaints`,
      INBOUND_SMTP_PORT: '0',
      SMS_PROVIDER_URL: smsUrl,
      SMS_PROVIDER_AUTH: `Bearer ${SMS_TOKEN}`,
      SMS_BODY_TEMPLATE: `{"key":"${TEMPLATE_KEY}","to":"{{to}}","text":"{{text}}"}`,
      NOTICE_QUIET_HOURS: 'off',
    },
  });
  admin = await t.user('admin');
}, 180_000); // a fresh database and migrations: slow on a loaded machine
afterAll(async () => {
  await t.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => smsProvider.close(() => resolve()));
});

interface Deliveries {
  waiting: number; retrying: number; last24h: { sent: number; failedAttempts: number; dead: number };
  lastSentAt: string | null; lastFailure: { at: string; final: boolean; error: string | null } | null;
}
interface Report {
  mailbox: { configured: boolean; valid: boolean; polling: boolean; server: Record<string, unknown>; folder: string; lastPollAt: string | null; lastError: string | null };
  outboundSmtp: { configured: boolean; mode: string; server: Record<string, unknown>; from: string; deliveries: Deliveries };
  inboundSmtp: { configured: boolean; port: number; listening: boolean; listeningPort: number | null };
  inboundEmails: { byState: Record<string, number>; lastReceivedAt: string | null };
  sms: { configured: boolean; adapter: string; providerUrl: string; queryHidden: boolean; authorization: string | null; customBodyTemplate: boolean; deliveries: Deliveries };
  webhooks: { total: number; active: number };
}

const report = async () => {
  const res = await t.request('GET', '/api/v1/admin/channels', { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  for (const secret of SECRETS) expect(res.body).not.toContain(secret);
  return json<Report>(res);
};

describe('GET /api/v1/admin/channels', () => {
  it('is for admins only', async () => {
    for (const role of ['agent', 'supervisor', 'analyst'] as const) {
      const res = await t.request('GET', '/api/v1/admin/channels', { token: (await t.user(role)).token });
      expect(res.statusCode).toBe(403);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('forbidden');
    }
    expect((await t.request('GET', '/api/v1/admin/channels', { token: (await t.customer()).token })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/admin/channels')).statusCode).toBe(401);
  });

  it('shows where each channel points and as whom, with passwords and tokens masked', async () => {
    const r = await report();
    expect(r.mailbox).toMatchObject({
      configured: true, valid: true, polling: true, folder: 'Complaints',
      server: { protocol: 'imap', host: '127.0.0.1', port: 1, tls: false, user: 'support', password: '********' },
    });
    expect(r.outboundSmtp).toMatchObject({
      configured: true, mode: 'smtp', from: 'Loopdesk <support@loopdesk.local>',
      server: { protocol: 'smtp', host: '127.0.0.1', port: smtpPort, user: 'mailer@shop.example', password: '********' },
    });
    expect(r.inboundSmtp).toMatchObject({ configured: true, port: 0, listening: true, listeningPort: t.server.smtp!.port });
    expect(r.sms).toMatchObject({
      configured: true, adapter: 'http', providerUrl: smsUrl.replace(/\?.*$/, ''), queryHidden: true, authorization: '********', customBodyTemplate: true,
    });
  });

  it('reports the failed IMAP poll of this instance', async () => {
    await expect.poll(async () => (await report()).mailbox.lastError, { timeout: 30_000 }).toMatch(/ECONNREFUSED|connect/i);
    expect((await report()).mailbox.lastPollAt).not.toBeNull();
  });

  it('counts inbound mail by state', async () => {
    const mail = (from: string, id: string) => Buffer.from(`${from}To: support@loopdesk.local\r\nSubject: Broken kettle\r\nMessage-ID: <${id}@example.net>\r\n\r\nThe kettle leaks.\r\n`);
    await acceptInboundEmail(t.server.ctx, { raw: mail('From: eve@example.net\r\n', 'ok-1'), transport: 'imap', envelopeFrom: null, envelopeTo: [], remoteAddress: null });
    await acceptInboundEmail(t.server.ctx, { raw: mail('', 'nofrom-1'), transport: 'smtp', envelopeFrom: null, envelopeTo: [], remoteAddress: null });
    const r = await report();
    expect(r.inboundEmails.byState).toEqual({ received: 0, processed: 1, duplicate: 0, failed: 1 });
    expect(r.inboundEmails.lastReceivedAt).toBe(t.clock.now().toISOString());
  });

  it('shows refused deliveries with the error text, secrets the server quoted back masked', async () => {
    const agent = await t.user('agent');
    for (const body of [
      { channel: 'web', customer: { name: 'Mail Customer', email: 'mailcustomer@example.com' } },
      { channel: 'phone', customer: { name: 'Phone Customer', phone: '+8613800001111' } },
    ]) {
      const res = await t.request('POST', '/api/v1/complaints', {
        token: agent.token, body: { ...body, subject: 'Kettle leaks', description: 'The new kettle leaks from the base.', category: 'product_quality' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await deliverDueNotices(t.server.ctx);
    // Every delivery was refused, and the servers did quote the secrets: unmasked, they would be in the report.
    const dead = await t.db.query<{ channel: string; n: number; quoting: number }>(
      `select data->>'channel' as channel, count(*)::int as n, count(*) filter (where data->>'error' like $1 or data->>'error' like $2)::int as quoting
         from complaint_events where type = 'notice.dead' group by 1 order by 1`,
      [`%${SMTP_PASSWORD}%`, `%${SMS_TOKEN}%`],
    );
    expect(dead.map((d) => d.channel)).toEqual(['email', 'sms']);
    for (const d of dead) expect(d.quoting).toBe(d.n);
    const deadOf = (channel: string) => dead.find((d) => d.channel === channel)!.n;

    const r = await report();
    expect(r.outboundSmtp.deliveries).toMatchObject({ waiting: 0, retrying: 0, last24h: { sent: 0, dead: deadOf('email') }, lastSentAt: null });
    expect(r.outboundSmtp.deliveries.lastFailure).toMatchObject({ final: true });
    expect(r.outboundSmtp.deliveries.lastFailure!.error).toContain('mailer@shop.example:********');
    expect(r.sms.deliveries).toMatchObject({ waiting: 0, retrying: 0, last24h: { sent: 0, dead: deadOf('sms') } });
    expect(r.sms.deliveries.lastFailure!.error).toContain('unknown credentials ******** on /v1/send?********');
  });

  it('counts webhook sources, active and switched off', async () => {
    for (const source of ['partner-a', 'partner-b']) {
      expect((await t.request('POST', '/api/v1/admin/webhook-sources', { token: admin.token, body: { source } })).statusCode).toBe(201);
    }
    expect((await t.request('DELETE', '/api/v1/admin/webhook-sources/partner-b', { token: admin.token })).statusCode).toBe(200);
    expect((await report()).webhooks).toEqual({ total: 2, active: 1 });
  });
});
