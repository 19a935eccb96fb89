import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../modules/complaints/lifecycle.js';
import { CATEGORIES, CHANNELS, SEVERITIES } from '../modules/complaints/taxonomy.js';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { runDemoSeed, seedDemo, type DemoSeedResult } from './seed-demo.js';

type EventItem = { id: string; type: string; lane: string; actor: { kind: string; role: string | null }; at: string };
type Complaint = { id: string; status: string; createdAt: string; closedAt: string | null; resolvedAt: string | null; firstResponseAt: string | null };

let t: TestApp;
let seeded: DemoSeedResult;
let token: string;
const COMPLAINTS = 60;

beforeAll(async () => {
  t = await createTestApp();
  const result = await runDemoSeed(t.server.ctx, { complaints: COMPLAINTS, customers: 25 });
  if (!result) throw new Error('the demo did not seed an empty database');
  seeded = result;
  token = (await t.user('supervisor')).token;
});
afterAll(() => t.stop());

async function events(id: string): Promise<EventItem[]> {
  const res = await t.request('GET', `/api/v1/complaints/${id}/events`, { token });
  expect(res.statusCode).toBe(200);
  return json<{ items: EventItem[] }>(res).items;
}

describe('demo data', () => {
  it('creates the planned complaints, customers and orders', async () => {
    expect(seeded.complaints).toBe(COMPLAINTS);
    const [counts] = await t.db.query<{ complaints: number; customers: number; orders: number; linked: number }>(
      `select (select count(*)::int from complaints) as complaints, (select count(*)::int from customers) as customers,
              (select count(*)::int from orders) as orders, (select count(*)::int from complaints where order_id is not null) as linked`,
    );
    expect(counts).toMatchObject({ complaints: COMPLAINTS, customers: 25 });
    expect(counts!.orders).toBeGreaterThanOrEqual(25);
    expect(counts!.linked).toBeGreaterThan(COMPLAINTS / 3);
    const [order] = await t.db.query<{ items: Array<{ name: string; price: number; quantity: number }>; amount: number; currency: string }>(
      'select items, amount, currency from orders order by placed_at limit 1',
    );
    expect(order!.currency).toBe('CNY');
    expect(order!.items.length).toBeGreaterThan(0);
    expect(order!.items.reduce((s, i) => s + i.price * i.quantity, 0)).toBeCloseTo(order!.amount, 2);
    const tiers = await t.db.query<{ tier: string }>('select distinct tier from customers');
    expect(tiers.map((r) => r.tier).sort()).toEqual(['normal', 'vip']);
  });

  it('covers every status, channel, category and severity', async () => {
    const distinct = async (col: string) => (await t.db.query<{ v: string }>(`select distinct ${col} as v from complaints`)).map((r) => r.v).sort();
    expect(await distinct('status')).toEqual([...STATUSES].sort());
    expect(await distinct('channel')).toEqual([...CHANNELS].sort());
    expect(await distinct('category')).toEqual([...CATEGORIES].sort());
    expect(await distinct('severity')).toEqual([...SEVERITIES].sort());
    for (const s of STATUSES) expect(seeded.byStatus[s]).toBeGreaterThan(0);
  });

  it('spreads complaints over the last 90 days, never in the future', async () => {
    const [span] = await t.db.query<{ oldest: Date; newest: Date; last_event: Date }>(
      'select min(created_at) as oldest, max(created_at) as newest, (select max(at) from complaint_events) as last_event from complaints',
    );
    const now = t.clock.now().getTime();
    expect(now - span!.oldest.getTime()).toBeGreaterThan(30 * 86_400_000);
    expect(now - span!.oldest.getTime()).toBeLessThanOrEqual(90 * 86_400_000);
    expect(span!.newest.getTime()).toBeLessThanOrEqual(now);
    expect(span!.last_event.getTime()).toBeLessThanOrEqual(now);
  });

  it('gives every complaint a consistent history: created first, times in order, none before creation', async () => {
    const rows = await t.db.query<{ id: string }>('select id from complaints order by created_at');
    for (const { id } of rows) {
      const c = json<Complaint>(await t.request('GET', `/api/v1/complaints/${id}`, { token }));
      const items = await events(id);
      expect(items[0]!.type).toBe('complaint.created');
      expect(items[0]!.at).toBe(c.createdAt);
      for (let i = 1; i < items.length; i++) expect(items[i]!.at >= items[i - 1]!.at).toBe(true);
      for (const e of items) expect(e.at >= c.createdAt).toBe(true);
      // Written in order too: apart from SLA, hand-off and approval deadline alerts and what they set off (stamped with the
      // instant the threshold passed, which may be noticed later) each event was appended at or
      // after the one before.
      const STAMPED_AT_THRESHOLD = new Set(['sla.at_risk', 'sla.breached', 'complaint.escalated', 'notification.staff', 'handoff.forward_overdue', 'handoff.answer_overdue', 'approval.overdue']);
      const written = [...items].sort((a, b) => Number(a.id) - Number(b.id)).filter((e) => !STAMPED_AT_THRESHOLD.has(e.type) && !(e.type === 'complaint.assigned' && e.actor.kind === 'system'));
      for (let i = 1; i < written.length; i++) expect(written[i]!.at >= written[i - 1]!.at, `${written[i - 1]!.type} ${written[i - 1]!.at} → ${written[i]!.type} ${written[i]!.at}`).toBe(true);
      if (c.status === 'closed') expect(c.closedAt).not.toBeNull();
      if (c.status === 'resolved' || c.status === 'closed') expect(c.resolvedAt).not.toBeNull();
      if (c.status !== 'new' && c.status !== 'cancelled') expect(c.firstResponseAt).not.toBeNull();
      if (c.status === 'new') expect(items.some((e) => e.type === 'message.public_reply')).toBe(false);
    }
    const [open] = await t.db.query<{ n: number }>(`select count(*)::int as n from complaints where status = 'closed' and closed_at is null`);
    expect(open!.n).toBe(0);
  });

  it('has conversations in every lane and some, but not most, SLA breaches', async () => {
    const lanes = await t.db.query<{ lane: string }>('select distinct lane from complaint_events');
    expect(lanes.map((l) => l.lane).sort()).toEqual(['backstage', 'customer', 'evidence', 'frontstage', 'support']);
    const kinds = await t.db.query<{ kind: string }>('select distinct kind from messages');
    expect(kinds.map((k) => k.kind).sort()).toEqual(['customer', 'internal_note', 'public_reply']);
    expect(seeded.breached).toBeGreaterThan(0);
    expect(seeded.breached).toBeLessThan(COMPLAINTS / 2);
    // the closing sweep ran: nothing overdue is left unrecorded
    const [pending] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints where sla_next_check_at <= $1', [t.clock.now()]);
    expect(pending!.n).toBe(0);
  });

  it('hands complaints to departments as real tasks: every complaint waiting for a department has one open on its desk', async () => {
    const waiting = await t.db.query<{ id: string; open: number }>(
      `select c.id, (select count(*)::int from handoffs h where h.complaint_id = c.id and h.status in ('open', 'acknowledged')) as open
         from complaints c where c.status = 'awaiting_department'`);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((w) => w.open !== 1)).toEqual([]);
    const byStatus = await t.db.query<{ status: string; n: number }>('select status, count(*)::int as n from handoffs group by status');
    expect(byStatus.find((s) => s.status === 'answered')?.n ?? 0).toBeGreaterThan(0);
    const types = (await t.db.query<{ type: string }>(`select distinct type from complaint_events where lane = 'backstage'`)).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['handoff.requested', 'handoff.answered']));
  });

  it('settles some complaints within the agent\'s authority and sends larger amounts to a supervisor', async () => {
    const rows = await t.db.query<{ status: string; amount: number; approval: string | null }>(
      `select s.status, s.amount, a.status as approval from settlements s left join approvals a on a.settlement_id = s.id`);
    expect(rows.filter((r) => r.status === 'granted' && r.approval === null).length).toBeGreaterThan(0);
    // Above the agent's 200 CNY an approval decides (or is still waiting); at or below it never does.
    expect(rows.filter((r) => r.approval !== null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.amount <= 200 && r.approval !== null)).toEqual([]);
    expect(rows.filter((r) => r.amount > 200 && r.approval === null)).toEqual([]);
  });

  it('prints credentials that sign in, one account per role and per department', async () => {
    const rows = seeded.report.split('\n').filter((l) => l.includes('@')).map((l) => l.trim().split(/\s{2,}/));
    const logins = rows.map((cols) => ({ role: cols[0]!, email: cols[cols.length - 2]!, password: cols[cols.length - 1]! }));
    expect(new Set(logins.map((l) => l.role))).toEqual(new Set(['admin', 'supervisor', 'agent', 'department_staff', 'analyst']));
    const [{ n: departments } = { n: 0 }] = await t.db.query<{ n: number }>('select count(*)::int as n from departments');
    expect(logins.filter((l) => l.role === 'department_staff')).toHaveLength(departments);
    expect(logins.filter((l) => l.role === 'agent').length).toBeGreaterThanOrEqual(2);
    for (const l of logins.filter((x) => x.role !== 'admin')) {
      const res = await t.request('POST', '/api/v1/auth/login', { body: { email: l.email, password: l.password } });
      expect(res.statusCode, `${l.email} signs in`).toBe(200);
      expect(json<{ user: { role: string } }>(res).user.role).toBe(l.role);
    }
  });

  it('seeds nothing on a second run', async () => {
    expect(await seedDemo(t.server.ctx, { complaints: 5 })).toBeNull();
    const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(n).toBe(COMPLAINTS);
  });
});
