import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createTestApp, json, type TestApp } from '../../../test/test-app.js';
import { signWebhook } from './webhook-signature.js';

type Answer = { complaintId: string; number: string; messageId: string | null; threaded: boolean };
type Msg = { id: string; kind: string; channel: string; body: string; metadata: Record<string, unknown> };

let t: TestApp;
let admin: { token: string };
let agent: { token: string };
let secret: string;

beforeAll(async () => {
  t = await createTestApp({ config: { INBOUND_SMTP_PORT: '0' } });
  admin = await t.user('admin');
  agent = await t.user('agent');
}, 180_000); // a fresh database and migrations: slow on a loaded machine
afterAll(() => t.stop());

const errorCode = (res: { statusCode: number; body: string }) => `${res.statusCode} ${json<{ error: { code: string } }>(res as never).error.code}`;

function post(source: string, body: unknown, opts: { secret?: string; timestamp?: number; tamper?: (raw: string) => string } = {}) {
  const raw = JSON.stringify(body);
  const ts = opts.timestamp ?? Math.floor(t.clock.now().getTime() / 1000);
  return t.request('POST', `/api/v1/intake/webhook/${source}`, {
    rawBody: opts.tamper ? opts.tamper(raw) : raw,
    headers: {
      'content-type': 'application/json',
      'x-loopdesk-timestamp': String(ts),
      'x-loopdesk-signature': signWebhook(opts.secret ?? secret, ts, raw),
    },
  });
}

const complaintCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from complaints'))[0]!.n;

describe('webhook sources', () => {
  it('admins register a source and get a generated secret once; the list never shows it', async () => {
    const res = await t.request('POST', '/api/v1/admin/webhook-sources', { token: admin.token, body: { source: 'shopmall', channel: 'social' } });
    expect(res.statusCode).toBe(201);
    const created = json<{ source: string; secret: string; channel: string }>(res);
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.channel).toBe('social');
    secret = created.secret;
    const list = await t.request('GET', '/api/v1/admin/webhook-sources', { token: admin.token });
    expect(list.body).not.toContain(secret);
    expect(json<{ items: Array<{ source: string }> }>(list).items.map((s) => s.source)).toEqual(['shopmall']);
    expect(errorCode(await t.request('POST', '/api/v1/admin/webhook-sources', { token: agent.token, body: { source: 'x' } }))).toBe('403 forbidden');
    expect(errorCode(await t.request('POST', '/api/v1/admin/webhook-sources', { token: admin.token, body: { source: 'Bad Name!' } }))).toBe('422 validation_failed');
  });
});

describe('webhook intake', () => {
  const message = {
    messageId: 'sm-1001', customer: { externalId: 'shopmall:u-77', name: 'Bob Li', email: 'bob@example.com' },
    text: 'The blender I bought arrived with a cracked jar.', subject: 'Cracked jar',
  };
  let first: Answer;

  it('a correctly signed message becomes a complaint on the source channel (201)', async () => {
    const res = await post('shopmall', message);
    expect(res.statusCode, res.body).toBe(201);
    first = json<Answer>(res);
    expect(first).toMatchObject({ threaded: false, messageId: null });
    const c = json<{ channel: string; subject: string }>(await t.request('GET', `/api/v1/complaints/${first.complaintId}`, { token: agent.token }));
    expect(c).toMatchObject({ channel: 'social', subject: 'Cracked jar' });
    const ev = json<{ items: Array<{ type: string; lane: string; data: Record<string, unknown> }> }>(
      await t.request('GET', `/api/v1/complaints/${first.complaintId}/events`, { token: agent.token })).items;
    expect(ev.find((e) => e.type === 'webhook.received')).toMatchObject({ lane: 'customer', data: { source: 'shopmall', externalMessageId: 'sm-1001' } });
  });

  it('a retry with the same messageId answers the same complaint and writes nothing new', async () => {
    const before = await complaintCount();
    const res = await post('shopmall', message);
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBe('true');
    expect(json<Answer>(res)).toEqual(first);
    expect(await complaintCount()).toBe(before);
  });

  it('a follow-up naming the earlier messageId threads into the same complaint as a message', async () => {
    const res = await post('shopmall', { messageId: 'sm-1002', inReplyTo: 'sm-1001', customer: { externalId: 'shopmall:u-77' }, text: 'Photos sent in the app.' });
    expect(res.statusCode).toBe(201);
    const a = json<Answer>(res);
    expect(a).toMatchObject({ complaintId: first.complaintId, threaded: true });
    const msgs = json<{ items: Msg[] }>(await t.request('GET', `/api/v1/complaints/${first.complaintId}/messages`, { token: agent.token })).items;
    expect(msgs.find((m) => m.id === a.messageId)).toMatchObject({ kind: 'customer', channel: 'social', body: 'Photos sent in the app.', metadata: { webhook: { source: 'shopmall', messageId: 'sm-1002' } } });
  });

  it('refuses a wrong secret, a tampered body, missing headers and a stale timestamp with 401, before looking at the body', async () => {
    const before = await complaintCount();
    expect(errorCode(await post('shopmall', { ...message, messageId: 'sm-2' }, { secret: 'not-the-secret' }))).toBe('401 invalid_signature');
    expect(errorCode(await post('shopmall', { ...message, messageId: 'sm-3' }, { tamper: (r) => r.replace('cracked', 'broken') }))).toBe('401 invalid_signature');
    const sixMinutesAgo = Math.floor(t.clock.now().getTime() / 1000) - 360;
    expect(errorCode(await post('shopmall', { ...message, messageId: 'sm-4' }, { timestamp: sixMinutesAgo }))).toBe('401 stale_signature');
    const unsigned = await t.request('POST', '/api/v1/intake/webhook/shopmall', { body: { nonsense: true } });
    expect(errorCode(unsigned)).toBe('401 invalid_signature');
    expect(await complaintCount()).toBe(before);
    // Signed but malformed: a clear 422.
    expect(errorCode(await post('shopmall', { messageId: 'sm-5', customer: {}, text: '' }))).toBe('422 validation_failed');
  });

  it('an unknown or switched-off source answers 404', async () => {
    expect(errorCode(await post('nosuch', message))).toBe('404 not_found');
    await t.request('POST', '/api/v1/admin/webhook-sources', { token: admin.token, body: { source: 'oldpartner' } });
    expect((await t.request('DELETE', '/api/v1/admin/webhook-sources/oldpartner', { token: admin.token })).statusCode).toBe(200);
    expect(errorCode(await post('oldpartner', message))).toBe('404 not_found');
  });
});

describe('one customer across channels', () => {
  it('matches by external id, email (any case) and phone (any spelling) across webhook, API and email', async () => {
    const hook = json<Answer>(await post('shopmall', {
      messageId: 'sm-3001', customer: { externalId: 'shopmall:u-900', name: 'Chen Jie', phone: '+86 138-0013-8000' }, text: 'My refund has not arrived after 20 days.',
    }));
    const { customer_id: viaHook } = (await t.db.query<{ customer_id: string }>('select customer_id from complaints where id = $1', [hook.complaintId]))[0]!;

    // The web form / API with the same phone written differently.
    const api = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: {
      channel: 'phone', subject: 'Refund', description: 'Called about the refund again.', customer: { name: 'Chen', phone: '0086 13800138000' },
    } });
    expect(api.statusCode).toBe(201);
    const viaApi = json<{ id: string; channel: string }>(api);
    expect(viaApi.channel).toBe('phone');
    const { customer_id: apiCustomer } = (await t.db.query<{ customer_id: string }>('select customer_id from complaints where id = $1', [viaApi.id]))[0]!;
    expect(apiCustomer).toBe(viaHook);

    // The partner, by external id only.
    const again = json<Answer>(await post('shopmall', { messageId: 'sm-3002', customer: { externalId: 'shopmall:u-900' }, text: 'Also the invoice is wrong.' }));
    const { customer_id: viaExternal } = (await t.db.query<{ customer_id: string }>('select customer_id from complaints where id = $1', [again.complaintId]))[0]!;
    expect(viaExternal).toBe(viaHook);

    // Email: Bob from the first webhook writes in, address in another case.
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: t.server.smtp!.port, secure: false, ignoreTLS: true });
    await mailer.sendMail({ from: 'BOB@Example.COM', to: 'support@loopdesk.local', subject: 'Jar again', text: 'Second jar cracked too.', messageId: '<bob-1@example.com>' });
    mailer.close();
    const [mail] = await t.db.query<{ customer_id: string; external_id: string }>(
      `select c.customer_id, cu.external_id from inbound_emails i join complaints c on c.id = i.complaint_id join customers cu on cu.id = c.customer_id
        where i.message_id_header = '<bob-1@example.com>'`);
    expect(mail!.external_id).toBe('shopmall:u-77');
    const { n } = (await t.db.query<{ n: number }>(`select count(*)::int as n from customers where lower(email) = 'bob@example.com'`))[0]!;
    expect(n).toBe(1);
    // The customers API finds the record by any of the keys.
    const byPhone = json<{ items: Array<{ id: string }> }>(await t.request('GET', `/api/v1/customers?phone=${encodeURIComponent('+86 13800138000')}`, { token: agent.token }));
    expect(byPhone.items.map((c) => c.id)).toEqual([viaHook]);
  });
});

describe('phone calls', () => {
  it('an agent logs calls as messages with channel phone, call details and a call.logged event', async () => {
    const created = json<{ id: string; status: string }>(await t.request('POST', '/api/v1/complaints', { token: agent.token, body: {
      channel: 'hotline', subject: 'Billing question', description: 'Customer called about a double charge.', customer: { name: 'Dana', phone: '13900001111' },
    } }));
    const inbound = await t.request('POST', `/api/v1/complaints/${created.id}/calls`, { token: agent.token, body: {
      direction: 'inbound', notes: 'Customer says the charge appeared twice on 3 March.', durationSeconds: 312, outcome: 'callback_promised',
    } });
    expect(inbound.statusCode, inbound.body).toBe(201);
    t.clock.advance(60_000); // calls logged one after another
    expect(json<Msg>(inbound)).toMatchObject({ kind: 'customer', channel: 'phone', metadata: { call: { direction: 'inbound', durationSeconds: 312, outcome: 'callback_promised' } } });
    const outbound = json<Msg>(await t.request('POST', `/api/v1/complaints/${created.id}/calls`, { token: agent.token, body: {
      direction: 'outbound', notes: 'Explained the refund of the second charge.', durationSeconds: 120, outcome: 'resolved',
    } }));
    expect(outbound).toMatchObject({ kind: 'public_reply', channel: 'phone' });
    t.clock.advance(60_000);
    const missed = json<Msg>(await t.request('POST', `/api/v1/complaints/${created.id}/calls`, { token: agent.token, body: {
      direction: 'outbound', notes: 'No answer.', durationSeconds: 0, outcome: 'no_answer',
    } }));
    expect(missed.kind).toBe('internal_note');
    const msgs = json<{ items: Msg[] }>(await t.request('GET', `/api/v1/complaints/${created.id}/messages`, { token: agent.token })).items;
    expect(msgs.map((m) => m.channel)).toEqual(['phone', 'phone', 'phone']);
    expect(msgs[0]!.metadata).toMatchObject({ call: { durationSeconds: 312 } });
    const ev = json<{ items: Array<{ type: string; lane: string; data: Record<string, unknown> }> }>(
      await t.request('GET', `/api/v1/complaints/${created.id}/events`, { token: agent.token })).items;
    expect(ev.filter((e) => e.type === 'call.logged').map((e) => [e.lane, e.data.direction, e.data.outcome])).toEqual([
      ['frontstage', 'inbound', 'callback_promised'], ['frontstage', 'outbound', 'resolved'], ['frontstage', 'outbound', 'no_answer'],
    ]);
    // The reached outbound call was the first response.
    expect(json<{ status: string }>(await t.request('GET', `/api/v1/complaints/${created.id}`, { token: agent.token })).status).toBe('in_progress');
  });

  it('only front-line staff log calls; bad input is a 422', async () => {
    const c = json<{ id: string }>(await t.request('POST', '/api/v1/complaints', { token: agent.token, body: {
      channel: 'phone', subject: 'x', description: 'y', customer: { name: 'Eve' },
    } }));
    const analyst = await t.user('analyst');
    const customer = await t.customer();
    const call = { direction: 'inbound', notes: 'n', durationSeconds: 5, outcome: 'other' };
    expect(errorCode(await t.request('POST', `/api/v1/complaints/${c.id}/calls`, { token: analyst.token, body: call }))).toBe('403 forbidden');
    expect(errorCode(await t.request('POST', `/api/v1/complaints/${c.id}/calls`, { token: customer.token, body: call }))).toBe('403 forbidden');
    expect(errorCode(await t.request('POST', `/api/v1/complaints/${c.id}/calls`, { token: agent.token, body: { ...call, durationSeconds: -1 } }))).toBe('422 validation_failed');
    expect(errorCode(await t.request('POST', `/api/v1/complaints/00000000-0000-4000-8000-000000000000/calls`, { token: agent.token, body: call }))).toBe('404 not_found');
  });
});
