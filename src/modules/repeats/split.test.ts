import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

const code = (res: { statusCode: number; body: string }) => `${res.statusCode} ${json<{ error?: { code: string } }>(res as never).error?.code ?? ''}`.trim();

describe('splitting a complaint', () => {
  it('moves the chosen messages into a new complaint of the same customer, classified and routed, with the split on both timelines', async () => {
    const agent = await t.user('agent');
    const customer = await t.customer();
    const c = json<{ id: string; number: string }>(await t.request('POST', '/api/v1/complaints', {
      token: agent.token, body: { channel: 'email', customerId: customer.id, subject: 'Parcel late', description: 'My parcel is a week late.', category: 'logistics' },
    }));
    const keep = json<{ id: string }>(await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: customer.token, body: { body: 'Still no parcel today.' } }));
    const other = json<{ id: string }>(await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: customer.token, body: { body: 'Also: my card was charged twice for this order, please refund the duplicate charge.' } }));

    const res = await t.request('POST', `/api/v1/complaints/${c.number}/split`, { token: agent.token, body: { messageIds: [other.id], subject: 'Double charge', reason: 'a second problem' } });
    expect(res.statusCode, res.body).toBe(201);
    const split = json<{ id: string; number: string; movedMessages: number }>(res);
    expect(split.movedMessages).toBe(1);

    const created = json<{ customer: { id: string }; category: string; department: string; sla: { firstResponseDueAt: string } }>(await t.request('GET', `/api/v1/complaints/${split.id}`, { token: agent.token }));
    expect(created.customer.id).toBe(customer.id);
    expect(created.category).toBe('billing'); // classified from the moved words
    expect(created.department).toBe('finance');
    expect(created.sla.firstResponseDueAt).toBeTruthy();

    const bodies = async (id: string) => json<{ items: Array<{ id: string }> }>(await t.request('GET', `/api/v1/complaints/${id}/messages`, { token: agent.token })).items.map((m) => m.id);
    expect(await bodies(split.id)).toContain(other.id);
    expect(await bodies(c.id)).toEqual([keep.id]);

    const types = async (id: string) => json<{ items: Array<{ type: string; data: Record<string, unknown> }> }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items;
    expect((await types(c.id)).find((e) => e.type === 'complaint.split')?.data).toMatchObject({ intoId: split.id, messageIds: [other.id] });
    expect((await types(split.id)).find((e) => e.type === 'complaint.split_from')?.data).toMatchObject({ fromId: c.id, fromNumber: c.number });
  });

  it('refuses messages of another complaint, customers and back office — and creates nothing then', async () => {
    const agent = await t.user('agent');
    const customer = await t.customer();
    const mk = async () => json<{ id: string }>(await t.request('POST', '/api/v1/complaints', {
      token: agent.token, body: { channel: 'phone', customerId: customer.id, subject: 'x', description: 'late parcel', category: 'logistics' },
    }));
    const a = await mk();
    const b = await mk();
    const foreign = json<{ id: string }>(await t.request('POST', `/api/v1/complaints/${b.id}/messages`, { token: customer.token, body: { body: 'hello' } }));
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from complaints'))[0]!.n;
    expect(code(await t.request('POST', `/api/v1/complaints/${a.id}/split`, { token: agent.token, body: { messageIds: [foreign.id], subject: 'y' } }))).toBe('422 validation_failed');
    expect(code(await t.request('POST', `/api/v1/complaints/${a.id}/split`, { token: agent.token, body: { messageIds: [], subject: 'y' } }))).toBe('422 validation_failed');
    expect(code(await t.request('POST', `/api/v1/complaints/${b.id}/split`, { token: customer.token, body: { messageIds: [foreign.id], subject: 'y' } }))).toBe('403 forbidden');
    const finance = await t.user('department_staff', { department: 'finance' });
    expect(code(await t.request('POST', `/api/v1/complaints/${b.id}/split`, { token: finance.token, body: { messageIds: [foreign.id], subject: 'y' } }))).toBe('404 not_found');
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from complaints'))[0]!.n).toBe(before);
  });
});
