import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { runSlaSweep } from '../sla/sla-scheduler.js';

type Complaint = { id: string; escalationLevel: number; assignee: { id: string } | null };
type EventItem = { type: string; lane: string; data: Record<string, unknown> };
type Notifications = { items: Array<{ id: string; kind: string; complaintId: string }>; unread: number };

const MIN = 60_000;
const HOUR = 60 * MIN;
let t: TestApp;
let agent: { id: string; token: string };
let supervisor: { id: string; token: string };
let admin: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
  admin = await t.user('admin');
});
afterAll(() => t.stop());

async function create(app: TestApp, token: string, extra: Record<string, unknown> = {}): Promise<Complaint> {
  const res = await app.request('POST', '/api/v1/complaints', { token, body: { channel: 'web', subject: 'escalate me', description: 'd', customer: { name: 'E' }, category: 'other', severity: 'general', ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}
const notifications = async (token: string) => json<Notifications>(await t.request('GET', '/api/v1/notifications', { token }));
const events = async (id: string) => json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token })).items;

describe('escalation', () => {
  it('at-risk notifies the assignee; a breach escalates to supervisors (level 1), a second breach to admins (level 2), each once', async () => {
    const c = await create(t, agent.token, { severity: 'urgent' });
    await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { assigneeId: agent.id } });
    t.clock.advance(9 * MIN);
    await runSlaSweep(t.server.ctx);
    const mine = await notifications(agent.token);
    expect(mine.items.filter((n) => n.complaintId === c.id).map((n) => n.kind)).toEqual(['sla.at_risk']);
    expect((await notifications(supervisor.token)).items.filter((n) => n.complaintId === c.id)).toHaveLength(0);

    t.clock.advance(2 * MIN); // first response breached
    await Promise.all([runSlaSweep(t.server.ctx), runSlaSweep(t.server.ctx)]);
    let now = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(now.escalationLevel).toBe(1);
    expect((await notifications(supervisor.token)).items.filter((n) => n.complaintId === c.id).map((n) => n.kind)).toEqual(['escalation.level1']);

    t.clock.advance(2 * HOUR); // resolution breached too
    await runSlaSweep(t.server.ctx);
    await runSlaSweep(t.server.ctx);
    now = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(now.escalationLevel).toBe(2);
    expect((await notifications(admin.token)).items.filter((n) => n.complaintId === c.id).map((n) => n.kind)).toEqual(['escalation.level2']);
    const escalated = (await events(c.id)).filter((e) => e.type === 'complaint.escalated');
    expect(escalated.map((e) => e.data.level)).toEqual([1, 2]);
    expect(escalated.every((e) => e.lane === 'support')).toBe(true);
    expect(now.assignee?.id).toBe(agent.id); // no reassignment unless the policy says so
  });

  it('reassigns to a supervisor on breach when the tier policy says so', async () => {
    const local = await createTestApp();
    try {
      const adm = await local.user('admin');
      const ag = await local.user('agent');
      const sup = await local.user('supervisor');
      expect((await local.request('PATCH', '/api/v1/sla/policies/general', { token: adm.token, body: { reassignOnBreach: true } })).statusCode).toBe(200);
      const c = await create(local, ag.token);
      await local.request('PATCH', `/api/v1/complaints/${c.id}`, { token: ag.token, body: { assigneeId: ag.id } });
      local.clock.advance(31 * MIN);
      await runSlaSweep(local.server.ctx);
      const after = json<Complaint>(await local.request('GET', `/api/v1/complaints/${c.id}`, { token: ag.token }));
      expect(after.assignee?.id).toBe(sup.id);
    } finally {
      await local.stop();
    }
  });

  it('notifications are private: marking another user’s answers 404', async () => {
    const mine = await notifications(agent.token);
    expect(mine.items.length).toBeGreaterThan(0);
    const id = mine.items[0]!.id;
    expect((await t.request('POST', `/api/v1/notifications/${id}/read`, { token: supervisor.token })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/notifications/${id}/read`, { token: agent.token })).statusCode).toBe(200);
    expect((await notifications(agent.token)).unread).toBe(mine.unread - 1);
    const customer = await t.customer();
    expect((await t.request('GET', '/api/v1/notifications', { token: customer.token })).statusCode).toBe(403);
  });
});

describe('escalation with two instances', () => {
  it('escalates each level exactly once', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design
    const clock = new ManualClock('2026-07-01T00:00:00Z');
    const base = await createTestApp({ clock });
    const ag = await base.user('agent');
    await base.user('supervisor');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await create(base, ag.token, { severity: 'urgent' })).id);
    const { a: a, b: b, stop: stopInstances } = await startTwoInstances(base.dbUrl!, clock, { scheduler: false });
    try {
      clock.advance(3 * HOUR);
      await Promise.all([runSlaSweep(a.ctx), runSlaSweep(b.ctx), runSlaSweep(a.ctx), runSlaSweep(b.ctx)]);
      const rows = await base.db.query<{ level: number; n: number }>(
        `select (data->>'level')::int as level, count(*)::int as n from complaint_events where type = 'complaint.escalated' group by 1 order by 1`,
      );
      expect(rows).toEqual([{ level: 1, n: 20 }, { level: 2, n: 20 }]);
    } finally {
      await stopInstances();
      await base.stop();
    }
  });
});
