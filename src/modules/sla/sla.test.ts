import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { openPostgres } from '../../db/postgres-database.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { createTestApp, json, testConfig, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { startServer } from '../../server/start-server.js';
import { runSlaSweep } from './sla-scheduler.js';

type Sla = {
  cycle: number; paused: boolean; atRisk: boolean; breached: boolean; remainingMs: number | null;
  firstResponseDueAt: string; resolutionDueAt: string;
  firstResponse: { state: string; remainingMs: number | null; dueAt: string };
  resolution: { state: string; remainingMs: number | null; dueAt: string };
};
type Complaint = { id: string; status: string; sla: Sla };
type EventItem = { type: string; lane: string; at: string; data: Record<string, unknown> };

const MIN = 60_000;
const HOUR = 3_600_000;

let t: TestApp;
let agent: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
afterAll(() => t.stop());

async function create(app: TestApp, token: string, extra: Record<string, unknown> = {}): Promise<Complaint> {
  const res = await app.request('POST', '/api/v1/complaints', {
    // Explicit tier: these tests are about clocks, not about what the classifier makes of the text.
    token, body: { channel: 'web', subject: 'SLA test', description: 'd', customer: { name: 'S' }, category: 'other', severity: 'general', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}
const get = async (app: TestApp, token: string, id: string) => json<Complaint>(await app.request('GET', `/api/v1/complaints/${id}`, { token }));
const events = async (app: TestApp, token: string, id: string) =>
  json<{ items: EventItem[] }>(await app.request('GET', `/api/v1/complaints/${id}/events`, { token })).items;
const slaEvents = async (app: TestApp, token: string, id: string) =>
  (await events(app, token, id)).filter((e) => e.type === 'sla.at_risk' || e.type === 'sla.breached').map((e) => `${e.type}:${String(e.data.clock)}`);

describe('SLA clock views', () => {
  it('shows remaining time, at-risk at 80 % and breached after the due time', async () => {
    const c = await create(t, agent.token);
    expect(c.sla.remainingMs).toBe(30 * MIN);
    expect(c.sla.atRisk).toBe(false);
    t.clock.advance(24 * MIN); // 80 % of 30 min
    let v = await get(t, agent.token, c.id);
    expect(v.sla.firstResponse.state).toBe('at_risk');
    expect(v.sla.atRisk).toBe(true);
    expect(v.sla.remainingMs).toBe(6 * MIN);
    t.clock.advance(7 * MIN);
    v = await get(t, agent.token, c.id);
    expect(v.sla.firstResponse.state).toBe('breached');
    expect(v.sla.breached).toBe(true);
    expect(v.sla.firstResponse.remainingMs).toBe(-MIN);
    const list = json<{ items: Complaint[] }>(await t.request('GET', '/api/v1/complaints?breached=true', { token: agent.token })).items;
    expect(list.map((x) => x.id)).toContain(c.id);
  });
});

describe('durable SLA scheduler', () => {
  it('writes sla.at_risk and sla.breached exactly once, at the threshold time', async () => {
    const c = await create(t, agent.token, { severity: 'urgent' });
    const start = t.clock.now().getTime();
    t.clock.advance(9 * MIN); // past 80 % of 10 min
    await runSlaSweep(t.server.ctx);
    await runSlaSweep(t.server.ctx);
    expect(await slaEvents(t, agent.token, c.id)).toEqual(['sla.at_risk:first_response']);
    t.clock.advance(2 * HOUR);
    await Promise.all([runSlaSweep(t.server.ctx), runSlaSweep(t.server.ctx), runSlaSweep(t.server.ctx)]);
    await runSlaSweep(t.server.ctx);
    const evs = (await events(t, agent.token, c.id)).filter((e) => e.type.startsWith('sla.at_risk') || e.type === 'sla.breached');
    expect(evs.map((e) => `${e.type}:${String(e.data.clock)}`).sort()).toEqual(
      ['sla.at_risk:first_response', 'sla.at_risk:resolution', 'sla.breached:first_response', 'sla.breached:resolution'].sort(),
    );
    const breach = evs.find((e) => e.type === 'sla.breached' && e.data.clock === 'first_response')!;
    expect(breach.at).toBe(new Date(start + 10 * MIN).toISOString());
    expect(breach.lane).toBe('support');
    const [row] = await t.db.query<{ next: Date | null; breached: boolean }>('select sla_next_check_at as next, sla_breached as breached from complaints where id = $1', [c.id]);
    expect(row).toEqual({ next: null, breached: true });
  });

  it('a late first reply records the breach it missed, once', async () => {
    const c = await create(t, agent.token);
    t.clock.advance(45 * MIN);
    await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { body: 'sorry for the wait' } });
    await runSlaSweep(t.server.ctx);
    expect(await slaEvents(t, agent.token, c.id)).toEqual(['sla.at_risk:first_response', 'sla.breached:first_response']);
    const v = await get(t, agent.token, c.id);
    expect(v.sla.firstResponse.state).toBe('met_late');
    expect(v.sla.breached).toBe(true);
  });

  it('pauses while awaiting the customer and extends the due times by the pause', async () => {
    const c = await create(t, agent.token);
    await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { body: 'Could you send a photo?' } });
    await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'awaiting_customer' } });
    let v = await get(t, agent.token, c.id);
    expect(v.sla.paused).toBe(true);
    expect(v.sla.resolution.state).toBe('paused');
    t.clock.advance(30 * HOUR); // longer than the whole 24 h target
    await runSlaSweep(t.server.ctx);
    expect(await slaEvents(t, agent.token, c.id)).toEqual([]);
    const customer = await t.db.query<{ customer_id: string }>('select customer_id from complaints where id = $1', [c.id]);
    // the customer answers through the staff-logged channel: resumes the clock
    await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'customer', body: 'photo attached' } });
    v = await get(t, agent.token, c.id);
    expect(customer).toHaveLength(1);
    expect(v.status).toBe('in_progress');
    expect(v.sla.paused).toBe(false);
    expect(new Date(v.sla.resolutionDueAt).getTime() - new Date(c.sla.resolutionDueAt).getTime()).toBe(30 * HOUR);
    const types = (await events(t, agent.token, c.id)).map((e) => e.type);
    expect(types).toContain('sla.paused');
    expect(types).toContain('sla.resumed');
  });

  it('does not pause when the policy says so', async () => {
    const admin = await t.user('admin');
    const res = await t.request('PATCH', '/api/v1/sla/policies/serious', { token: admin.token, body: { pauseWhileAwaitingCustomer: false } });
    expect(res.statusCode, res.body).toBe(200);
    const c = await create(t, agent.token, { severity: 'serious' });
    await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'awaiting_customer' } });
    const v = await get(t, agent.token, c.id);
    expect(v.sla.paused).toBe(false);
    expect(v.sla.resolution.state).toBe('running');
  });

  it('business-hours policy: an urgent complaint on Friday evening is due on Monday morning', async () => {
    const local = await createTestApp({ clock: new ManualClock('2026-03-06T09:50:00Z') }); // Fri 17:50 Asia/Shanghai
    try {
      const admin = await local.user('admin');
      const a = await local.user('agent');
      const calendar = { mode: 'business_hours', timezone: 'Asia/Shanghai', weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] }, holidays: ['2026-03-09'] };
      const res = await local.request('PATCH', '/api/v1/sla/policies/urgent', { token: admin.token, body: { calendar } });
      expect(res.statusCode, res.body).toBe(200);
      const c = await create(local, a.token, { severity: 'urgent' });
      // 10 business minutes: 10 before Friday's close would be 18:00; 10 min from 17:50 → Fri 18:00 exactly
      expect(c.sla.firstResponseDueAt).toBe('2026-03-06T10:00:00.000Z');
      // 2 h: 10 min on Friday, Monday 9 March is a holiday, 110 min on Tuesday from 09:00 → 10:50 (02:50Z)
      expect(c.sla.resolutionDueAt).toBe('2026-03-10T02:50:00.000Z');
      const bad = await local.request('PATCH', '/api/v1/sla/policies/urgent', { token: admin.token, body: { calendar: { ...calendar, timezone: 'Mars/Olympus' } } });
      expect(bad.statusCode).toBe(422);
    } finally {
      await local.stop();
    }
  });
});

describe('scheduler across restart', () => {
  it('records a breach that fell due while the server was down, on start', async () => {
    if (testDbKind !== 'postgres') return; // an in-memory PGlite does not outlive its process; covered below for PostgreSQL
    const clock = new ManualClock('2026-05-01T00:00:00Z');
    const first = await createTestApp({ clock });
    const a = await first.user('agent');
    const c = await create(first, a.token, { severity: 'urgent' });
    await first.server.stop(); // server down; the database stays
    clock.advance(3 * HOUR);
    const db = await openPostgres(first.dbUrl!, 3);
    const second = await startServer(testConfig(), { db, clock, listen: false, scheduler: true });
    try {
      await expect.poll(async () => (await db.query(`select type from complaint_events where complaint_id = $1 and type = 'sla.breached'`, [c.id])).length, { timeout: 10_000 }).toBe(2);
    } finally {
      await second.stop();
      await db.close();
      await first.stop().catch(() => undefined);
    }
  });

  it('records missed breaches on start with a persistent PGlite data dir', async () => {
    if (testDbKind !== 'pglite') return;
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-restart-'));
    const clock = new ManualClock('2026-05-01T00:00:00Z');
    const config = testConfig({ DATA_DIR: dir });
    try {
      const s1 = await startServer(config, { clock, listen: false, scheduler: false });
      const { createSession } = await import('../auth/sessions.js');
      const [u] = await s1.ctx.db.query<{ id: string }>(`insert into users (email, name, role) values ('r@x.io', 'R', 'agent') returning id`);
      const { token } = await createSession(s1.ctx.db, { userId: u!.id }, { kind: 'session', expiresAt: null });
      const res = await s1.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ channel: 'web', subject: 's', description: 'd', customer: { name: 'n' }, severity: 'urgent' }) });
      const id = json<Complaint>(res).id;
      await s1.stop();
      clock.advance(3 * HOUR);
      const s2 = await startServer(config, { clock, listen: false, scheduler: true });
      try {
        await expect.poll(async () => (await s2.ctx.db.query(`select 1 from complaint_events where complaint_id = $1 and type = 'sla.breached'`, [id])).length, { timeout: 10_000 }).toBe(2);
      } finally {
        await s2.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('two app instances on one PostgreSQL', () => {
  it('write each SLA event exactly once', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design (its data dir is locked)
    const clock = new ManualClock('2026-06-01T00:00:00Z');
    const base = await createTestApp({ clock });
    const a = await base.user('agent');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await create(base, a.token, { severity: i % 2 ? 'urgent' : 'general' })).id);
    const { a: instA, b: instB, stop: stopInstances } = await startTwoInstances(base.dbUrl!, clock, { scheduler: true });
    try {
      clock.advance(25 * HOUR);
      // both instances sweep on their own timers, and we add direct concurrent sweeps on top
      await Promise.all([runSlaSweep(instA.ctx), runSlaSweep(instB.ctx), runSlaSweep(instA.ctx), runSlaSweep(instB.ctx)]);
      const count = () => base.db.query<{ complaint_id: string; type: string; clock: string; n: number }>(
        `select complaint_id, type, data->>'clock' as clock, count(*)::int as n from complaint_events
          where type in ('sla.at_risk', 'sla.breached') group by 1, 2, 3`,
      );
      // A batch an instance's own timer claimed (SKIP LOCKED hides it from the direct sweeps)
      // may still be committing on a busy machine: wait for it, then give any duplicate time to show.
      for (let waited = 0; (await count()).length < ids.length * 4 && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      const rows = await count();
      expect(rows).toHaveLength(ids.length * 4);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await stopInstances();
      await base.stop();
    }
  });
});

describe('severity raised after time has passed', () => {
  it('records thresholds the new targets put in the past at the time of the change, after it', async () => {
    const c = await create(t, agent.token);
    t.clock.advance(20 * MIN); // general first response (30 min) not at risk yet; urgent (10 min) would be breached
    const res = await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { severity: 'urgent', reason: 'injury' } });
    expect(res.statusCode, res.body).toBe(200);
    const evs = await events(t, agent.token, c.id);
    const change = evs.findIndex((e) => e.type === 'complaint.severity_changed');
    const breach = evs.findIndex((e) => e.type === 'sla.breached' && e.data.clock === 'first_response');
    expect(change).toBeGreaterThan(-1);
    expect(breach).toBeGreaterThan(change);
    expect(evs[breach]!.at).toBe(t.clock.now().toISOString());
    expect(json<Complaint>(res).sla.breached).toBe(true);
  });
});
