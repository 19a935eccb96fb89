import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
type Staff = { id: string; token: string };
let supervisor: Staff;
let agent: Staff;
let otherAgent: Staff;
let financeStaff: Staff;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent', { name: 'Li Lei' });
  otherAgent = await t.user('agent', { name: 'Han Meimei' });
  financeStaff = await t.user('department_staff', { department: 'finance' });
});
afterAll(() => t.stop());

const code = (res: { statusCode: number; body: string }) => `${res.statusCode} ${res.statusCode >= 400 ? json<{ error: { code: string } }>(res as never).error.code : ''}`.trim();

async function complaint(token: string, body: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const res = await t.request('POST', '/api/v1/complaints', { token, body: { channel: 'phone', subject: 'Parcel late', description: 'Late for a week', category: 'logistics', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

describe('macros', () => {
  it('fills a macro for a complaint with the customer, the number and the order', async () => {
    const c = await t.customer({ name: '王芳' });
    const order = json<{ id: string }>(await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: 'SO-778', customerId: c.id, amount: 99 } }));
    const comp = await complaint(agent.token, { customerId: c.id, orderId: order.id });
    const macro = await t.request('POST', '/api/v1/macros', { token: agent.token, body: { name: '致歉', body: '{{customer.name}}您好，您的投诉 {{complaint.number}}（订单 {{order.number}}）由{{agent.name}}跟进。' } });
    expect(macro.statusCode, macro.body).toBe(201);
    const rendered = await t.request('POST', `/api/v1/complaints/${comp.number}/macros/${json<{ id: string }>(macro).id}/render`, { token: agent.token });
    expect(json<{ text: string }>(rendered).text).toBe(`王芳您好，您的投诉 ${comp.number}（订单 SO-778）由Li Lei跟进。`);
  });

  it('refuses unknown variables at save time and keeps personal macros personal', async () => {
    const bad = await t.request('POST', '/api/v1/macros', { token: agent.token, body: { name: 'x', body: 'Hi {{customer.password}}' } });
    expect(code(bad)).toBe('422 validation_failed');
    expect(json<{ error: { details: Array<{ variable: string }> } }>(bad).error.details[0]!.variable).toBe('customer.password');

    expect(code(await t.request('POST', '/api/v1/macros', { token: agent.token, body: { name: 'team', body: 'Hello', shared: true } }))).toBe('403 forbidden');
    const shared = json<{ id: string }>(await t.request('POST', '/api/v1/macros', { token: supervisor.token, body: { name: 'Team greeting', body: 'Hello {{customer.name}}', shared: true, locale: 'en' } }));
    const mine = json<{ id: string }>(await t.request('POST', '/api/v1/macros', { token: agent.token, body: { name: 'Mine', body: 'Mine only' } }));

    const seenByOther = json<{ items: Array<{ id: string }> }>(await t.request('GET', '/api/v1/macros', { token: otherAgent.token })).items.map((m) => m.id);
    expect(seenByOther).toContain(shared.id);
    expect(seenByOther).not.toContain(mine.id);
    expect(code(await t.request('PATCH', `/api/v1/macros/${mine.id}`, { token: otherAgent.token, body: { body: 'stolen' } }))).toBe('404 not_found');
    expect(code(await t.request('PATCH', `/api/v1/macros/${shared.id}`, { token: agent.token, body: { body: 'changed' } }))).toBe('403 forbidden');
    expect(code(await t.request('GET', '/api/v1/macros', { token: financeStaff.token }))).toBe('403 forbidden');
    expect((await t.request('DELETE', `/api/v1/macros/${mine.id}`, { token: agent.token })).statusCode).toBe(204);
  });
});

describe('saved views', () => {
  it('saves list filters, counts what the viewer may see, and refuses filters the list would refuse', async () => {
    const vip = await t.customer({ tier: 'vip' });
    await complaint(agent.token, { customerId: vip.id, category: 'billing', severity: 'urgent' });
    const res = await t.request('POST', '/api/v1/views', { token: agent.token, body: { name: 'Urgent billing', filters: { severity: ['urgent'], category: ['billing'], status: ['open'] } } });
    expect(res.statusCode, res.body).toBe(201);
    const before = json<{ count: number }>(res).count;
    expect(before).toBeGreaterThanOrEqual(1);
    await complaint(agent.token, { customerId: vip.id, category: 'billing', severity: 'urgent' });
    const views = json<{ items: Array<{ name: string; count: number; mine: boolean }> }>(await t.request('GET', '/api/v1/views', { token: agent.token })).items;
    expect(views.find((v) => v.name === 'Urgent billing')).toMatchObject({ count: before + 1, mine: true });

    expect(code(await t.request('POST', '/api/v1/views', { token: agent.token, body: { name: 'urgent BILLING', filters: {} } }))).toBe('409 conflict');
    expect(code(await t.request('POST', '/api/v1/views', { token: agent.token, body: { name: 'bad', filters: { severity: ['apocalyptic'] } } }))).toBe('422 validation_failed');
    expect(code(await t.request('POST', '/api/v1/views', { token: agent.token, body: { name: 'shared', filters: {}, shared: true } }))).toBe('403 forbidden');

    // A shared view counts with each viewer's own scope: finance staff see only finance complaints.
    await complaint(agent.token, { customerId: vip.id, category: 'logistics', severity: 'urgent' });
    const shared = json<{ id: string }>(await t.request('POST', '/api/v1/views', { token: supervisor.token, body: { name: 'All urgent', filters: { severity: ['urgent'] }, shared: true } }));
    const forFinance = json<{ items: Array<{ id: string; count: number; mine: boolean }> }>(await t.request('GET', '/api/v1/views', { token: financeStaff.token })).items.find((v) => v.id === shared.id)!;
    const forAgent = json<{ items: Array<{ id: string; count: number }> }>(await t.request('GET', '/api/v1/views', { token: agent.token })).items.find((v) => v.id === shared.id)!;
    expect(forFinance.mine).toBe(false);
    expect(forFinance.count).toBeLessThan(forAgent.count);
    expect(code(await t.request('DELETE', `/api/v1/views/${shared.id}`, { token: agent.token }))).toBe('404 not_found');
  });
});

describe('bulk changes', () => {
  it('applies each change with its own events and reports the ones refused', async () => {
    const c = await t.customer();
    const a = await complaint(agent.token, { customerId: c.id });
    const b = await complaint(agent.token, { customerId: c.id });
    const closed = await complaint(agent.token, { customerId: c.id });
    await t.request('POST', `/api/v1/complaints/${closed.id}/status`, { token: agent.token, body: { status: 'cancelled', reason: 'spam' } });

    const res = await t.request('POST', '/api/v1/complaints/bulk', { token: supervisor.token, body: { ids: [a.id, b.id, closed.id], assigneeId: otherAgent.id, addTags: ['vip_followup'], status: 'in_progress' } });
    expect(res.statusCode, res.body).toBe(200);
    const out = json<{ items: Array<{ id: string; ok: boolean; error?: { code: string } }>; succeeded: number; failed: number }>(res);
    expect(out.succeeded).toBe(2);
    expect(out.items.find((i) => i.id === closed.id)).toMatchObject({ ok: false });
    for (const id of [a.id, b.id]) {
      const got = json<{ assignee: { id: string }; tags: string[]; status: string }>(await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token }));
      expect(got).toMatchObject({ assignee: { id: otherAgent.id }, status: 'in_progress' });
      expect(got.tags).toContain('vip_followup');
      const types = json<{ items: Array<{ type: string }> }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['complaint.assigned', 'complaint.tags_changed', 'complaint.status_changed']));
    }
    expect(code(await t.request('POST', '/api/v1/complaints/bulk', { token: agent.token, body: { ids: [a.id] } }))).toBe('422 validation_failed');
    expect(code(await t.request('POST', '/api/v1/complaints/bulk', { token: financeStaff.token, body: { ids: [a.id], status: 'in_progress' } }))).toBe('403 forbidden');
  });
});

describe('team load', () => {
  it('counts open work per agent', async () => {
    const loaded = await t.user('agent', { name: 'Loaded Agent' });
    const c = await t.customer();
    for (let i = 0; i < 3; i++) {
      const x = await complaint(agent.token, { customerId: c.id });
      await t.request('PATCH', `/api/v1/complaints/${x.id}`, { token: supervisor.token, body: { assigneeId: loaded.id } });
    }
    const rows = json<{ items: Array<{ userId: string; open: number; breached: number }> }>(await t.request('GET', '/api/v1/reports/team-load', { token: supervisor.token })).items;
    expect(rows.find((r) => r.userId === loaded.id)).toMatchObject({ open: 3, breached: 0 });
    t.clock.advance(3 * 3600_000); // past the 30-minute first-response target
    const later = json<{ items: Array<{ userId: string; breached: number }> }>(await t.request('GET', '/api/v1/reports/team-load', { token: supervisor.token })).items;
    expect(later.find((r) => r.userId === loaded.id)!.breached).toBe(3);
    expect(code(await t.request('GET', '/api/v1/reports/team-load', { token: agent.token }))).toBe('403 forbidden');
  });
});

describe('customer 360', () => {
  it('shows orders, past complaints, the repeat flag and the preferred channel — not to back office', async () => {
    const c = await t.customer({ name: 'Repeat Rita' });
    await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: 'SO-9001', customerId: c.id, amount: 10 } });
    await complaint(agent.token, { customerId: c.id, channel: 'email' });
    await complaint(agent.token, { customerId: c.id, channel: 'email', category: 'billing' });
    await complaint(agent.token, { customerId: c.id, channel: 'phone', category: 'product_quality' });
    const res = await t.request('GET', `/api/v1/customers/${c.id}/overview`, { token: agent.token });
    expect(res.statusCode, res.body).toBe(200);
    const o = json<{ customer: { name: string }; orders: Array<{ number: string }>; complaints: unknown[]; stats: { total: number; open: number }; repeatComplainer: boolean; preferredChannel: string }>(res);
    expect(o.customer.name).toBe('Repeat Rita');
    expect(o.orders.map((x) => x.number)).toEqual(['SO-9001']);
    expect(o.complaints).toHaveLength(3);
    expect(o.stats).toMatchObject({ total: 3, open: 3 });
    expect(o.repeatComplainer).toBe(true);
    expect(o.preferredChannel).toBe('email');
    expect(code(await t.request('GET', `/api/v1/customers/${c.id}/overview`, { token: financeStaff.token }))).toBe('403 forbidden');
    expect(code(await t.request('GET', '/api/v1/customers/00000000-0000-4000-8000-000000000000/overview', { token: agent.token }))).toBe('404 not_found');
    expect(code(await t.request('GET', `/api/v1/customers/${c.id}/overview`, { token: c.token }))).toBe('403 forbidden');
  });
});

describe('mentions in internal notes', () => {
  it('notifies the staff named who may see the complaint, and records them on the note', async () => {
    const mentioned = await t.user('agent', { name: 'Zhang Wei' });
    const logistics = await t.user('department_staff', { department: 'logistics' });
    const c = await t.customer();
    const comp = await complaint(agent.token, { customerId: c.id, category: 'logistics' });
    const emailOf = async (id: string) => (await t.db.query<{ email: string }>('select email from users where id = $1', [id]))[0]!.email;
    const body = `@ZhangWei please call back; @${await emailOf(logistics.id)} check the depot; @${await emailOf(financeStaff.id)} fyi`;
    const res = await t.request('POST', `/api/v1/complaints/${comp.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body } });
    expect(res.statusCode, res.body).toBe(201);
    expect(new Set(json<{ mentions: string[] }>(res).mentions)).toEqual(new Set([mentioned.id, logistics.id]));
    const inbox = json<{ items: Array<{ kind: string; complaintId: string }> }>(await t.request('GET', '/api/v1/notifications', { token: mentioned.token })).items;
    expect(inbox.some((n) => n.kind === 'mention' && n.complaintId === comp.id)).toBe(true);
    const financeInbox = json<{ items: Array<{ kind: string }> }>(await t.request('GET', '/api/v1/notifications', { token: financeStaff.token })).items;
    expect(financeInbox.some((n) => n.kind === 'mention')).toBe(false);
  });
});
