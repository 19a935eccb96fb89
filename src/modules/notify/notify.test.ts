import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock } from '../../clock.js';
import { startServer } from '../../server/start-server.js';
import { createTestApp, json, testConfig, type TestApp } from '../../test/test-app.js';
import { verifySurveyToken } from '../surveys/survey-link.js';
import { eventFromRow } from '../events/append-event.js';
import { deliverDueNotices } from './deliver-notices.js';
import { enqueueNoticesFor } from './enqueue-notices.js';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from './testing/sinks.js';

type Notice = { id: string; kind: string; channel: string; status: string; attempts: number; lastError: string | null; subject: string | null; body: string | null; messageId: string | null; nextAttemptAt: string | null; recipient: string | null };
type Ev = { type: string; lane: string; data: Record<string, unknown> };

const SMS_AUTH = 'Bearer sms-secret';
let t: TestApp;
let smtp: SmtpSink;
let sms: SmsSink;
let agent: { id: string; token: string };
let admin: { id: string; token: string };

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  t = await createTestApp({
    config: {
      SMTP_URL: smtp.url, SMS_PROVIDER_URL: sms.url, SMS_PROVIDER_AUTH: SMS_AUTH,
      SMS_BODY_TEMPLATE: '{"phone":"{{to}}","message":"{{text}}","sender":"LOOPDESK"}',
      PUBLIC_URL: 'https://help.example.com', MAIL_DOMAIN: 'mail.example.com',
      NOTICE_MAX_ATTEMPTS: '3', NOTICE_RETRY_BASE_MS: '60000', NOTICE_LEASE_MS: '120000',
    },
  });
  agent = await t.user('agent');
  admin = await t.user('admin');
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
  await sms.close();
});
beforeEach(() => {
  // 09:00 in Shanghai: outside the default quiet hours (22:00–08:00)
  t.clock.set('2026-03-02T01:00:00Z');
  sms.status = 200;
});

const deliver = () => deliverDueNotices(t.server.ctx);

async function newComplaint(customer: { id: string }, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/complaints', {
    token: agent.token,
    body: { channel: 'web', subject: 'Parcel stuck', description: 'Stuck for a week', category: 'logistics', severity: 'general', customerId: customer.id, ...extra },
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string; number: string }>(res);
}

async function notices(complaintId: string): Promise<Notice[]> {
  const res = await t.request('GET', `/api/v1/complaints/${complaintId}/notices`, { token: agent.token });
  expect(res.statusCode).toBe(200);
  return json<{ items: Notice[] }>(res).items;
}

async function events(complaintId: string): Promise<Ev[]> {
  return json<{ items: Ev[] }>(await t.request('GET', `/api/v1/complaints/${complaintId}/events`, { token: admin.token })).items;
}

const mailFor = (number: string) => smtp.mails.filter((m) => m.subject?.includes(`[${number}]`));

describe('progress notices by email', () => {
  it('queues "received" with the SLA promise in the complaint\'s transaction and delivers it over SMTP', async () => {
    const customer = await t.customer({ name: '王芳' });
    const c = await newComplaint(customer);
    const queued = await notices(c.id);
    expect(queued.map((n) => `${n.kind}/${n.channel}/${n.status}`).sort()).toEqual(['received/email/queued', 'received/in_app/queued']);
    const evs = await events(c.id);
    expect(evs.filter((e) => e.type === 'notice.queued').map((e) => e.lane)).toEqual(['evidence', 'evidence']);

    expect(await deliver()).toBeGreaterThanOrEqual(2);
    const sent = await notices(c.id);
    expect(sent.every((n) => n.status === 'sent')).toBe(true);
    const email = sent.find((n) => n.channel === 'email')!;
    expect(email.messageId).toBe(`<${c.number}.${email.id}@mail.example.com>`);

    const [mail] = mailFor(c.number);
    expect(mail).toBeDefined();
    expect(mail!.messageId).toBe(email.messageId);
    expect(mail!.subject).toBe(`我们已收到您的投诉 ${c.number} [${c.number}]`);
    expect(mail!.text).toContain('王芳，您好');
    expect(mail!.text).toContain('30 分钟内');
    expect(mail!.text).toContain(`https://help.example.com/hall/complaints/${c.number}`);
    expect(mail!.headers.get('x-loopdesk-notice')).toBe(email.id);
    const sentEvents = (await events(c.id)).filter((e) => e.type === 'notice.sent');
    expect(sentEvents).toHaveLength(2);
    expect(sentEvents[0]).toMatchObject({ lane: 'evidence', data: { kind: 'received', attempt: 1 } });
  });

  it('emails an agent\'s public reply in the complaint\'s thread (In-Reply-To / References, subject token)', async () => {
    const customer = await t.customer();
    const c = await newComplaint(customer, { subject: 'Broken kettle' });
    await deliver();
    const received = (await notices(c.id)).find((n) => n.channel === 'email')!;
    const res = await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { body: 'We are sending a new kettle today.' } });
    expect(res.statusCode).toBe(201);
    await deliver();
    const kinds = (await notices(c.id)).map((n) => n.kind);
    // the reply tells the customer someone is on it: no separate "being handled" notice
    expect(kinds).not.toContain('being_handled');
    const reply = mailFor(c.number).find((m) => m.text?.includes('new kettle'))!;
    expect(reply.subject).toBe(`回复：Broken kettle [${c.number}]`);
    expect(reply.inReplyTo).toBe(received.messageId);
    expect([reply.references].flat()).toEqual([received.messageId]);
    expect(reply.messageId).toMatch(new RegExp(`^<${c.number}\\.[0-9a-f-]{36}@mail\\.example\\.com>$`));
  });

  it('sends one notice per customer-visible step: handed to a department, waiting for you, resolved, reopened, being handled', async () => {
    const customer = await t.customer();
    const c = await newComplaint(customer);
    const status = async (to: string) => expect((await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: to } })).statusCode).toBe(200);
    await status('in_progress');
    expect((await t.request('POST', `/api/v1/complaints/${c.id}/handoffs`, { token: agent.token, body: { department: 'logistics', note: 'check the depot' } })).statusCode).toBe(201);
    await status('resolved');
    await status('reopened');
    await status('awaiting_customer');
    await deliver();
    const email = (await notices(c.id)).filter((n) => n.channel === 'email');
    expect(email.map((n) => n.kind)).toEqual(['received', 'being_handled', 'handed_to_department', 'resolved', 'reopened', 'awaiting_reply']);
    expect(email.every((n) => n.status === 'sent')).toBe(true);
    const handed = mailFor(c.number).find((m) => m.subject?.includes('已转交'))!;
    expect(handed.subject).toContain('物流');
  });

  it('writes English for an English-speaking customer', async () => {
    const customer = await t.customer({ name: 'Ann Lee' });
    await t.db.query(`update customers set locale = 'en' where id = $1`, [customer.id]);
    const c = await newComplaint(customer, { severity: 'serious' });
    await deliver();
    const [mail] = mailFor(c.number);
    expect(mail!.subject).toBe(`We received your complaint ${c.number} [${c.number}]`);
    expect(mail!.text).toContain('Dear Ann Lee');
    expect(mail!.text).toContain('We will reply within 60 minutes.');
  });

  it('a permanent SMTP refusal (550) is dead at once; the event says why', async () => {
    const customer = await t.customer();
    smtp.refuseNext(550);
    const c = await newComplaint(customer);
    await deliver();
    const email = (await notices(c.id)).find((n) => n.channel === 'email')!;
    expect(email).toMatchObject({ status: 'dead', attempts: 1 });
    expect(email.lastError).toContain('550');
    const dead = (await events(c.id)).find((e) => e.type === 'notice.dead')!;
    expect(dead).toMatchObject({ lane: 'evidence', data: { noticeId: email.id, channel: 'email', attempt: 1 } });
  });
});

describe('SMS through the HTTP provider', () => {
  async function phoneCustomer() {
    const [c] = await t.db.query<{ id: string }>(
      `insert into customers (name, phone) values ('李雷', $1) returning id`, [`+86138${String(Date.now()).slice(-8)}`],
    );
    return c!;
  }

  it('posts the body template with the Authorization header', async () => {
    const customer = await phoneCustomer();
    const before = sms.requests.length;
    const c = await newComplaint(customer, { channel: 'phone' });
    await deliver();
    const got = sms.requests.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.auth).toBe(SMS_AUTH);
    expect(got[0]!.body).toMatchObject({ sender: 'LOOPDESK' });
    const body = got[0]!.body as { phone: string; message: string };
    expect(body.message).toContain(c.number);
    expect(body.message).toContain('30 分钟内');
    const n = (await notices(c.id)).find((x) => x.channel === 'sms')!;
    expect(n).toMatchObject({ status: 'sent', attempts: 1, messageId: expect.stringMatching(/^sms-\d+$/) as unknown });
  });

  it('retries a provider 500 with exponential backoff, then gives up (dead) after the last attempt', async () => {
    const customer = await phoneCustomer();
    sms.status = 500;
    const c = await newComplaint(customer, { channel: 'phone' });
    await deliver();
    let n = (await notices(c.id)).find((x) => x.channel === 'sms')!;
    expect(n).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: '2026-03-02T01:01:00.000Z' });
    await deliver(); // not due yet: nothing happens
    expect((await notices(c.id)).find((x) => x.channel === 'sms')!.attempts).toBe(1);
    t.clock.advance(60_000);
    await deliver();
    n = (await notices(c.id)).find((x) => x.channel === 'sms')!;
    expect(n).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: '2026-03-02T01:03:00.000Z' });
    t.clock.advance(120_000);
    await deliver();
    n = (await notices(c.id)).find((x) => x.channel === 'sms')!;
    expect(n).toMatchObject({ status: 'dead', attempts: 3 });
    expect(n.lastError).toContain('500');
    const evs = (await events(c.id)).filter((e) => e.type.startsWith('notice.') && e.data.channel === 'sms');
    expect(evs.map((e) => e.type)).toEqual(['notice.queued', 'notice.failed', 'notice.failed', 'notice.dead']);
    expect(evs.every((e) => e.lane === 'evidence')).toBe(true);
    t.clock.advance(24 * 3600_000);
    await deliver(); // dead stays dead
    expect((await notices(c.id)).find((x) => x.channel === 'sms')!.attempts).toBe(3);
  });

  it('a 4xx from the provider is not retried', async () => {
    const customer = await phoneCustomer();
    sms.status = 400;
    const before = sms.requests.length;
    const c = await newComplaint(customer, { channel: 'phone' });
    await deliver();
    t.clock.advance(3600_000);
    await deliver();
    expect(sms.requests.length - before).toBe(1);
    expect((await notices(c.id)).find((x) => x.channel === 'sms')).toMatchObject({ status: 'dead', attempts: 1 });
  });
});

describe('never twice, never lost', () => {
  it('processing the same event again queues nothing, also on a restarted instance', async () => {
    const customer = await t.customer();
    const c = await newComplaint(customer);
    const [row] = await t.db.query<Parameters<typeof eventFromRow>[0]>(
      `select id::text as id, complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data from complaint_events where complaint_id = $1 and type = 'complaint.created'`,
      [c.id],
    );
    const event = eventFromRow(row!);
    expect(await t.db.transaction((tx) => enqueueNoticesFor(tx, event))).toBe(0);
    const restarted = await startServer(testConfig({ SMTP_URL: smtp.url }), { db: t.db, clock: t.clock, listen: false, scheduler: false });
    try {
      expect(await restarted.ctx.db.transaction((tx) => enqueueNoticesFor(tx, event))).toBe(0);
      await deliverDueNotices(restarted.ctx);
      await deliverDueNotices(t.server.ctx);
    } finally {
      await restarted.stop();
    }
    expect(await notices(c.id)).toHaveLength(2);
    expect(mailFor(c.number)).toHaveLength(1);
  });

  it('a sender that crashed after claiming leaves a lease; the notice goes out once the lease expires', async () => {
    const customer = await t.customer();
    const c = await newComplaint(customer);
    // what a crashed instance leaves behind: claimed (attempt 1) but never settled
    await t.db.query(
      `update notices set status = 'sending', attempts = 1, lease_owner = 'crashed', next_attempt_at = $2 where complaint_id = $1 and channel = 'email'`,
      [c.id, new Date(t.clock.now().getTime() + 120_000)],
    );
    await deliver();
    expect(mailFor(c.number)).toHaveLength(0);
    t.clock.advance(120_000);
    await deliver();
    expect(mailFor(c.number)).toHaveLength(1);
    expect((await notices(c.id)).find((n) => n.channel === 'email')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('quiet hours', () => {
  it('holds non-urgent email until the quiet hours end; urgent goes at once; in-app is not held', async () => {
    t.clock.set('2026-03-02T15:30:00Z'); // 23:30 in Shanghai
    const calm = await newComplaint(await t.customer());
    const urgent = await newComplaint(await t.customer(), { severity: 'urgent', category: 'safety' });
    await deliver();
    const held = await notices(calm.id);
    expect(held.find((n) => n.channel === 'email')).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: '2026-03-03T00:00:00.000Z' });
    expect(held.find((n) => n.channel === 'in_app')!.status).toBe('sent');
    expect(mailFor(calm.number)).toHaveLength(0);
    expect(mailFor(urgent.number)).toHaveLength(1);
    t.clock.set('2026-03-03T00:00:00Z');
    await deliver();
    expect(mailFor(calm.number)).toHaveLength(1);
  });

  it('follows the customer\'s own quiet hours and time zone', async () => {
    const customer = await t.customer();
    const res = await t.request('PUT', '/api/v1/portal/notice-preferences', {
      token: customer.token, body: { channel: 'email', quietHours: { start: '08:00', end: '12:00' }, timeZone: 'Europe/Berlin' },
    });
    expect(res.statusCode).toBe(200);
    t.clock.set('2026-03-02T08:00:00Z'); // 09:00 in Berlin
    const c = await newComplaint(customer);
    await deliver();
    expect((await notices(c.id)).find((n) => n.channel === 'email')).toMatchObject({ status: 'queued', nextAttemptAt: '2026-03-02T11:00:00.000Z' });
    expect((await t.request('PUT', '/api/v1/portal/notice-preferences', { token: customer.token, body: { channel: 'pigeon' } })).statusCode).toBe(422);
    expect((await t.request('PUT', '/api/v1/portal/notice-preferences', { token: customer.token, body: { channel: 'sms', timeZone: 'Mars/Olympus' } })).statusCode).toBe(422);
  });

  it('a customer who chose none gets nothing; one who chose in_app gets no email', async () => {
    const quiet = await t.customer();
    await t.request('PUT', '/api/v1/portal/notice-preferences', { token: quiet.token, body: { channel: 'none' } });
    expect(await notices((await newComplaint(quiet)).id)).toEqual([]);
    const app = await t.customer();
    await t.request('PUT', '/api/v1/portal/notice-preferences', { token: app.token, body: { channel: 'in_app' } });
    expect((await notices((await newComplaint(app)).id)).map((n) => n.channel)).toEqual(['in_app']);
  });
});

describe('templates', () => {
  it('admins reword a notice; unknown variables are refused with 422', async () => {
    const bad = await t.request('PUT', '/api/v1/admin/notice-templates/received/en', {
      token: admin.token, body: { subject: 'Hi {{customerName}}', body: 'Your refund {{refundAmount}}', sms: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    expect(json<{ error: { code: string; details: Array<{ path: string; message: string }> } }>(bad).error).toMatchObject({
      code: 'validation_failed', details: [{ path: 'body.body' }],
    });
    expect((await t.request('PUT', '/api/v1/admin/notice-templates/received/en', { token: agent.token, body: { subject: 'a', body: 'b', sms: 'c' } })).statusCode).toBe(403);
    // an unknown kind names no template: 404 like any unknown record
    expect((await t.request('PUT', '/api/v1/admin/notice-templates/nonsense/en', { token: admin.token, body: { subject: 'a', body: 'b', sms: 'c' } })).statusCode).toBe(404);
    const ok = await t.request('PUT', '/api/v1/admin/notice-templates/received/en', {
      token: admin.token, body: { subject: 'Got it: {{complaintNumber}}', body: 'Hello {{customerName}}, expect us {{promise}}.', sms: 'Got {{complaintNumber}}' },
    });
    expect(ok.statusCode).toBe(200);
    const list = json<{ items: Array<{ kind: string; locale: string; custom: boolean; variables: string[] }> }>(await t.request('GET', '/api/v1/admin/notice-templates', { token: admin.token }));
    expect(list.items.find((i) => i.kind === 'received' && i.locale === 'en')).toMatchObject({ custom: true });
    expect(list.items.find((i) => i.kind === 'received' && i.locale === 'zh-CN')).toMatchObject({ custom: false, variables: expect.arrayContaining(['promise']) as unknown });

    const customer = await t.customer({ name: 'Bo' });
    await t.db.query(`update customers set locale = 'en' where id = $1`, [customer.id]);
    const c = await newComplaint(customer);
    await deliver();
    const [mail] = mailFor(c.number);
    expect(mail!.subject).toBe(`Got it: ${c.number} [${c.number}]`);
    expect(mail!.text?.trim()).toBe('Hello Bo, expect us within 30 minutes.');
    expect((await t.request('DELETE', '/api/v1/admin/notice-templates/received/en', { token: admin.token })).statusCode).toBe(200);
  });

  it('the survey notice carries a signed survey link from the survey.requested event', async () => {
    const customer = await t.customer();
    const c = await newComplaint(customer);
    const expiresAt = '2026-03-09T01:00:00.000Z';
    // survey.* types are declared by the surveys module; written raw here to drive the listener
    const [row] = await t.db.query<Parameters<typeof eventFromRow>[0]>(
      `insert into complaint_events (complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data)
       values ($1, 'survey.requested', 'support', 'system', null, 'system', $2, $3)
       returning id::text as id, complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data`,
      [c.id, t.clock.now(), { surveyId: 'survey-1', channel: 'email', expiresAt }],
    );
    expect(await t.db.transaction((tx) => enqueueNoticesFor(tx, eventFromRow(row!)))).toBe(2);
    await deliver();
    const mail = mailFor(c.number).find((m) => m.subject?.includes('评价'))!;
    const link = /https:\/\/help\.example\.com\/survey\/(\S+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    expect(verifySurveyToken(t.server.ctx.signingSecret, link![1]!, t.clock.now())).toEqual({ ok: true, surveyId: 'survey-1' });
  });
});

describe('in-app notices in the service hall', () => {
  it('lists my own notices only, marks them read, and 404s another customer\'s', async () => {
    const me = await t.customer();
    const other = await t.customer();
    const c = await newComplaint(me);
    await newComplaint(other);
    await deliver();
    const list = json<{ items: Array<{ id: string; kind: string; complaintNumber: string; title: string; readAt: string | null }>; unread: number }>(
      await t.request('GET', '/api/v1/portal/notices', { token: me.token }),
    );
    expect(list.items.map((i) => `${i.kind} ${i.complaintNumber}`)).toEqual([`received ${c.number}`]);
    expect(list.unread).toBe(1);
    const mine = list.items[0]!.id;
    const theirs = json<{ items: Array<{ id: string }> }>(await t.request('GET', '/api/v1/portal/notices', { token: other.token })).items[0]!.id;
    expect((await t.request('GET', `/api/v1/portal/notices/${theirs}`, { token: me.token })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/portal/notices/${theirs}/read`, { token: me.token })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/portal/notices/${mine}/read`, { token: me.token })).statusCode).toBe(200);
    expect(json<{ readAt: string | null }>(await t.request('GET', `/api/v1/portal/notices/${mine}`, { token: me.token })).readAt).not.toBeNull();
    expect((await t.request('GET', '/api/v1/portal/notices', { token: agent.token })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/portal/notices')).statusCode).toBe(401);
    expect((await t.request('GET', `/api/v1/complaints/${c.id}/notices`, { token: me.token })).statusCode).toBe(403);
  });

  it('pushes a delivered notice to the customer\'s open WebSocket, and to nobody else\'s', async () => {
    await t.server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.server.app.server.address() as { port: number };
    const me = await t.customer();
    const other = await t.customer();
    const open = (url: string) => new Promise<{ ws: WebSocket; frames: Array<Record<string, unknown>> }>((resolve, reject) => {
      const ws = new WebSocket(url);
      const frames: Array<Record<string, unknown>> = [];
      ws.on('message', (d) => {
        const f = JSON.parse((d as Buffer).toString('utf8')) as Record<string, unknown>;
        frames.push(f);
        if (f.type === 'ready') resolve({ ws, frames });
      });
      ws.on('error', reject);
      ws.on('open', () => {
        if (!url.includes('token=')) ws.send(JSON.stringify({ type: 'auth', token: other.token }));
      });
    });
    const mine = await open(`ws://127.0.0.1:${port}/api/v1/portal/live?token=${me.token}`);
    const theirs = await open(`ws://127.0.0.1:${port}/api/v1/portal/live`);
    const c = await newComplaint(me);
    await deliver();
    const deadline = Date.now() + 5000;
    while (!mine.frames.some((f) => f.type === 'notice') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const pushed = mine.frames.find((f) => f.type === 'notice') as { notice: { kind: string; complaintNumber: string; body: string } } | undefined;
    expect(pushed?.notice).toMatchObject({ kind: 'received', complaintNumber: c.number });
    expect(theirs.frames.filter((f) => f.type === 'notice')).toEqual([]);

    const refused = await new Promise<{ code: number; frames: string[] }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/portal/live?token=${agent.token}`);
      const frames: string[] = [];
      ws.on('message', (d) => frames.push((d as Buffer).toString('utf8')));
      ws.on('close', (code) => resolve({ code, frames }));
    });
    expect(refused.code).toBe(4401);
    mine.ws.close();
    theirs.ws.close();
  });
});

describe('two instances on one PostgreSQL', () => {
  it.runIf(process.env.LOOPDESK_TEST_DB === 'postgres')('never send the same notice twice', async () => {
    const { startTwoInstances } = await import('../../test/two-instances.js');
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const two = await startTwoInstances(t.dbUrl!, clock, { scheduler: false, config: { SMTP_URL: `${smtp.url}/?pool=true&maxConnections=4` } });
    try {
      const customer = await t.customer();
      const numbers: string[] = [];
      t.clock.set(clock.now());
      for (let i = 0; i < 40; i++) numbers.push((await newComplaint(customer)).number);
      const before = smtp.mails.length;
      await Promise.all([deliverDueNotices(two.a.ctx), deliverDueNotices(two.b.ctx), deliverDueNotices(two.a.ctx), deliverDueNotices(two.b.ctx)]);
      const got = smtp.mails.slice(before);
      expect(got).toHaveLength(40);
      expect(new Set(got.map((m) => m.messageId)).size).toBe(40);
      const [counts] = await t.db.query<{ sent: number; events: number }>(
        `select (select count(*)::int from notices n join complaints c on c.id = n.complaint_id where c.number = any($1) and n.status = 'sent') as sent,
                (select count(*)::int from complaint_events e join complaints c on c.id = e.complaint_id where c.number = any($1) and e.type = 'notice.sent') as events`,
        [numbers],
      );
      expect(counts).toEqual({ sent: 80, events: 80 });

      // a notice delivered by instance A reaches the customer's socket on instance B
      await two.b.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = two.b.app.server.address() as { port: number };
      const me = await t.customer();
      const frames: Array<{ type: string; notice?: { complaintNumber: string } }> = [];
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/portal/live?token=${me.token}`);
      await new Promise<void>((resolve, reject) => {
        ws.on('message', (d) => {
          frames.push(JSON.parse((d as Buffer).toString('utf8')) as { type: string });
          if (frames.length === 1) resolve();
        });
        ws.on('error', reject);
      });
      const c = await newComplaint(me);
      await deliverDueNotices(two.a.ctx);
      const deadline = Date.now() + 5000;
      while (!frames.some((f) => f.type === 'notice') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(frames.find((f) => f.type === 'notice')?.notice?.complaintNumber).toBe(c.number);
      ws.close();
    } finally {
      await two.stop();
    }
  });
});
