import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/** The agent queue's API: the list filters behind the standard views, saved-view round trips, bulk resolve. */
let t: TestApp;
type Staff = { id: string; token: string };
let admin: Staff;
let agent: Staff;
let teammate: Staff;
let outsider: Staff;
let financeAgent: Staff;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent', { name: 'Queue Agent' });
  teammate = await t.user('agent', { name: 'Team Mate' });
  outsider = await t.user('agent', { name: 'Other Team' });
  financeAgent = await t.user('agent', { name: 'Finance Agent', department: 'finance' });
  for (const [u, team] of [[agent, 'desk-a'], [teammate, 'desk-a'], [outsider, 'desk-b']] as const) {
    const res = await t.request('PUT', `/api/v1/admin/routing/users/${u.id}`, { token: admin.token, body: { team } });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t.stop());

const code = (res: { statusCode: number; body: string }) => `${res.statusCode} ${res.statusCode >= 400 ? json<{ error: { code: string } }>(res as never).error.code : ''}`.trim();

/** A new customer each time unless one is given: two logistics complaints of one customer are a repeat. */
async function complaint(body: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const customerId = (body.customerId as string | undefined) ?? (await t.customer()).id;
  const res = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'phone', subject: 'Parcel late', description: 'Late for a week', category: 'logistics', customerId, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

async function ids(token: string, query: string): Promise<string[]> {
  const res = await t.request('GET', `/api/v1/complaints?limit=200&${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Array<{ id: string }> }>(res).items.map((c) => c.id);
}

async function patch(id: string, body: Record<string, unknown>): Promise<void> {
  const res = await t.request('PATCH', `/api/v1/complaints/${id}`, { token: agent.token, body });
  expect(res.statusCode, res.body).toBe(200);
}

describe('queue filters', () => {
  it('repeat, recovery, my team and my department, each with its negation', async () => {
    const first = await complaint();
    const firstCustomer = json<{ customerId: string }>(await t.request('GET', `/api/v1/complaints/${first.id}`, { token: agent.token })).customerId;
    const repeat = await complaint({ customerId: firstCustomer, category: 'refund' });
    const link = await t.request('POST', `/api/v1/complaints/${repeat.id}/link`, { token: agent.token, body: { repeatOf: first.number } });
    expect(link.statusCode, link.body).toBe(200);
    const recovery = await complaint();
    await patch(recovery.id, { tags: ['recovery'] });
    const teammates = await complaint();
    await patch(teammates.id, { assigneeId: teammate.id });
    const others = await complaint();
    await patch(others.id, { assigneeId: outsider.id });
    const billing = await complaint({ category: 'billing', subject: 'Charged twice' });

    expect(await ids(agent.token, 'repeat=true')).toEqual([repeat.id]);
    expect(await ids(agent.token, 'repeat=false')).toEqual(expect.arrayContaining([first.id, recovery.id]));
    expect(await ids(agent.token, 'repeat=false')).not.toContain(repeat.id);
    expect(await ids(agent.token, 'recovery=true')).toEqual([recovery.id]);
    expect(await ids(agent.token, 'recovery=0')).not.toContain(recovery.id);

    // A teammate's work is "my team"; another team's is not; for someone without a team, nothing is.
    expect(await ids(agent.token, 'myTeam=true')).toEqual([teammates.id]);
    expect(await ids(outsider.token, 'myTeam=true')).toEqual([others.id]);
    expect(await ids(agent.token, 'myTeam=false')).toEqual(expect.arrayContaining([others.id, first.id]));
    expect(await ids(agent.token, 'myTeam=false')).not.toContain(teammates.id);
    expect(await ids(financeAgent.token, 'myTeam=true')).toEqual([]);

    // The billing complaint is routed to finance: the finance agent's department, nobody's for the others.
    const mine = await ids(financeAgent.token, 'myDepartment=true');
    expect(mine).toContain(billing.id);
    expect(mine).not.toContain(first.id);
    expect(await ids(financeAgent.token, 'myDepartment=false')).not.toContain(billing.id);
    expect(await ids(agent.token, 'myDepartment=true')).toEqual([]);
    expect(await ids(agent.token, 'myDepartment=false')).toContain(billing.id);

    expect(code(await t.request('GET', '/api/v1/complaints?repeat=maybe', { token: agent.token }))).toBe('422 validation_failed');
  });
});

describe('saved and standard views', () => {
  it('keeps boolean filters in query shape so the count and the list agree; standard views count what the list shows', async () => {
    const late = await complaint({ severity: 'urgent', subject: 'Breach me' });
    await patch(late.id, { assigneeId: agent.id });
    t.clock.advance(30 * 24 * 3600_000); // every open complaint's resolution deadline has passed

    // JSON true and the query string's 'true' are the same filter.
    for (const [name, breached] of [['Late urgent', true], ['Late urgent 2', 'true']] as const) {
      const res = await t.request('POST', '/api/v1/views', { token: agent.token, body: { name, filters: { breached, severity: 'urgent', status: 'open' } } });
      expect(res.statusCode, res.body).toBe(201);
      const view = json<{ filters: Record<string, unknown>; count: number }>(res);
      expect(view.filters).toEqual({ breached: 'true', severity: ['urgent'], status: ['open'] });
      const listed = await ids(agent.token, 'breached=true&severity=urgent&status=open');
      expect(listed).toContain(late.id);
      expect(view.count).toBe(listed.length);
    }

    const builtIn = json<{ items: Array<{ key: string; filters: Record<string, string | string[]>; count: number; countCapped: boolean }> }>(
      await t.request('GET', '/api/v1/views/built-in', { token: agent.token }),
    ).items;
    expect(builtIn.map((v) => v.key)).toEqual(['mine', 'my_team', 'my_department', 'unassigned', 'needs_triage', 'at_risk', 'breached', 'repeat', 'recovery', 'all_open']);
    for (const v of builtIn) {
      const query = new URLSearchParams(Object.entries(v.filters).map(([k, val]) => [k, Array.isArray(val) ? val.join(',') : val]));
      expect(v.count, v.key).toBe((await ids(agent.token, query.toString())).length);
      expect(v.countCapped).toBe(false);
    }
    expect(builtIn.find((v) => v.key === 'mine')!.count).toBeGreaterThanOrEqual(1);
    expect(builtIn.find((v) => v.key === 'breached')!.count).toBeGreaterThanOrEqual(1);

    const customer = await t.customer();
    expect(code(await t.request('GET', '/api/v1/views/built-in', { token: customer.token }))).toBe('403 forbidden');
    expect(code(await t.request('GET', '/api/v1/views/built-in'))).toBe('401 unauthenticated');
  });
});

describe('bulk resolve', () => {
  it('stores the resolution code on each complaint, and refuses a code without resolving', async () => {
    const a = await complaint();
    const b = await complaint();
    const res = await t.request('POST', '/api/v1/complaints/bulk', { token: agent.token, body: { ids: [a.id, b.id], status: 'resolved', resolutionCode: 'replaced' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ succeeded: number }>(res).succeeded).toBe(2);
    for (const id of [a.id, b.id]) {
      const got = json<{ status: string; resolutionCode: string }>(await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token }));
      expect(got).toMatchObject({ status: 'resolved', resolutionCode: 'replaced' });
    }
    expect(code(await t.request('POST', '/api/v1/complaints/bulk', { token: agent.token, body: { ids: [a.id], status: 'closed', resolutionCode: 'replaced' } }))).toBe('422 validation_failed');
  });
});
