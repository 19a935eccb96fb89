import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { runApprovalSweep } from './approval-sweep.js';

/**
 * Issue 3 §5, authority limits and approvals: within the limit the front line settles at
 * once; above it a supervisor approves or rejects with a reason; nothing is paid twice; an
 * approval is answered once; a missed deadline is recorded exactly once; all evented.
 */

type Person = { id: string; token: string };
type Approval = {
  id: string; status: string; dueAt: string; overdue: boolean; canDecide: boolean; decisionReason: string | null;
  decidedBy: { id: string } | null; settlement: { id: string; amount: number; currency: string; status: string };
};
type Settlement = {
  id: string; complaintId: string; kind: string; amount: number; currency: string; reason: string; status: string;
  requestedBy: { id: string }; grantedBy: { id: string } | null; grantedAt: string | null;
  approval: { id: string; status: string; dueAt: string; overdue: boolean } | null;
};
type EventItem = { type: string; lane: string; at: string; actor: { kind: string; id: string | null }; data: Record<string, unknown> };
type Limits = { items: Array<{ role: string; currency: string; maxAmount: number | null }>; approvalDeadlineMinutes: number };
type ErrorBody = { error: { code: string; message: string; details: Array<{ path?: string }> } };

const MIN = 60_000;
const HOUR = 3_600_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const DECISIONS = ['approval.approved', 'approval.rejected'];

let t: TestApp;
let admin: Person;
let agent: Person;
let supervisor: Person;
let supervisor2: Person;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
  supervisor2 = await t.user('supervisor');
});
afterAll(() => t.stop());

async function complaint(app: TestApp = t, token = agent.token, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await app.request('POST', '/api/v1/complaints', {
    token, body: { channel: 'phone', subject: `Refund wanted ${++seq}`, description: 'Charged twice for one order.', customer: { name: 'S' }, category: 'refund', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

function settle(complaintId: string, body: Record<string, unknown>, token = agent.token, app: TestApp = t) {
  return app.request('POST', `/api/v1/complaints/${complaintId}/settlements`, { token, body: { kind: 'refund', currency: 'CNY', reason: 'double charge', ...body } });
}

async function settled(complaintId: string, body: Record<string, unknown>, token = agent.token, app: TestApp = t): Promise<Settlement> {
  const res = await settle(complaintId, body, token, app);
  expect(res.statusCode, res.body).toBe(201);
  return json<Settlement>(res);
}

/** A settlement above the agent's limit, waiting for approval. */
async function pending(amount = 800, token = agent.token, app: TestApp = t): Promise<{ complaintId: string; settlement: Settlement; approvalId: string }> {
  const complaintId = await complaint(app, token);
  const settlement = await settled(complaintId, { amount }, token, app);
  expect(settlement.status).toBe('pending_approval');
  return { complaintId, settlement, approvalId: settlement.approval!.id };
}

function decide(approvalId: string, decision: 'approve' | 'reject', token = supervisor.token, reason = 'checked the order') {
  return t.request('POST', `/api/v1/approvals/${approvalId}/decision`, { token, body: { decision, reason } });
}

async function events(complaintId: string, token = admin.token): Promise<EventItem[]> {
  const res = await t.request('GET', `/api/v1/complaints/${complaintId}/events`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: EventItem[] }>(res).items;
}
const ofType = (evs: EventItem[], ...types: string[]) => evs.filter((e) => types.includes(e.type));

async function settlementsOf(complaintId: string): Promise<Settlement[]> {
  const res = await t.request('GET', `/api/v1/complaints/${complaintId}/settlements`, { token: agent.token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Settlement[] }>(res).items;
}

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json<ErrorBody>(res);
  expect(body.error.code).toBe(code);
  return body.error;
}

async function rowCounts() {
  const [row] = await t.db.query<{ settlements: number; approvals: number; events: number }>(
    `select (select count(*) from settlements)::int as settlements, (select count(*) from approvals)::int as approvals,
            (select count(*) from complaint_events)::int as events`,
  );
  return row!;
}

describe('authority limits', () => {
  it('default: agent 200, supervisor 5000, admin unlimited, back office and analysts nothing', async () => {
    const res = await t.request('GET', '/api/v1/authority-limits', { token: agent.token });
    expect(res.statusCode, res.body).toBe(200);
    const limits = json<Limits>(res);
    expect(limits.items).toEqual([
      { role: 'admin', currency: '*', maxAmount: null },
      { role: 'supervisor', currency: '*', maxAmount: 5000 },
      { role: 'agent', currency: '*', maxAmount: 200 },
      { role: 'department_staff', currency: '*', maxAmount: 0 },
      { role: 'analyst', currency: '*', maxAmount: 0 },
    ]);
    expect(limits.approvalDeadlineMinutes).toBe(120);
  });

  it('only admins edit them, and edits are validated', async () => {
    const current = json<Limits>(await t.request('GET', '/api/v1/authority-limits', { token: admin.token }));
    const body = { limits: current.items };
    for (const who of [agent, supervisor, await t.user('analyst')]) {
      expectError(await t.request('PUT', '/api/v1/authority-limits', { token: who.token, body }), 403, 'forbidden');
    }
    const bad = async (limits: unknown[], path: string, extra: Record<string, unknown> = {}) => {
      const err = expectError(await t.request('PUT', '/api/v1/authority-limits', { token: admin.token, body: { limits, ...extra } }), 422, 'validation_failed');
      expect(err.details.map((d) => d.path)).toContain(path);
    };
    await bad([{ role: 'agent', currency: '*', maxAmount: -1 }], 'body.limits.0.maxAmount');
    await bad([{ role: 'intern', currency: '*', maxAmount: 10 }], 'body.limits.0.role');
    await bad([{ role: 'agent', currency: 'XYZ', maxAmount: 10 }], 'body.limits.0.currency');
    await bad([{ role: 'agent', currency: 'dollars', maxAmount: 10 }], 'body.limits.0.currency');
    await bad([{ role: 'agent', currency: 'USD', maxAmount: 10 }, { role: 'agent', currency: 'usd', maxAmount: 20 }], 'body.limits.1');
    await bad([], 'body.approvalDeadlineMinutes', { approvalDeadlineMinutes: 0 });
    expect(json<Limits>(await t.request('GET', '/api/v1/authority-limits', { token: admin.token }))).toEqual(current);
  });

  it('per currency: a currency of its own overrides the role’s default for every other currency', async () => {
    const original = json<Limits>(await t.request('GET', '/api/v1/authority-limits', { token: admin.token }));
    const res = await t.request('PUT', '/api/v1/authority-limits', {
      token: admin.token, body: { limits: [...original.items, { role: 'agent', currency: 'usd', maxAmount: 50 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Limits>(res).items).toContainEqual({ role: 'agent', currency: 'USD', maxAmount: 50 });
    try {
      const c = await complaint();
      expect((await settled(c, { amount: 100, currency: 'USD' })).status).toBe('pending_approval');
      expect((await settled(c, { amount: 50, currency: 'USD' })).status).toBe('granted');
      expect((await settled(c, { amount: 100, currency: 'CNY' })).status).toBe('granted');
      expect((await settled(c, { amount: 150, currency: 'eur' })).status).toBe('granted'); // '*' default, code upper-cased
      expect((await settled(c, { amount: 250, currency: 'EUR' })).status).toBe('pending_approval');
    } finally {
      const restore = await t.request('PUT', '/api/v1/authority-limits', { token: admin.token, body: { limits: original.items } });
      expect(restore.statusCode, restore.body).toBe(200);
    }
  });
});

describe('settlements within the limit', () => {
  it('are granted at once, in the frontstage lane, with no approval', async () => {
    const c = await complaint();
    const s = await settled(c, { amount: 150, kind: 'compensation', reason: 'late delivery' });
    expect(s).toMatchObject({ complaintId: c, kind: 'compensation', amount: 150, currency: 'CNY', status: 'granted', approval: null });
    expect(s.grantedBy?.id).toBe(agent.id);
    const atLimit = await settled(c, { amount: 200 });
    expect(atLimit.status).toBe('granted');
    const evs = ofType(await events(c), 'settlement.granted', 'approval.requested');
    expect(evs.map((e) => [e.type, e.lane, e.data.via, e.data.limit])).toEqual([
      ['settlement.granted', 'frontstage', 'authority', 200],
      ['settlement.granted', 'frontstage', 'authority', 200],
    ]);
    expect(evs[0]!.actor.id).toBe(agent.id);
    expect((await settlementsOf(c)).map((x) => x.id)).toEqual([s.id, atLimit.id]);
  });

  it('a supervisor settles up to 5000 and an admin any amount directly', async () => {
    const c = await complaint();
    expect((await settled(c, { amount: 5000 }, supervisor.token)).status).toBe('granted');
    expect((await settled(c, { amount: 5000.01 }, supervisor.token)).status).toBe('pending_approval');
    expect((await settled(c, { amount: 1_000_000_000 }, admin.token)).status).toBe('granted');
  });
});

describe('settlements above the limit', () => {
  it('become an approval request to supervisors with a 2 h deadline', async () => {
    const before = t.clock.now().getTime();
    const { complaintId, settlement, approvalId } = await pending(800);
    expect(settlement.approval).toMatchObject({ status: 'pending', overdue: false, dueAt: new Date(before + 2 * HOUR).toISOString() });
    expect(settlement.grantedAt).toBeNull();
    const evs = ofType(await events(complaintId), 'settlement.granted', 'approval.requested');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'approval.requested', lane: 'backstage', data: { approvalId, amount: 800, requesterLimit: 200, assignedRole: 'supervisor' } });
    const queue = json<{ items: Approval[]; nextCursor: string | null }>(await t.request('GET', '/api/v1/approvals?status=pending', { token: supervisor.token }));
    const mine = queue.items.find((a) => a.id === approvalId);
    expect(mine).toMatchObject({ status: 'pending', canDecide: true, settlement: { id: settlement.id, amount: 800, status: 'pending_approval' } });
    expect(queue).toHaveProperty('nextCursor');
  });

  it('approve → approval.approved and settlement.granted, once', async () => {
    const { complaintId, settlement, approvalId } = await pending(900);
    const res = await decide(approvalId, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Approval>(res)).toMatchObject({ status: 'approved', decisionReason: 'checked the order', decidedBy: { id: supervisor.id }, settlement: { status: 'granted' } });
    const [s] = (await settlementsOf(complaintId)).filter((x) => x.id === settlement.id);
    expect(s).toMatchObject({ status: 'granted', grantedBy: { id: supervisor.id }, approval: { status: 'approved' } });
    const evs = ofType(await events(complaintId), 'approval.requested', 'approval.approved', 'approval.rejected', 'settlement.granted');
    expect(evs.map((e) => `${e.type}/${e.lane}`)).toEqual(['approval.requested/backstage', 'approval.approved/backstage', 'settlement.granted/frontstage']);
    expect(evs[2]!.data).toMatchObject({ via: 'approval', approvalId, amount: 900, settlementId: settlement.id });
    const [granted] = await t.db.query<{ n: number }>(`select count(*)::int as n from complaint_events where type = 'settlement.granted' and data->>'settlementId' = $1`, [settlement.id]);
    expect(granted!.n).toBe(1);
  });

  it('reject → approval.rejected, the settlement is rejected and nothing is granted', async () => {
    const { complaintId, settlement, approvalId } = await pending(700);
    const res = await decide(approvalId, 'reject', supervisor.token, 'not covered by policy');
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Approval>(res)).toMatchObject({ status: 'rejected', decisionReason: 'not covered by policy', settlement: { status: 'rejected' } });
    const evs = await events(complaintId);
    expect(ofType(evs, 'approval.rejected')).toHaveLength(1);
    expect(ofType(evs, 'settlement.granted')).toHaveLength(0);
    expect((await settlementsOf(complaintId)).find((x) => x.id === settlement.id)?.status).toBe('rejected');
  });

  it('answered twice → 409, and only the first answer is recorded', async () => {
    const { complaintId, approvalId } = await pending(600);
    expect((await decide(approvalId, 'approve')).statusCode).toBe(200);
    expectError(await decide(approvalId, 'approve', supervisor2.token), 409, 'conflict');
    expectError(await decide(approvalId, 'reject', supervisor2.token), 409, 'conflict');
    expectError(await decide(approvalId, 'approve'), 409, 'conflict');
    const evs = await events(complaintId);
    expect(ofType(evs, ...DECISIONS).map((e) => e.type)).toEqual(['approval.approved']);
    expect(ofType(evs, 'settlement.granted')).toHaveLength(1);
  });

  it('two concurrent answers: exactly one wins, the other gets 409', async () => {
    for (let i = 0; i < 4; i++) {
      const { complaintId, settlement, approvalId } = await pending(500 + i);
      const [a, b] = await Promise.all([decide(approvalId, 'approve', supervisor.token), decide(approvalId, i % 2 ? 'approve' : 'reject', supervisor2.token)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = json<Approval>(a.statusCode === 200 ? a : b);
      const evs = await events(complaintId);
      expect(ofType(evs, ...DECISIONS)).toHaveLength(1);
      expect(ofType(evs, 'settlement.granted')).toHaveLength(winner.status === 'approved' ? 1 : 0);
      const [row] = await t.db.query<{ status: string }>('select status from settlements where id = $1', [settlement.id]);
      expect(row!.status).toBe(winner.status === 'approved' ? 'granted' : 'rejected');
    }
  });

  it('the requester cannot approve their own request (403)', async () => {
    const { complaintId, approvalId } = await pending(6000, supervisor.token); // above the supervisor's own 5000
    const err = expectError(await decide(approvalId, 'approve', supervisor.token), 403, 'forbidden');
    expect(err.message).toMatch(/own/);
    const mine = json<Approval>(await t.request('GET', `/api/v1/approvals/${approvalId}`, { token: supervisor.token }));
    expect(mine.canDecide).toBe(false);
    expect((await decide(approvalId, 'approve', admin.token)).statusCode).toBe(200);
    expect(ofType(await events(complaintId), ...DECISIONS).map((e) => e.actor.id)).toEqual([admin.id]);
  });

  it('a supervisor whose limit is below the amount cannot answer it (403); an admin can', async () => {
    const { complaintId, approvalId } = await pending(8000);
    const view = json<Approval>(await t.request('GET', `/api/v1/approvals/${approvalId}`, { token: supervisor.token }));
    expect(view.canDecide).toBe(false);
    expectError(await decide(approvalId, 'approve', supervisor.token), 403, 'forbidden');
    expectError(await decide(approvalId, 'reject', supervisor.token), 403, 'forbidden');
    expect(ofType(await events(complaintId), ...DECISIONS)).toHaveLength(0);
    const res = await decide(approvalId, 'approve', admin.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(ofType(await events(complaintId), 'approval.approved')[0]!.data.approverLimit).toBeNull();
  });

  it('a closed or cancelled complaint takes no new settlement (409) and its pending approval ends with it', async () => {
    const { complaintId, approvalId } = await pending(400);
    const cancel = await t.request('POST', `/api/v1/complaints/${complaintId}/status`, { token: agent.token, body: { status: 'cancelled' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const before = await rowCounts();
    expectError(await settle(complaintId, { amount: 10 }), 409, 'conflict');
    // cancelled together with the complaint (cancel-on-close.test.ts): neither answer applies any more
    expectError(await decide(approvalId, 'approve'), 409, 'conflict');
    expectError(await decide(approvalId, 'reject', supervisor.token, 'case cancelled'), 409, 'conflict');
    expect(await rowCounts()).toEqual(before);

    const closed = await complaint();
    for (const status of ['resolved', 'closed']) {
      const res = await t.request('POST', `/api/v1/complaints/${closed}/status`, { token: agent.token, body: { status } });
      expect(res.statusCode, res.body).toBe(200);
    }
    expectError(await settle(closed, { amount: 10 }), 409, 'conflict');
  });
});

describe('nothing is paid twice', () => {
  it('a retry with the same idempotency key returns the first settlement', async () => {
    const c = await complaint();
    const first = await settle(c, { amount: 120, idempotencyKey: 'refund-abc-1' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await settle(c, { amount: 120, idempotencyKey: 'refund-abc-1' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(json<Settlement>(again).id).toBe(json<Settlement>(first).id);
    // concurrent retries of an above-limit request: one settlement, one approval
    const racing = await Promise.all([1, 2, 3].map(() => settle(c, { amount: 900, idempotencyKey: 'refund-abc-2' })));
    expect(racing.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((r) => json<Settlement>(r).id)).size).toBe(1);
    const evs = await events(c);
    expect(ofType(evs, 'settlement.granted')).toHaveLength(1);
    expect(ofType(evs, 'approval.requested')).toHaveLength(1);
    expect(await settlementsOf(c)).toHaveLength(2);
    // the same key for a different request is refused
    expectError(await settle(c, { amount: 121, idempotencyKey: 'refund-abc-1' }), 422, 'idempotency_key_reused');
    expectError(await settle(await complaint(), { amount: 120, idempotencyKey: 'refund-abc-1' }), 422, 'idempotency_key_reused');
    // keys belong to their user: another agent's identical key is a new request
    const other = await t.user('agent');
    const theirs = await settle(c, { amount: 120, idempotencyKey: 'refund-abc-1' }, other.token);
    expect(json<Settlement>(theirs).id).not.toBe(json<Settlement>(first).id);
  });

  it('the database refuses to move a granted settlement again', async () => {
    const c = await complaint();
    const s = await settled(c, { amount: 10 });
    await expect(t.db.query(`update settlements set status = 'rejected', granted_at = null where id = $1`, [s.id])).rejects.toThrow(/already granted/);
    await expect(t.db.query(`update settlements set amount = 11 where id = $1`, [s.id])).rejects.toThrow(/never change/);
  });
});

describe('approval deadline', () => {
  it('records approval.overdue exactly once, at the deadline, however often and concurrently the sweep runs', async () => {
    const { complaintId, approvalId, settlement } = await pending(1000);
    const dueAt = settlement.approval!.dueAt;
    t.clock.advance(HOUR);
    await runApprovalSweep(t.server.ctx);
    expect(ofType(await events(complaintId), 'approval.overdue')).toHaveLength(0);
    t.clock.advance(HOUR + 5 * MIN);
    await runApprovalSweep(t.server.ctx);
    await runApprovalSweep(t.server.ctx);
    await Promise.all([runApprovalSweep(t.server.ctx), runApprovalSweep(t.server.ctx), runApprovalSweep(t.server.ctx)]);
    let overdue = ofType(await events(complaintId), 'approval.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ lane: 'support', at: dueAt, actor: { kind: 'system' }, data: { approvalId, dueAt } });
    const list = json<{ items: Approval[] }>(await t.request('GET', '/api/v1/approvals?status=pending&overdue=true', { token: supervisor.token }));
    expect(list.items.map((a) => a.id)).toContain(approvalId);
    // a late answer is still possible and does not record the deadline again
    expect((await decide(approvalId, 'approve')).statusCode).toBe(200);
    await runApprovalSweep(t.server.ctx);
    overdue = ofType(await events(complaintId), 'approval.overdue');
    expect(overdue).toHaveLength(1);
  });

  it('an answer after the deadline the sweep has not seen yet records the missed deadline first, once', async () => {
    const { complaintId, approvalId, settlement } = await pending(1100);
    t.clock.advance(3 * HOUR);
    expect((await decide(approvalId, 'reject')).statusCode).toBe(200);
    await runApprovalSweep(t.server.ctx);
    const evs = ofType(await events(complaintId), 'approval.overdue', ...DECISIONS);
    expect(evs.map((e) => e.type)).toEqual(['approval.overdue', 'approval.rejected']);
    expect(evs[0]!.at).toBe(settlement.approval!.dueAt);
  });

  it('an answer in time never becomes overdue; the deadline is configurable', async () => {
    const original = json<Limits>(await t.request('GET', '/api/v1/authority-limits', { token: admin.token }));
    const res = await t.request('PUT', '/api/v1/authority-limits', { token: admin.token, body: { limits: original.items, approvalDeadlineMinutes: 30 } });
    expect(json<Limits>(res).approvalDeadlineMinutes).toBe(30);
    try {
      const start = t.clock.now().getTime();
      const { complaintId, approvalId, settlement } = await pending(300);
      expect(settlement.approval!.dueAt).toBe(new Date(start + 30 * MIN).toISOString());
      expect((await decide(approvalId, 'approve')).statusCode).toBe(200);
      t.clock.advance(HOUR);
      await runApprovalSweep(t.server.ctx);
      expect(ofType(await events(complaintId), 'approval.overdue')).toHaveLength(0);
    } finally {
      await t.request('PUT', '/api/v1/authority-limits', { token: admin.token, body: { limits: original.items, approvalDeadlineMinutes: 120 } });
    }
  });

  it('two app instances on one PostgreSQL write each approval.overdue exactly once', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design (its data dir is locked)
    const clock = new ManualClock('2026-07-01T00:00:00Z');
    const base = await createTestApp({ clock });
    const a = await base.user('agent');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await pending(300 + i, a.token, base)).approvalId);
    const { a: instA, b: instB, stop: stopInstances } = await startTwoInstances(base.dbUrl!, clock, { scheduler: true });
    try {
      clock.advance(3 * HOUR);
      // both instances sweep on their own timers, and direct concurrent sweeps run on top
      await Promise.all([runApprovalSweep(instA.ctx), runApprovalSweep(instB.ctx), runApprovalSweep(instA.ctx), runApprovalSweep(instB.ctx)]);
      await new Promise((r) => setTimeout(r, 500));
      const rows = await base.db.query<{ approval: string; n: number }>(
        `select data->>'approvalId' as approval, count(*)::int as n from complaint_events where type = 'approval.overdue' group by 1`,
      );
      expect(rows.map((r) => r.approval).sort()).toEqual([...ids].sort());
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await stopInstances();
      await base.stop();
    }
  });
});

describe('permissions', () => {
  it('only front-line staff give settlements; others are refused, customers learn nothing of other cases', async () => {
    const analyst = await t.user('analyst');
    const finance = await t.user('department_staff', { department: 'finance' });
    const logistics = await t.user('department_staff', { department: 'logistics' });
    const owner = await t.customer();
    const stranger = await t.customer();
    const res = await t.request('POST', '/api/v1/complaints', {
      token: agent.token, body: { channel: 'web', subject: 'refund please', description: 'd', customerId: owner.id, category: 'refund' },
    });
    const c = json<{ id: string; department: string }>(res);
    expect(c.department).toBe('finance');
    const before = await rowCounts();
    expectError(await settle(c.id, { amount: 10 }, analyst.token), 403, 'forbidden');
    expectError(await settle(c.id, { amount: 10 }, finance.token), 403, 'forbidden');
    expectError(await settle(c.id, { amount: 10 }, logistics.token), 404, 'not_found');
    expectError(await settle(c.id, { amount: 10 }, owner.token), 403, 'forbidden');
    expectError(await settle(c.id, { amount: 10 }, stranger.token), 404, 'not_found');
    expect(await rowCounts()).toEqual(before);
    // reading: staff who can see the complaint; customers never
    expect((await t.request('GET', `/api/v1/complaints/${c.id}/settlements`, { token: finance.token })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/v1/complaints/${c.id}/settlements`, { token: analyst.token })).statusCode).toBe(200);
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/settlements`, { token: logistics.token }), 404, 'not_found');
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/settlements`, { token: owner.token }), 403, 'forbidden');
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/settlements`, { token: stranger.token }), 404, 'not_found');
  });

  it('only supervisors and admins answer approvals; the queue is theirs (agents see their own requests)', async () => {
    const { approvalId, complaintId } = await pending(450);
    const analyst = await t.user('analyst');
    const finance = await t.user('department_staff', { department: 'finance' });
    const owner = await t.customer();
    const otherAgent = await t.user('agent');
    for (const who of [agent, otherAgent, analyst, finance, owner]) {
      expectError(await decide(approvalId, 'approve', who.token), 403, 'forbidden');
    }
    for (const who of [analyst, finance, owner]) {
      expectError(await t.request('GET', '/api/v1/approvals?status=pending', { token: who.token }), 403, 'forbidden');
    }
    const mine = json<{ items: Approval[] }>(await t.request('GET', '/api/v1/approvals?status=pending&limit=200', { token: agent.token }));
    expect(mine.items.map((a) => a.id)).toContain(approvalId);
    const theirs = json<{ items: Approval[] }>(await t.request('GET', '/api/v1/approvals', { token: otherAgent.token }));
    expect(theirs.items).toEqual([]);
    expectError(await t.request('GET', `/api/v1/approvals/${approvalId}`, { token: otherAgent.token }), 404, 'not_found');
    // none of the refused answers left a trace
    expect(ofType(await events(complaintId), ...DECISIONS)).toHaveLength(0);
  });

  it('customers see a granted settlement in their timeline but not the approval behind it', async () => {
    const owner = await t.customer();
    const res = await t.request('POST', '/api/v1/complaints', {
      token: owner.token, body: { channel: 'web', subject: 'refund please', description: 'charged twice', customerId: owner.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = json<{ id: string }>(res).id;
    const s = await settled(c, { amount: 999 });
    expect((await decide(s.approval!.id, 'approve')).statusCode).toBe(200);
    const seen = (await events(c, owner.token)).map((e) => e.type);
    expect(seen).toContain('settlement.granted');
    expect(seen.filter((x) => x.startsWith('approval.'))).toEqual([]);
  });
});

describe('bad input', () => {
  it('amount, currency, kind and reason are validated (422) and nothing is written', async () => {
    const c = await complaint();
    const before = await rowCounts();
    const bad = async (body: Record<string, unknown>, path: string) => {
      const err = expectError(await settle(c, body), 422, 'validation_failed');
      expect(err.details.map((d) => d.path), JSON.stringify(err)).toContain(path);
    };
    await bad({ amount: -5 }, 'body.amount');
    await bad({ amount: 0 }, 'body.amount');
    await bad({ amount: 1_000_000_000.01 }, 'body.amount');
    await bad({ amount: 1e12 }, 'body.amount');
    await bad({ amount: 10.001 }, 'body.amount');
    await bad({ amount: '100' }, 'body.amount');
    await bad({ amount: 10, currency: 'XYZ' }, 'body.currency');
    await bad({ amount: 10, currency: 'RMB' }, 'body.currency');
    await bad({ amount: 10, currency: '元' }, 'body.currency');
    await bad({ amount: 10, currency: 'US$' }, 'body.currency');
    await bad({ amount: 10, reason: undefined }, 'body.reason');
    await bad({ amount: 10, reason: '   ' }, 'body.reason');
    await bad({ amount: 10, kind: 'cash' }, 'body.kind');
    await bad({ amount: 10, paidTwice: true }, 'body.paidTwice');
    await bad({ amount: 10, idempotencyKey: 'has space' }, 'body.idempotencyKey');
    expect(await rowCounts()).toEqual(before);
    expect((await settled(c, { amount: 10.5 })).amount).toBe(10.5);
  });

  it('unknown complaints and approvals answer 404; a decision needs a reason', async () => {
    expectError(await settle(NO_SUCH_ID, { amount: 10 }), 404, 'not_found');
    expectError(await settle('not-an-id', { amount: 10 }), 404, 'not_found');
    expectError(await decide(NO_SUCH_ID, 'approve'), 404, 'not_found');
    expectError(await t.request('POST', '/api/v1/approvals/nope/decision', { token: supervisor.token, body: { decision: 'approve', reason: 'x' } }), 404, 'not_found');
    expectError(await t.request('GET', `/api/v1/approvals/${NO_SUCH_ID}`, { token: supervisor.token }), 404, 'not_found');
    const { approvalId } = await pending(333);
    for (const body of [{ decision: 'approve' }, { decision: 'approve', reason: ' ' }, { decision: 'maybe', reason: 'x' }, {}]) {
      expectError(await t.request('POST', `/api/v1/approvals/${approvalId}/decision`, { token: supervisor.token, body }), 422, 'validation_failed');
    }
    expectError(await t.request('GET', '/api/v1/approvals?status=open', { token: supervisor.token }), 422, 'validation_failed');
    expectError(await t.request('GET', '/api/v1/approvals?cursor=garbage', { token: supervisor.token }), 422, 'validation_failed');
    expect(json<Approval>(await t.request('GET', `/api/v1/approvals/${approvalId}`, { token: supervisor.token })).status).toBe('pending');
  });

  it('the queue pages with a cursor, nearest deadline first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await pending(250 + i)).approvalId);
      t.clock.advance(MIN);
    }
    const seen: Approval[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/approvals?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json<{ items: Approval[]; nextCursor: string | null }>(await t.request('GET', q, { token: admin.token }));
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const due = seen.map((a) => a.dueAt);
    expect(due).toEqual([...due].sort());
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    for (const id of ids) expect(seen.map((a) => a.id)).toContain(id);
    expect(seen.every((a) => a.status === 'pending')).toBe(true);
  });
});
