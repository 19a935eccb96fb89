/**
 * Intake's group commit (create-complaint.ts, write-complaints.ts): complaints sent at the
 * same moment are written in one transaction, with the same outcome as one by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../test/test-app.js';
import { createComplaint, intakeGroupStats, MAX_INTAKE_GROUP } from '../commands/create-complaint.js';
import { writeComplaints } from './write-complaints.js';
import { AppError } from '../../../errors.js';
import type { Principal } from '../../auth/principal.js';

type Complaint = {
  id: string; number: string; severity: string; category: string; department: string | null; repeatOfId: string | null; createdAt: string; tags: string[]; subject: string; amountClaimed: number | null;
  customer: { id: string }; sla: { firstResponse: { dueAt: string }; resolution: { dueAt: string } };
};
type EventItem = { type: string; data: Record<string, unknown> };

let t: TestApp;
let agent: { id: string; token: string };
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
afterAll(() => t.stop());

const body = (o: Record<string, unknown> = {}) => ({ channel: 'web', subject: 'Parcel late', description: 'My parcel is five days late.', ...o });
const post = (b: Record<string, unknown>, headers: Record<string, string> = {}) => t.request('POST', '/api/v1/complaints', { token: agent.token, body: b, headers });
const events = async (id: string) => json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items;
const email = () => `group${++seq}-${Date.now()}@example.com`;
const one = async <T>(sql: string, params: unknown[]) => (await t.db.query<{ v: T }>(sql, params as never[]))[0]!.v;
const staff = (): Principal => ({ kind: 'user', userId: agent.id, role: 'agent', departmentId: null }) as Principal;
/** Complaints written as ONE group (one transaction), in this order. */
async function oneGroup(inputs: Array<Record<string, unknown>>): Promise<Complaint[]> {
  const now = t.clock.now();
  const outcomes = await t.db.transaction((tx) => writeComplaints(tx, inputs.map((input) => ({ principal: staff(), input: body(input) as never, now })), 30));
  const ids = outcomes.map((o) => {
    if (!o.ok || !('created' in o.value)) throw new Error(`not created: ${JSON.stringify(o)}`);
    return o.value.created;
  });
  return Promise.all(ids.map(async (id) => json<Complaint>(await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token }))));
}

describe('complaints sent at the same moment (one intake group)', () => {
  it('go in groups, each complaint written whole: unique numbers, its events in order, its received notices', async () => {
    const texts = ['快递五天没到，物流一直不更新', 'I was charged twice for one order', '客服态度很差，挂我电话', 'The blender broke after one week'];
    const before = intakeGroupStats(t.server.ctx);
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      createComplaint(t.server.ctx, staff(), body({ subject: `Group ${i}`, description: texts[i % texts.length], customer: { name: `G${i}`, email: email() } }) as never)));
    const made = created.map((r) => r.complaint as unknown as Complaint);
    expect(new Set(made.map((c) => c.number)).size).toBe(12);
    // They really went in groups: fewer transactions than complaints.
    const after = intakeGroupStats(t.server.ctx);
    expect(after.items - before.items).toBe(12);
    expect(after.runs - before.runs).toBeLessThan(12);
    const ids = made.map((c) => c.id);
    for (const c of made) {
      const types = (await events(c.id)).map((e) => e.type);
      expect(types.slice(0, 5)).toEqual(['complaint.created', 'complaint.classified', 'complaint.routed', 'routing.applied', 'sla.started']);
      expect(types).toContain('notice.queued');
    }
    // By email and in the service hall (customers with an address, no preference set).
    expect(await one<string>(`select string_agg(channel, ',' order by channel) as v from (select distinct channel from notices where kind = 'received' and complaint_id = any($1::uuid[])) x`, [ids])).toBe('email,in_app');
    expect(await one<number>(`select count(*)::int as v from notices where kind = 'received' and complaint_id = any($1::uuid[])`, [ids])).toBe(24);
    // The classifier decided what the caller left out, per complaint.
    expect(made[1]!.category).toBe('billing');
  });

  it('fill a whole group (MAX_INTAKE_GROUP) with tags, amounts and orders of every shape', async () => {
    const owner = json<{ id: string }>(await t.request('POST', '/api/v1/customers', { token: agent.token, body: { name: 'Big group owner', email: email() } }));
    const order = json<{ id: string }>(await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `BG-${++seq}`, customerId: owner.id, amount: 50 } }));
    const inputs = Array.from({ length: MAX_INTAKE_GROUP }, (_, i) => ({
      subject: `Big ${i}`, description: i % 2 ? '退款二十天还没到账' : 'The parcel never arrived',
      ...(i % 3 === 0 ? { tags: Array.from({ length: i % 5 }, (_, k) => `tag-${k}`) } : {}),
      ...(i % 4 === 0 ? { amount: i * 10.5 } : {}),
      ...(i % 8 === 0 ? { customerId: owner.id, orderId: order.id } : { customer: { name: `Big ${i}`, email: email() } }),
    }));
    const made = await oneGroup(inputs);
    expect(made).toHaveLength(MAX_INTAKE_GROUP);
    made.forEach((c, i) => {
      expect(c.subject).toBe(`Big ${i}`);
      expect(c.tags.filter((x) => x.startsWith('tag-'))).toEqual(i % 3 === 0 ? Array.from({ length: i % 5 }, (_, k) => `tag-${k}`) : []);
      expect(c.amountClaimed).toBe(i % 4 === 0 ? i * 10.5 : null);
    });
    expect(made.filter((c) => c.customer.id === owner.id)).toHaveLength(MAX_INTAKE_GROUP / 8);
  });

  it('through the API at once, are all taken in', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(body({ subject: `API ${i}`, customer: { name: `A${i}`, email: email() } }))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => json<Complaint>(r).number)).size).toBe(8);
  });

  it('decide exactly as one by one: the same category, severity, department and SLA due times', async () => {
    const inputs = [
      body({ description: '收到的手机是假货，要求退一赔三', customer: { name: 'E1', email: email() } }),
      body({ description: 'The heater caught fire in my kitchen', customer: { name: 'E2', email: email() } }),
      body({ description: 'Refund not received after 20 days', amount: 1500, customer: { name: 'E3', email: email() } }),
    ];
    const alone: Complaint[] = [];
    for (const b of inputs) alone.push(json<Complaint>(await post(b)));
    const together = await oneGroup(inputs.map((b) => ({ ...b, customer: { name: 'E', email: email() } })));
    const decision = (c: Complaint) => ({
      category: c.category, severity: c.severity, department: c.department,
      firstResponseMs: Date.parse(c.sla.firstResponse.dueAt) - Date.parse(c.createdAt),
      resolutionMs: Date.parse(c.sla.resolution.dueAt) - Date.parse(c.createdAt),
    });
    expect(together.map(decision)).toEqual(alone.map(decision));
    expect(together[1]!.severity).toBe('urgent');
  });

  it('from one new address: one customer, and each later complaint a repeat of the one before (with its follow-up)', async () => {
    const address = email();
    const made = await oneGroup([1, 2, 3].map((i) =>
      ({ category: 'logistics', subject: `Late ${i}`, description: `Parcel ${i} late`, customer: { name: 'Same person', email: i === 2 ? address.toUpperCase() : address } })));
    expect(new Set(made.map((c) => c.customer.id)).size).toBe(1);
    expect(await one<number>('select count(*)::int as v from customers where lower(email) = lower($1)', [address])).toBe(1);
    expect(made[0]!.repeatOfId).toBeNull();
    expect(made[1]!.repeatOfId).toBe(made[0]!.id);
    expect(made[2]!.repeatOfId).toBe(made[1]!.id);
    expect(made[2]!.severity).toBe('serious');
    const evs = await events(made[2]!.id);
    expect(evs.find((e) => e.type === 'complaint.repeat_detected')?.data).toMatchObject({ repeatOfId: made[1]!.id, repeatOfNumber: made[1]!.number });
    expect(evs.some((e) => e.type === 'followup.created')).toBe(true);
  });

  it('suggest merging the same text sent twice at once through two channels', async () => {
    const customer = { name: 'Twice', email: email() };
    const text = { subject: '洗衣机漏水', description: '新买的洗衣机第一次用就漏水，地板都泡了，要求换货' };
    const [a, b] = await Promise.all([post(body({ ...text, channel: 'email', customer })), post(body({ ...text, channel: 'phone', customer }))]);
    const [first, second] = [json<Complaint>(a), json<Complaint>(b)].sort((x, y) => (x.number < y.number ? -1 : 1));
    const suggested = (await events(second!.id)).find((e) => e.type === 'complaint.duplicate_suggested');
    expect(suggested?.data).toMatchObject({ candidateId: first!.id });
  });

  it('refuse only the bad ones: a missing customer, another customer’s order, an unknown category', async () => {
    const owner = json<{ id: string }>(await t.request('POST', '/api/v1/customers', { token: agent.token, body: { name: 'Owner', email: email() } }));
    const order = json<{ number: string }>(await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `GO-${++seq}`, customerId: owner.id, amount: 10 } }));
    const strangerEmail = email();
    const results = await Promise.all([
      post(body({ customer: { name: 'Fine 1', email: email() } })),
      post(body({ customerId: '00000000-0000-4000-8000-000000000000' })),
      post(body({ customer: { name: 'Stranger', email: strangerEmail }, orderId: order.number })),
      post(body({ customer: { name: 'Fine 2', email: email() }, category: 'no_such_category' })),
      post(body({ customerId: owner.id, orderId: order.number })),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 422, 422, 422, 201]);
    expect(results.slice(1, 4).map((r) => json<{ error: { code: string; details: Array<{ path: string }> } }>(r).error.details[0]!.path))
      .toEqual(['body.customerId', 'body.orderId', 'body.category']);
    // Nothing half-written for a refused complaint: not even the new customer it named.
    expect(await one<number>('select count(*)::int as v from customers where lower(email) = $1', [strangerEmail])).toBe(0);
  });

  it('honour Idempotency-Key within one group: one complaint, the retry replayed; a changed body is refused', async () => {
    const key = `group-key-${++seq}`;
    const b = body({ customer: { name: 'Retry', email: email() } });
    const [r1, r2] = await Promise.all([post(b, { 'idempotency-key': key }), post(b, { 'idempotency-key': key })]);
    const statuses = [r1.statusCode, r2.statusCode].sort();
    expect(statuses).toEqual([201, 201]);
    expect(json<Complaint>(r1).id).toBe(json<Complaint>(r2).id);
    expect([r1.headers['idempotent-replayed'], r2.headers['idempotent-replayed']]).toContain('true');
    // The same bad request twice with one key in one group: both refused alike, nothing kept.
    const badKey = `group-bad-key-${++seq}`;
    const bad = body({ customerId: '00000000-0000-4000-8000-000000000001' });
    const twice = await t.db.transaction((tx) => writeComplaints(tx, [1, 2].map(() => ({ principal: staff(), input: bad as never, now: t.clock.now(), idempotencyKey: badKey })), 30));
    expect(twice.map((o) => (o.ok ? 'ok' : (o.error as AppError).code))).toEqual(['validation_failed', 'validation_failed']);
    expect(await one<number>('select count(*)::int as v from idempotency_keys where key = $1', [badKey])).toBe(0);
    const changed = await post({ ...b, subject: 'Different' }, { 'idempotency-key': key });
    expect(changed.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(changed).error.code).toBe('idempotency_key_reused');
  });

  it('when a group’s transaction fails, the others are written one by one and only the failing one is refused', async () => {
    const ctx = t.server.ctx;
    const boom = new AppError('validation_failed', 'channel record refused');
    const results = await Promise.allSettled([1, 2, 3].map((i) =>
      createComplaint(ctx, staff(), body({ subject: `Hooked ${i}`, customer: { name: `H${i}`, email: email() } }) as never, undefined, {
        inTransaction: async (tx, id) => {
          await tx.query(`update complaints set tags = array['hooked'] where id = $1`, [id]);
          if (i === 2) throw boom;
        },
      })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(boom);
    const written = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.complaint] : []));
    expect(written.map((c) => c.tags)).toEqual([['hooked'], ['hooked']]);
    expect(await one<number>(`select count(*)::int as v from complaints where subject = 'Hooked 2'`, [])).toBe(0);
  });
});
