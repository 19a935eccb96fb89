import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type Complaint = { id: string; number: string; status: string; severity: string; category: string; repeatOfId: string | null; mergedIntoId: string | null; customer: { id: string } };
type EventItem = { type: string; lane: string; data: Record<string, unknown> };

const DAY = 86_400_000;
let t: TestApp;
let agent: { id: string; token: string };
let supervisor: { id: string; token: string };
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
afterAll(() => t.stop());

async function create(body: Record<string, unknown>): Promise<Complaint> {
  const res = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', subject: 's', description: 'd', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}
const events = async (id: string) => json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items;
const newCustomer = () => ({ name: 'Repeat tester', email: `rep${++seq}@example.com` });

describe('repeat complaints', () => {
  it('same customer + same category within 30 days → linked repeat, at least serious, supervisor follow-up', async () => {
    const customer = newCustomer();
    const first = await create({ customer, category: 'logistics', subject: '快递没到', description: '等了五天' });
    expect(first.repeatOfId).toBeNull();
    expect(first.severity).toBe('general');
    t.clock.advance(3 * DAY);
    const second = await create({ customer, category: 'logistics', subject: '还是没到', description: '第二次投诉' });
    expect(second.repeatOfId).toBe(first.id);
    expect(second.severity).toBe('serious');
    const evs = await events(second.id);
    expect(evs.find((e) => e.type === 'complaint.repeat_detected')?.data).toMatchObject({ repeatOfId: first.id, match: 'category' });
    const classified = evs.find((e) => e.type === 'complaint.classified')!;
    expect((classified.data.reasons as string[]).join(' ')).toContain(first.number);
    expect(evs.find((e) => e.type === 'followup.created')?.lane).toBe('backstage');

    const open = json<{ items: Array<{ id: string; complaintId: string }> }>(await t.request('GET', '/api/v1/follow-ups', { token: supervisor.token })).items;
    const mine = open.find((f) => f.complaintId === second.id)!;
    expect(mine).toBeTruthy();
    const done = await t.request('POST', `/api/v1/follow-ups/${mine.id}/complete`, { token: supervisor.token, body: { note: 'called the customer' } });
    expect(done.statusCode).toBe(200);
    const again = await t.request('POST', `/api/v1/follow-ups/${mine.id}/complete`, { token: supervisor.token, body: { note: 'twice' } });
    expect(again.statusCode).toBe(409);
    expect((await t.request('POST', `/api/v1/follow-ups/${mine.id}/complete`, { token: agent.token, body: { note: 'x' } })).statusCode).toBe(403);
  });

  it('a different category outside the window is no repeat; the same order is one even in another category', async () => {
    const customer = newCustomer();
    const first = await create({ customer, category: 'billing' });
    t.clock.advance(31 * DAY);
    expect((await create({ customer, category: 'billing' })).repeatOfId).toBeNull();
    const c = json<{ id: string }>(await t.request('POST', '/api/v1/customers', { token: agent.token, body: { name: 'Order owner', email: `own${++seq}@example.com` } }));
    const order = json<{ id: string; number: string }>(await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `O-${seq}`, customerId: c.id, amount: 99 } }));
    const a = await create({ customerId: c.id, orderId: order.number, category: 'logistics' });
    const b = await create({ customerId: c.id, orderId: order.id, category: 'refund' });
    expect(first.repeatOfId).toBeNull();
    expect(b.repeatOfId).toBe(a.id);
    expect((await events(b.id)).find((e) => e.type === 'complaint.repeat_detected')?.data.match).toBe('order');
  });

  it('context rules raise severity: VIP customers and amounts of 1000 or more are serious', async () => {
    const vip = json<{ id: string }>(await t.request('POST', '/api/v1/customers', { token: agent.token, body: { name: 'VIP', email: `vip${++seq}@example.com`, tier: 'vip' } }));
    expect((await create({ customerId: vip.id })).severity).toBe('serious');
    expect((await create({ customer: newCustomer(), amount: 1000 })).severity).toBe('serious');
    expect((await create({ customer: newCustomer(), amount: 999.99 })).severity).toBe('general');
    expect((await create({ customer: newCustomer(), amount: 5000, severity: 'urgent' })).severity).toBe('urgent');
  });
});

describe('near-duplicates and merging', () => {
  it('suggests a merge for near-identical text from the same customer and merges keeping the history', async () => {
    const customer = newCustomer();
    const email = await create({ customer, channel: 'email', category: 'refund', subject: 'Refund for order 8812 not received', description: 'I returned the blender two weeks ago and the refund has still not arrived.' });
    await t.request('POST', `/api/v1/complaints/${email.id}/messages`, { token: agent.token, body: { kind: 'customer', body: 'attached the return receipt' } });
    const call = await create({ customer, channel: 'phone', category: 'other', subject: 'Refund for order 8812 not received', description: 'Returned the blender two weeks ago, refund still has not arrived.' });
    const dups = json<{ items: Array<{ complaintId: string; similarity: number }> }>(await t.request('GET', `/api/v1/complaints/${call.id}/duplicates`, { token: agent.token })).items;
    expect(dups[0]).toMatchObject({ complaintId: email.id });
    expect(dups[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    const unrelated = await create({ customer: newCustomer(), subject: 'Refund for order 8812 not received', description: 'same words, other customer' });
    expect(json<{ items: unknown[] }>(await t.request('GET', `/api/v1/complaints/${unrelated.id}/duplicates`, { token: agent.token })).items).toEqual([]);

    const merged = await t.request('POST', `/api/v1/complaints/${call.id}/merge`, { token: agent.token, body: { into: email.number, reason: 'same refund' } });
    expect(merged.statusCode, merged.body).toBe(200);
    const source = json<Complaint>(await t.request('GET', `/api/v1/complaints/${call.id}`, { token: agent.token }));
    expect(source).toMatchObject({ status: 'cancelled', mergedIntoId: email.id });
    expect((await events(call.id)).map((e) => e.type)).toContain('complaint.merged');
    expect((await events(email.id)).map((e) => e.type)).toContain('complaint.merge_received');
    await t.request('POST', `/api/v1/complaints/${call.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'note on the merged one' } });
    const conversation = json<{ items: Array<{ body: string }> }>(await t.request('GET', `/api/v1/complaints/${email.id}/messages`, { token: agent.token })).items;
    expect(conversation.map((m) => m.body)).toEqual(expect.arrayContaining(['attached the return receipt', 'note on the merged one']));

    expect((await t.request('POST', `/api/v1/complaints/${call.id}/merge`, { token: agent.token, body: { into: email.id } })).statusCode).toBe(409);
    expect((await t.request('POST', `/api/v1/complaints/${email.id}/merge`, { token: agent.token, body: { into: unrelated.id } })).statusCode).toBe(422);
    expect((await t.request('POST', `/api/v1/complaints/${email.id}/merge`, { token: agent.token, body: { into: email.id } })).statusCode).toBe(422);
    const analyst = await t.user('analyst');
    expect((await t.request('POST', `/api/v1/complaints/${email.id}/merge`, { token: analyst.token, body: { into: unrelated.id } })).statusCode).toBe(403);
  });

  it('links a repeat by hand and unlinks it, each an event', async () => {
    const customer = newCustomer();
    const a = await create({ customer, category: 'technical' });
    t.clock.advance(40 * DAY);
    const b = await create({ customer, category: 'technical' });
    expect(b.repeatOfId).toBeNull();
    expect((await t.request('POST', `/api/v1/complaints/${b.id}/link`, { token: agent.token, body: { repeatOf: a.number } })).statusCode).toBe(200);
    expect(json<Complaint>(await t.request('GET', `/api/v1/complaints/${b.id}`, { token: agent.token })).repeatOfId).toBe(a.id);
    await t.request('POST', `/api/v1/complaints/${b.id}/link`, { token: agent.token, body: { repeatOf: null } });
    expect(json<Complaint>(await t.request('GET', `/api/v1/complaints/${b.id}`, { token: agent.token })).repeatOfId).toBeNull();
    expect((await events(b.id)).filter((e) => e.type === 'complaint.linked')).toHaveLength(2);
    expect((await t.request('POST', `/api/v1/complaints/${b.id}/link`, { token: agent.token, body: { repeatOf: 'C-1900-000001' } })).statusCode).toBe(404);
  });
});
