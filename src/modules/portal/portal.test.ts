import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type Step = { kind: string; at: string; department: string | null; label: string };
type Progress = {
  id: string; number: string; status: string; description: string; steps: Step[]; nextStep: { text: string };
  promise: { kind: string; minutes: number; text: string } | null; canConfirm: boolean;
  messages: Array<{ from: string; body: string; attachments: Array<{ id: string }> }>; attachments: Array<{ id: string; contentType: string }>;
};
type Home = {
  customer: { id: string };
  recentOrders: Array<{ number: string; hasOpenComplaint: boolean }>;
  openComplaints: Array<{ number: string; status: string; step: { kind: string; label: string } }>;
};
type Filed = { id: string; number: string; promise: { kind: string; minutes: number; text: string } };
type Who = { id: string; token: string };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n');

let t: TestApp;
let agent: Who;
let alice: Who;
let bob: Who;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  alice = await t.customer({ name: 'Alice' });
  bob = await t.customer({ name: 'Bob' });
  const now = t.clock.now().getTime();
  const order = (customer: string, number: string, daysAgo: number) => t.db.query(
    `insert into orders (number, customer_id, items, amount, status, placed_at) values ($1, $2, $3, 199, 'delivered', $4)`,
    [number, customer, JSON.stringify([{ name: 'Kettle', qty: 1 }]), new Date(now - daysAgo * 86_400_000)],
  );
  await order(alice.id, 'A-1001', 3);
  await order(alice.id, 'A-1002', 10);
  await order(alice.id, 'A-OLD', 120);
  await order(bob.id, 'B-2001', 2);
});
afterAll(() => t.stop());

const errorOf = (res: { statusCode: number; body: string }) => `${res.statusCode} ${(JSON.parse(res.body) as { error: { code: string } }).error.code}`;

async function file(who: Who, body: Record<string, unknown>): Promise<Filed> {
  const res = await t.request('POST', '/api/v1/portal/complaints', { token: who.token, body });
  expect(res.statusCode, res.body).toBe(201);
  return json<Filed>(res);
}

function upload(who: Who, bytes: Buffer, contentType: string, name?: string) {
  return t.server.app.inject({
    method: 'POST', url: `/api/v1/portal/attachments${name ? `?name=${encodeURIComponent(name)}` : ''}`,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': contentType }, payload: bytes,
  });
}

const progress = async (who: Who, ref: string, locale = 'en') => {
  const res = await t.request('GET', `/api/v1/portal/complaints/${ref}?locale=${locale}`, { token: who.token });
  expect(res.statusCode, res.body).toBe(200);
  return json<Progress>(res);
};

describe('service hall API', () => {
  it('files a complaint on an order and promises the first reply from the SLA, per severity and locale', async () => {
    const general = await file(alice, { description: 'My parcel has not arrived for a week', orderId: 'A-1001', locale: 'en' });
    expect(general.promise).toMatchObject({ kind: 'first_response', minutes: 30, text: 'We will reply within 30 minutes.' });
    const urgent = await file(alice, { description: '充电器冒烟起火，手被烫伤了', locale: 'zh-CN' });
    expect(urgent.promise).toMatchObject({ minutes: 10, text: '我们将在 10 分钟内回复您。' });
    const vip = await t.customer({ name: 'Vera', tier: 'vip' });
    const serious = await file(vip, { description: 'My coupon was not applied to the order', locale: 'en' });
    expect(serious.promise).toMatchObject({ minutes: 60, text: 'We will reply within 1 hour.' });
    const staffView = json<{ channel: string; customerId: string; orderNumber: string }>(await t.request('GET', `/api/v1/complaints/${general.id}`, { token: agent.token }));
    expect(staffView).toMatchObject({ channel: 'web', customerId: alice.id, orderNumber: 'A-1001' });
  });

  it("refuses another customer's order as if it did not exist", async () => {
    const res = await t.request('POST', '/api/v1/portal/complaints', { token: alice.token, body: { description: 'Where is it?', orderId: 'B-2001' } });
    expect(errorOf(res)).toBe('422 validation_failed');
  });

  it('first screen: own recent orders (90 days) with the open-complaint marker, own complaints in play only', async () => {
    await file(bob, { description: 'Bob has a problem with billing, charged twice', orderId: 'B-2001' });
    const home = json<Home>(await t.request('GET', '/api/v1/portal/home?locale=en', { token: alice.token }));
    expect(home.customer.id).toBe(alice.id);
    expect(home.recentOrders.map((o) => o.number)).toEqual(['A-1001', 'A-1002']);
    expect(home.recentOrders.find((o) => o.number === 'A-1001')!.hasOpenComplaint).toBe(true);
    expect(home.recentOrders.find((o) => o.number === 'A-1002')!.hasOpenComplaint).toBe(false);
    expect(home.openComplaints.length).toBe(2);
    expect(home.openComplaints.every((c) => c.step.kind === 'received' && c.step.label === 'We received your complaint')).toBe(true);
    const bobs = json<Home>(await t.request('GET', '/api/v1/portal/home', { token: bob.token }));
    expect(bobs.recentOrders.map((o) => o.number)).toEqual(['B-2001']);
    expect(bobs.openComplaints.length).toBe(1);
  });

  it('staff and anonymous callers are kept out of the hall', async () => {
    expect(errorOf(await t.request('GET', '/api/v1/portal/home', { token: agent.token }))).toBe('403 forbidden');
    expect(errorOf(await t.request('GET', '/api/v1/portal/home'))).toBe('401 unauthenticated');
  });

  it('progress: customer-visible steps with department names, public messages only, no staff-only events; others get 404', async () => {
    const c = await file(alice, { description: 'The parcel is stuck at the depot for 5 days', orderId: 'A-1002' });
    const staff = (path: string, body: unknown) => t.request('POST', `/api/v1/complaints/${c.id}${path}`, { token: agent.token, body: body as Record<string, unknown> });
    expect((await staff('/messages', { kind: 'internal_note', body: 'SECRET: courier contract dispute' })).statusCode).toBe(201);
    expect((await staff('/messages', { body: 'We are checking with the courier.' })).statusCode).toBe(201);
    expect((await staff('/handoffs', { department: 'logistics', note: 'INTERNAL: check depot CCTV' })).statusCode).toBe(201);
    expect((await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { tags: ['vip-watch'], reason: 'INTERNAL reason' } })).statusCode).toBe(200);

    const p = await progress(alice, c.number);
    expect(p.steps.map((s) => s.kind)).toEqual(['received', 'handling', 'handed_off']);
    expect(p.steps[1]!.label).toBe('Being handled by Logistics');
    expect(p.steps[2]!.label).toBe('Passed to our Logistics team to look into');
    expect(p.messages.map((m) => [m.from, m.body])).toEqual([['staff', 'We are checking with the courier.']]);
    const raw = JSON.stringify(p);
    for (const secret of ['SECRET', 'INTERNAL', 'vip-watch', 'sla.', 'classified']) expect(raw).not.toContain(secret);
    expect(p.nextStep.text).toContain('specialist team');
    const zh = await progress(alice, c.number, 'zh-CN');
    expect(zh.steps[1]!.label).toBe('物流部正在处理');

    expect(errorOf(await t.request('GET', `/api/v1/portal/complaints/${c.number}`, { token: bob.token }))).toBe('404 not_found');
    expect(errorOf(await t.request('GET', `/api/v1/portal/complaints/${c.id}`, { token: bob.token }))).toBe('404 not_found');
    expect(errorOf(await t.request('POST', `/api/v1/portal/complaints/${c.number}/messages`, { token: bob.token, body: { body: 'hi' } }))).toBe('404 not_found');
    expect(errorOf(await t.request('GET', '/api/v1/portal/complaints/not-a-ref', { token: alice.token }))).toBe('404 not_found');
  });

  it('waiting for you → the reply resumes the case; resolved → confirm closes it; confirming twice is refused', async () => {
    const c = await file(alice, { description: 'Refund for the kettle has not arrived' });
    const status = (s: string) => t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: s } });
    expect((await status('awaiting_customer')).statusCode).toBe(200);
    let p = await progress(alice, c.number);
    expect(p.steps.at(-1)!.kind).toBe('waiting_for_you');
    expect(p.promise).toBeNull();
    const reply = await t.request('POST', `/api/v1/portal/complaints/${c.number}/messages`, { token: alice.token, body: { body: 'I paid by card on 1 March' } });
    expect(reply.statusCode, reply.body).toBe(201);
    p = await progress(alice, c.number);
    expect(p.status).toBe('in_progress');
    expect(p.messages.at(-1)).toMatchObject({ from: 'you', body: 'I paid by card on 1 March' });
    expect(errorOf(await t.request('POST', `/api/v1/portal/complaints/${c.number}/confirm-resolution`, { token: alice.token }))).toBe('409 invalid_transition');
    expect((await status('resolved')).statusCode).toBe(200);
    p = await progress(alice, c.number);
    expect(p.canConfirm).toBe(true);
    const confirm = await t.request('POST', `/api/v1/portal/complaints/${c.number}/confirm-resolution`, { token: alice.token });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(json<{ status: string }>(confirm).status).toBe('closed');
    p = await progress(alice, c.number);
    expect(p.steps.map((s) => s.kind)).toEqual(['received', 'waiting_for_you', 'handling', 'resolved', 'closed']);
    expect(errorOf(await t.request('POST', `/api/v1/portal/complaints/${c.number}/confirm-resolution`, { token: alice.token }))).toBe('409 invalid_transition');
  });

  it('suggests a category while typing and offers choices for vague words', async () => {
    const s = async (text: string, locale = 'zh-CN') => json<{ category: { code: string; name: string } | null; vague: boolean; clarify: Array<{ category: string; label: string }>; articles: unknown[] }>(
      await t.request('POST', '/api/v1/portal/suggest', { token: alice.token, body: { text, locale } }));
    const vague = await s('快递');
    expect(vague.vague).toBe(true);
    expect(vague.clarify.map((o) => o.label)).toContain('快递迟迟没到');
    const refund = await s('refund', 'en');
    expect(refund.clarify.map((o) => o.category)).toContain('refund');
    const clear = await s('买的电水壶用了两天就坏了，开关完全失灵，要求换货');
    expect(clear.vague).toBe(false);
    expect(clear.category).toEqual({ code: 'product_quality', name: '产品质量' });
    expect(clear.articles).toEqual([]);
  });

  it('records a deflection when self-service answered the question', async () => {
    const res = await t.request('POST', '/api/v1/portal/deflections', { token: alice.token, body: { articleId: 'kb-42', category: 'logistics', text: '快递' } });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.db.query<{ article_id: string; customer_id: string }>('select article_id, customer_id from portal_deflections');
    expect(rows).toEqual([{ article_id: 'kb-42', customer_id: alice.id }]);
  });
});

describe('attachments', () => {
  it('accepts images and PDFs by content and attaches them to a complaint and a reply', async () => {
    const png = await upload(alice, PNG, 'image/png', 'photo.png');
    expect(png.statusCode, png.body).toBe(201);
    const pdf = await upload(alice, PDF, 'application/octet-stream', 'receipt.pdf');
    expect(json<{ contentType: string }>(pdf).contentType).toBe('application/pdf');
    const c = await file(alice, { description: 'Broken on arrival, photo attached', attachmentIds: [json<{ id: string }>(png).id] });
    let p = await progress(alice, c.number);
    expect(p.attachments.map((a) => a.contentType)).toEqual(['image/png']);
    const reply = await t.request('POST', `/api/v1/portal/complaints/${c.number}/messages`, { token: alice.token, body: { body: 'receipt', attachmentIds: [json<{ id: string }>(pdf).id] } });
    expect(reply.statusCode, reply.body).toBe(201);
    p = await progress(alice, c.number);
    expect(p.messages.at(-1)!.attachments.length).toBe(1);
    // the bytes come back to the owner and to staff, not to another customer
    const id = json<{ id: string }>(png).id;
    const mine = await t.request('GET', `/api/v1/attachments/${id}`, { token: alice.token });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect((await t.request('GET', `/api/v1/attachments/${id}`, { token: agent.token })).statusCode).toBe(200);
    expect(errorOf(await t.request('GET', `/api/v1/attachments/${id}`, { token: bob.token }))).toBe('404 not_found');
    // a used upload cannot be attached again
    expect(errorOf(await t.request('POST', '/api/v1/portal/complaints', { token: alice.token, body: { description: 'again', attachmentIds: [id] } }))).toBe('422 validation_failed');
  });

  it('refuses content that does not match its name or type, and content of no accepted type', async () => {
    expect(errorOf(await upload(alice, PDF, 'image/png', 'photo.png'))).toBe('422 attachment_type_mismatch');
    expect(errorOf(await upload(alice, PNG, 'application/octet-stream', 'doc.pdf'))).toBe('422 attachment_type_mismatch');
    expect(errorOf(await upload(alice, Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg', 'x.jpg'))).toBe('422 attachment_type_mismatch');
    expect(errorOf(await upload(alice, Buffer.from('MZ\x90\x00 program'), 'application/octet-stream', 'tool'))).toBe('422 attachment_type_not_allowed');
    expect(errorOf(await upload(alice, Buffer.from('hello'), 'text/html', 'x.html'))).toBe('415 unsupported_media_type');
  });

  it('refuses files over 5 MB and more than 5 files per item', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024, 0)]);
    expect(errorOf(await upload(alice, big, 'image/png', 'big.png'))).toBe('413 payload_too_large');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(json<{ id: string }>(await upload(bob, PNG, 'image/png', `p${i}.png`)).id);
    expect(errorOf(await t.request('POST', '/api/v1/portal/complaints', { token: bob.token, body: { description: 'six photos', attachmentIds: ids } }))).toBe('422 validation_failed');
    const ok = await t.request('POST', '/api/v1/portal/complaints', { token: bob.token, body: { description: 'five photos', attachmentIds: ids.slice(0, 5) } });
    expect(ok.statusCode, ok.body).toBe(201);
    // someone else's upload is not found
    expect(errorOf(await t.request('POST', '/api/v1/portal/complaints', { token: alice.token, body: { description: 'steal', attachmentIds: [ids[5]!] } }))).toBe('422 validation_failed');
  });
});
