import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, type GenerateResult } from '../../bench/generate-data.js';
import type { SqlParam } from '../db/database.js';
import type { ComplaintRow } from '../modules/complaints/complaint-row.js';
import { OPEN_STATUSES } from '../modules/complaints/lifecycle.js';
import { dueAlerts, schedule } from '../modules/sla/clock-state.js';
import { loadAlerted } from '../modules/sla/sla-alerts.js';
import { runSlaSweep } from '../modules/sla/sla-scheduler.js';
import { createTestApp, json, type TestApp } from './test-app.js';

// The benchmark's data generator must produce data the application itself would have
// written: these checks use the app's own SLA rules and API on a small generated set.
let t: TestApp;
let agent: { token: string };
let result: GenerateResult;
const N = 300;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  result = await generateData(t.db, { complaints: N, now: t.clock.now(), seed: 42 });
});
afterAll(() => t.stop());

async function one<T>(sql: string, params: SqlParam[] = []): Promise<T> {
  const [row] = await t.db.query<{ v: T }>(sql, params);
  return row!.v;
}

describe('benchmark data generator', () => {
  it('writes N complaints with customers, orders, messages and several events each', async () => {
    expect(result.complaints).toBe(N);
    expect(await one<number>('select count(*)::int as v from complaints')).toBe(N);
    expect(result.customers).toBe(N / 5);
    expect(result.events / N).toBeGreaterThan(5);
    expect(result.messages).toBeGreaterThan(0);
    const statuses = await t.db.query<{ status: string }>('select distinct status from complaints');
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['closed', 'resolved', 'cancelled']));
    expect(await one<number>('select count(distinct category)::int as v from complaints')).toBe(8);
    expect(await one<number>('select count(distinct severity)::int as v from complaints')).toBe(3);
    expect(await one<number>('select count(distinct department_id)::int as v from complaints')).toBe(6);
  });

  it('starts every history with complaint.created at the creation instant, and nothing precedes it or lies ahead of now', async () => {
    expect(await one<number>(
      `select count(*)::int as v from complaints c
        where (select e.type || '@' || (e.at = c.created_at) from complaint_events e where e.complaint_id = c.id order by e.at, e.id limit 1)
          is distinct from 'complaint.created@true'`,
    )).toBe(0);
    expect(await one<number>(
      'select count(*)::int as v from complaint_events e join complaints c on c.id = e.complaint_id where e.at < c.created_at or e.at > $1',
      [t.clock.now()],
    )).toBe(0);
  });

  it('keeps timestamps at millisecond precision and numbers unique and ahead of the sequence', async () => {
    expect(await one<number>(
      `select count(*)::int as v from complaints where created_at <> date_trunc('milliseconds', created_at)
          or sla_urgent_at <> date_trunc('milliseconds', sla_urgent_at) or resolution_due_at <> date_trunc('milliseconds', resolution_due_at)`,
    )).toBe(0);
    expect(await one<number>(`select count(*)::int as v from complaint_events where at <> date_trunc('milliseconds', at)`)).toBe(0);
    expect(await one<number>(`select count(*)::int as v from complaints where number !~ '^C-\\d{4}-\\d{6,}$'`)).toBe(0);
    expect(await one<number>('select count(distinct number)::int as v from complaints')).toBe(N);
    const maxSeq = await one<number>(`select max(split_part(number, '-', 3)::int) as v from complaints`);
    expect(await one<number>(`select nextval('complaint_number_seq')::int as v`)).toBeGreaterThan(maxSeq);
  });

  it('leaves the status the last status change named, and references that all resolve', async () => {
    expect(await one<number>(
      `select count(*)::int as v from complaints c
        where c.status <> coalesce((select e.data->>'to' from complaint_events e
          where e.complaint_id = c.id and e.type = 'complaint.status_changed' order by e.at desc, e.id desc limit 1), 'new')`,
    )).toBe(0);
    const orphans = await one<number>(
      `select (select count(*) from complaint_events e where not exists (select 1 from complaints c where c.id = e.complaint_id))
            + (select count(*) from messages m where not exists (select 1 from complaints c where c.id = m.complaint_id))
            + (select count(*) from complaints c where not exists (select 1 from customers cu where cu.id = c.customer_id))
            + (select count(*) from complaints c where c.order_id is not null
                and not exists (select 1 from orders o where o.id = c.order_id and o.customer_id = c.customer_id))
            + (select count(*) from complaints c where c.assignee_id is not null and not exists (select 1 from users u where u.id = c.assignee_id))
            + (select count(*) from complaint_events e where e.type like 'message.%'
                and not exists (select 1 from messages m where m.id = (e.data->>'messageId')::uuid and m.complaint_id = e.complaint_id))
            as v`,
    );
    expect(Number(orphans)).toBe(0);
  });

  it('gives open, running complaints sla_urgent_at = the nearest running due, and null otherwise', async () => {
    const open = [...OPEN_STATUSES];
    expect(await one<number>(
      `select count(*)::int as v from complaints
        where sla_urgent_at is distinct from case when status = any($1) and sla_paused_at is null
          then least(case when first_response_at is null then first_response_due_at end, resolution_due_at) end`,
      [open],
    )).toBe(0);
    expect(await one<number>('select count(*)::int as v from complaints where status = any($1) and sla_paused_at is null', [open]))
      .toBeGreaterThan(0);
  });

  it('matches the SLA scheduler: stored schedule as the app computes it, every passed threshold recorded', async () => {
    const now = t.clock.now();
    const rows = await t.db.query<ComplaintRow>('select * from complaints');
    for (const row of rows) {
      const alerted = await loadAlerted(t.db, row.id, row.sla_cycle);
      const expected = schedule(row, alerted);
      expect({ id: row.id, urgent: row.sla_urgent_at, next: row.sla_next_check_at })
        .toEqual({ id: row.id, urgent: expected.sla_urgent_at, next: expected.sla_next_check_at });
      expect(dueAlerts(row, alerted, now)).toEqual([]);
      // A clock that stopped (first reply, resolution, cancellation) had every threshold it passed recorded then.
      const stoppedAt = row.resolved_at ?? (row.status === 'cancelled' ? row.updated_at : null);
      if (stoppedAt) {
        const running = { ...row, status: 'in_progress' as const, resolved_at: null, sla_paused_at: null };
        expect({ id: row.id, missed: dueAlerts(running, alerted, stoppedAt) }).toEqual({ id: row.id, missed: [] });
      }
      if (row.first_response_at && row.sla_cycle === 1) {
        const waiting = { ...row, status: 'new' as const, first_response_at: null, resolved_at: null, sla_paused_at: null };
        expect({ id: row.id, missed: dueAlerts(waiting, alerted, row.first_response_at, ['first_response']) }).toEqual({ id: row.id, missed: [] });
      }
      const breachedEvents = await one<number>(
        `select count(*)::int as v from complaint_events where complaint_id = $1 and type = 'sla.breached' and (data->>'cycle')::int = $2`,
        [row.id, row.sla_cycle],
      );
      expect(row.sla_breached).toBe(breachedEvents > 0);
    }
    expect(await one<number>('select count(*)::int as v from sla_alerts')).toBe(
      await one<number>(`select count(*)::int as v from complaint_events where type in ('sla.at_risk', 'sla.breached')`),
    );
    // Nothing is left for the scheduler to catch up on.
    expect(await runSlaSweep({ db: t.db, clock: t.clock })).toBe(0);
  });

  it('is served by the API: the urgency queue, a complaint with its timeline, text search', async () => {
    const queue = await t.request('GET', '/api/v1/complaints?status=open&sort=urgency&limit=50', { token: agent.token });
    expect(queue.statusCode).toBe(200);
    const items = json<{ items: Array<{ id: string; status: string }> }>(queue).items;
    expect(items.length).toBeGreaterThan(0);
    const all = json<{ items: Array<{ id: string }> }>(await t.request('GET', '/api/v1/complaints?sort=urgency&limit=50', { token: agent.token }));
    expect(all.items).toHaveLength(50);

    const id = all.items[all.items.length - 1]!.id;
    const detail = await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token });
    expect(detail.statusCode).toBe(200);
    const events = json<{ items: Array<{ type: string; at: string }> }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: agent.token }));
    expect(events.items[0]!.type).toBe('complaint.created');
    expect(events.items.length).toBeGreaterThanOrEqual(4);

    const zh = await t.request('GET', `/api/v1/complaints?q=${encodeURIComponent('退款')}`, { token: agent.token });
    expect(zh.statusCode).toBe(200);
    expect(json<{ items: unknown[] }>(zh).items.length).toBeGreaterThan(0);
    const en = json<{ items: unknown[] }>(await t.request('GET', '/api/v1/complaints?q=refund', { token: agent.token }));
    expect(en.items.length).toBeGreaterThan(0);
  });
});
