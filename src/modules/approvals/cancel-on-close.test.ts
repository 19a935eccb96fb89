import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { runApprovalSweep } from './approval-sweep.js';

/**
 * Issue 3 leftover: a complaint that is closed or cancelled takes its pending approval
 * requests with it — cancelled with an event in the same transaction, never paid afterwards,
 * no longer flagged overdue.
 */

type Person = { id: string; token: string };
type EventItem = { type: string; lane: string; actor: { kind: string; id: string | null }; data: Record<string, unknown> };
type Settlement = { id: string; status: string; approval: { id: string; status: string; overdue: boolean } | null };

const HOUR = 3_600_000;

let t: TestApp;
let agent: Person;
let supervisor: Person;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
afterAll(() => t.stop());

async function pendingApproval(): Promise<{ complaintId: string; settlementId: string; approvalId: string }> {
  const c = await t.request('POST', '/api/v1/complaints', {
    token: agent.token, body: { channel: 'phone', subject: `Refund ${++seq}`, description: 'Charged twice.', customer: { name: 'R' }, category: 'refund' },
  });
  expect(c.statusCode, c.body).toBe(201);
  const complaintId = json<{ id: string }>(c).id;
  const s = await t.request('POST', `/api/v1/complaints/${complaintId}/settlements`, { token: agent.token, body: { kind: 'refund', amount: 900, currency: 'CNY', reason: 'double charge' } });
  expect(s.statusCode, s.body).toBe(201);
  const settlement = json<Settlement>(s);
  expect(settlement.status).toBe('pending_approval');
  return { complaintId, settlementId: settlement.id, approvalId: settlement.approval!.id };
}

async function status(id: string, to: string) {
  const res = await t.request('POST', `/api/v1/complaints/${id}/status`, { token: agent.token, body: { status: to } });
  expect(res.statusCode, res.body).toBe(200);
}

async function events(id: string): Promise<EventItem[]> {
  return json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: supervisor.token })).items;
}

async function settlements(id: string): Promise<Settlement[]> {
  return json<{ items: Settlement[] }>(await t.request('GET', `/api/v1/complaints/${id}/settlements`, { token: supervisor.token })).items;
}

describe('pending approvals end with their complaint', () => {
  it('resolving keeps the request; closing cancels it with an event; a later decision → 409; the sweep leaves it alone', async () => {
    const { complaintId, approvalId, settlementId } = await pendingApproval();
    await status(complaintId, 'resolved');
    expect((await settlements(complaintId))[0]!.approval!.status).toBe('pending');
    await status(complaintId, 'closed');
    const [s] = await settlements(complaintId);
    expect(s).toMatchObject({ status: 'cancelled', approval: { id: approvalId, status: 'cancelled' } });
    const evs = await events(complaintId);
    const cancelled = evs.filter((e) => e.type === 'approval.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ lane: 'backstage', actor: { kind: 'user', id: agent.id }, data: { approvalId, settlementId, amount: 900, currency: 'CNY', reason: 'complaint closed' } });
    // written right after the status change that caused it
    const types = evs.map((e) => e.type);
    expect(types.lastIndexOf('approval.cancelled')).toBeGreaterThan(types.lastIndexOf('complaint.status_changed'));
    const late = await t.request('POST', `/api/v1/approvals/${approvalId}/decision`, { token: supervisor.token, body: { decision: 'approve', reason: 'ok' } });
    expect(late.statusCode, late.body).toBe(409);
    expect(json<{ error: { code: string } }>(late).error.code).toBe('conflict');
    t.clock.advance(3 * HOUR);
    await runApprovalSweep(t.server.ctx);
    expect((await events(complaintId)).filter((e) => e.type === 'approval.overdue')).toHaveLength(0);
    const queue = json<{ items: Array<{ id: string }> }>(await t.request('GET', '/api/v1/approvals?status=pending', { token: supervisor.token }));
    expect(queue.items.map((a) => a.id)).not.toContain(approvalId);
    const gone = json<{ items: Array<{ id: string; status: string }> }>(await t.request('GET', '/api/v1/approvals?status=cancelled', { token: supervisor.token }));
    expect(gone.items).toContainEqual(expect.objectContaining({ id: approvalId, status: 'cancelled' }));
  });

  it('cancelling the complaint cancels them too; a deadline already missed is recorded first', async () => {
    const { complaintId, approvalId } = await pendingApproval();
    t.clock.advance(3 * HOUR); // past the 2 h approval deadline, before any sweep noticed
    await status(complaintId, 'cancelled');
    const types = (await events(complaintId)).map((e) => e.type);
    expect(types.filter((x) => x === 'approval.overdue')).toHaveLength(1);
    expect(types.filter((x) => x === 'approval.cancelled')).toHaveLength(1);
    expect(types.indexOf('approval.overdue')).toBeLessThan(types.indexOf('approval.cancelled'));
    expect((await settlements(complaintId))[0]).toMatchObject({ status: 'cancelled', approval: { id: approvalId, status: 'cancelled' } });
  });

  it('decided requests are left as they are', async () => {
    const { complaintId, approvalId } = await pendingApproval();
    const d = await t.request('POST', `/api/v1/approvals/${approvalId}/decision`, { token: supervisor.token, body: { decision: 'approve', reason: 'ok' } });
    expect(d.statusCode, d.body).toBe(200);
    await status(complaintId, 'cancelled');
    expect((await settlements(complaintId))[0]).toMatchObject({ status: 'granted', approval: { status: 'approved' } });
    expect((await events(complaintId)).filter((e) => e.type === 'approval.cancelled')).toHaveLength(0);
  });
});
