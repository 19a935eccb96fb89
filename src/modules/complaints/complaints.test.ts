import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type Complaint = {
  id: string; number: string; status: string; channel: string; category: string; severity: string; department: string | null;
  customer: { id: string }; firstResponseAt: string | null; resolvedAt: string | null;
  sla: { firstResponseDueAt: string; resolutionDueAt: string; cycle: number; paused: boolean; breached: boolean };
};
type EventItem = { id: string; type: string; lane: string; actor: { kind: string; id: string | null; role: string | null }; at: string; data: Record<string, unknown> };

let t: TestApp;
let customerSeq = 0;
let agent: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
afterAll(() => t.stop());

async function create(body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await t.request('POST', '/api/v1/complaints', {
    token: agent.token,
    headers,
    // a new customer each time, so one test's complaints are not repeats of another's
    body: { channel: 'phone', subject: '包裹三天没到', description: '订单显示已发货，但三天没有物流更新。', customer: { name: '李雷', email: `lilei${++customerSeq}@example.com` }, ...body },
  });
  return res;
}

describe('complaint intake', () => {
  it('creates a complaint with number, defaults, department and SLA due times', async () => {
    const res = await create({ category: 'logistics' });
    expect(res.statusCode).toBe(201);
    const c = json<Complaint>(res);
    expect(c.number).toMatch(/^C-2026-\d{6}$/);
    expect(c).toMatchObject({ status: 'new', channel: 'phone', category: 'logistics', severity: 'general', department: 'logistics' });
    // general: 30 min / 24 h from the manual clock's 2026-03-02T01:00Z
    expect(c.sla.firstResponseDueAt).toBe('2026-03-02T01:30:00.000Z');
    expect(c.sla.resolutionDueAt).toBe('2026-03-03T01:00:00.000Z');
    const got = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(got.number).toBe(c.number);
    // The department's names in both languages, for a reader in either.
    expect(got).toMatchObject({ departmentName: 'Logistics', departmentNameZh: '物流部' });
  });

  it('classifies on intake what the caller left out, with the deciding cues in the event', async () => {
    const c = json<Complaint>(await create());
    expect(c).toMatchObject({ category: 'logistics', severity: 'general', department: 'logistics' });
    const safety = json<Complaint>(await create({ subject: 'Charger caught fire', description: 'The charger started smoking and burned my hand.' }));
    expect(safety).toMatchObject({ category: 'safety', severity: 'urgent', department: 'management' });
    const events = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${safety.id}/events`, { token: agent.token })).items;
    const classified = events.find((e) => e.type === 'complaint.classified')!;
    expect(classified.data.source).toBe('classifier');
    expect(classified.data.confidence).toEqual(expect.any(Number));
    expect((classified.data.reasons as string[]).join(' ')).toMatch(/fire|smok|burn/);
    // the caller's fields win over the classifier's
    const set = json<Complaint>(await create({ subject: 'Charger caught fire', description: 'smoke', category: 'product_quality', severity: 'serious' }));
    expect(set).toMatchObject({ category: 'product_quality', severity: 'serious' });
  });

  it('sends what the classifier is unsure of to the triage view (needs_triage tag)', async () => {
    const unsure = json<Complaint & { tags: string[] }>(await create({ subject: '???', description: '...' }));
    expect(unsure.tags).toContain('needs_triage');
    const sure = json<Complaint & { tags: string[] }>(await create());
    expect(sure.tags).not.toContain('needs_triage');
    const view = json<{ items: Complaint[] }>(await t.request('GET', '/api/v1/complaints?tag=needs_triage', { token: agent.token })).items.map((c) => c.id);
    expect(view).toContain(unsure.id);
    expect(view).not.toContain(sure.id);
    const builtIn = json<{ items: Array<{ key: string; filters: Record<string, unknown>; count: number }> }>(
      await t.request('GET', '/api/v1/views/built-in', { token: agent.token })).items.find((v) => v.key === 'needs_triage');
    expect(builtIn).toMatchObject({ filters: { status: ['open'], tag: 'needs_triage' } });
    expect(builtIn!.count).toBeGreaterThanOrEqual(1);
  });

  it('a person who sets the category or severity takes it out of the triage view, also when confirming the same values', async () => {
    const tagsOf = async (id: string) => json<{ tags: string[] }>(await t.request('GET', `/api/v1/complaints/${id}`, { token: agent.token })).tags;
    const unsure = json<Complaint & { tags: string[] }>(await create({ subject: '???', description: '...' }));
    expect(unsure.tags).toContain('needs_triage');
    // Assigning is not triage.
    await t.request('PATCH', `/api/v1/complaints/${unsure.id}`, { token: agent.token, body: { assigneeId: agent.id } });
    expect(await tagsOf(unsure.id)).toContain('needs_triage');
    const confirmed = await t.request('PATCH', `/api/v1/complaints/${unsure.id}`, { token: agent.token, body: { category: unsure.category, severity: unsure.severity } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await tagsOf(unsure.id)).not.toContain('needs_triage');
    const events = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${unsure.id}/events`, { token: agent.token })).items;
    expect(events.filter((e) => e.type === 'complaint.tags_changed').at(-1)?.data).toMatchObject({ from: expect.arrayContaining(['needs_triage']) as unknown });
    // Nothing changed, so nothing was corrected.
    expect(events.some((e) => e.type === 'classification.corrected')).toBe(false);

    const other = json<Complaint & { tags: string[] }>(await create({ subject: '???', description: '...' }));
    await t.request('PATCH', `/api/v1/complaints/${other.id}`, { token: agent.token, body: { category: 'billing' } });
    expect(await tagsOf(other.id)).not.toContain('needs_triage');
  });

  it('urgent severity uses the 10 min / 2 h policy', async () => {
    const c = json<Complaint>(await create({ severity: 'urgent', category: 'safety' }));
    expect(c.department).toBe('management');
    expect(new Date(c.sla.firstResponseDueAt).getTime() - t.clock.now().getTime()).toBe(10 * 60_000);
    expect(new Date(c.sla.resolutionDueAt).getTime() - t.clock.now().getTime()).toBe(2 * 3_600_000);
  });

  it('matches an inline customer by email, then phone, instead of creating a duplicate', async () => {
    const a = json<Complaint>(await create({ customer: { name: 'Ann', email: 'ann@example.com' } }));
    const b = json<Complaint>(await create({ customer: { name: 'Ann B.', email: 'ANN@example.com' } }));
    expect(b.customer.id).toBe(a.customer.id);
    const c = json<Complaint>(await create({ customer: { name: 'Phone only', phone: '138-0000-0099' } }));
    const d = json<Complaint>(await create({ customer: { name: 'Phone again', phone: '13800000099' } }));
    expect(d.customer.id).toBe(c.customer.id);
  });

  it('records how a complaint was resolved, only when resolving', async () => {
    const c = json<Complaint>(await create());
    await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'in_progress' } });
    const early = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'awaiting_customer', resolutionCode: 'refunded' } });
    expect(early.statusCode).toBe(422);
    const res = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'resolved', resolutionCode: 'refunded' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ resolutionCode: string }>(res).resolutionCode).toBe('refunded');
    const events = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    expect(events.filter((e) => e.type === 'complaint.status_changed').at(-1)!.data).toMatchObject({ to: 'resolved', resolutionCode: 'refunded' });
    expect((await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'resolved', resolutionCode: 'magic' } })).statusCode).toBe(422);
  });

  it('answers the detail with its timeline in one request (include=events), customers seeing only their lanes', async () => {
    const cust = await t.customer();
    const c = json<{ id: string }>(await t.request('POST', '/api/v1/complaints', { token: cust.token, body: { channel: 'web', customerId: cust.id, subject: 'Late parcel', description: 'My parcel is a week late.' } }));
    await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'checking with the courier' } });
    const separate = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    const staffView = json<{ id: string; events: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}?include=events`, { token: agent.token }));
    expect(staffView.id).toBe(c.id);
    expect(staffView.events).toEqual(separate);
    const customerView = json<{ events: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}?include=events`, { token: cust.token }));
    expect(customerView.events.length).toBeGreaterThan(0);
    expect(customerView.events.every((e) => ['customer', 'frontstage', 'evidence'].includes(e.lane))).toBe(true);
    expect(customerView.events.some((e) => e.type === 'message.internal_note')).toBe(false);
    expect(json<{ error: { code: string } }>(await t.request('GET', `/api/v1/complaints/${c.id}?include=everything`, { token: agent.token })).error.code).toBe('validation_failed');
  });

  it('writes created, classified, routed, routing.applied and sla.started events with lanes in the same transaction', async () => {
    const c = json<Complaint>(await create());
    const events = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    expect(events.map((e) => [e.type, e.lane])).toEqual([
      ['complaint.created', 'customer'],
      ['complaint.classified', 'support'],
      ['complaint.routed', 'support'],
      ['routing.applied', 'support'],
      ['sla.started', 'support'],
      // the "received" notices (email + in-app), queued in the same transaction (src/modules/notify)
      ['notice.queued', 'evidence'],
      ['notice.queued', 'evidence'],
    ]);
    expect(events[0]!.actor).toMatchObject({ kind: 'user', id: agent.id, role: 'agent' });
  });

  it('an Idempotency-Key retry returns the same complaint and writes nothing new', async () => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    const first = await create({ subject: 'idempotent', customer: { name: 'Idem', email: 'idem@example.com' } }, { 'idempotency-key': 'retry-1' });
    const second = await create({ subject: 'idempotent', customer: { name: 'Idem', email: 'idem@example.com' } }, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(json<Complaint>(second).id).toBe(json<Complaint>(first).id);
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after[0]!.n - before[0]!.n).toBe(1);
    const reused = await create({ subject: 'different body', customer: { name: 'Idem', email: 'idem@example.com' } }, { 'idempotency-key': 'retry-1' });
    expect(reused.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(reused).error.code).toBe('idempotency_key_reused');
  });

  it('concurrent retries with one Idempotency-Key create exactly one complaint', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create({ subject: 'concurrent', customer: { name: 'Race', email: 'race@example.com' } }, { 'idempotency-key': 'race-1' })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(results.map((r) => json<Complaint>(r).id)).size).toBe(1);
    const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from complaints where subject = 'concurrent'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('stores HTML as text and returns it unchanged', async () => {
    const html = '<img src=x onerror=alert(1)> & <b>bold</b>';
    const c = json<Complaint & { description: string }>(await create({ description: html }));
    expect(c.description).toBe(html);
  });
});

describe('lifecycle', () => {
  it('first public reply is the first response and moves new → in_progress', async () => {
    const c = json<Complaint>(await create());
    t.clock.advance(5 * 60_000);
    const reply = await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'public_reply', body: '您好，我们正在核实物流信息。' } });
    expect(reply.statusCode).toBe(201);
    const after = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(after.status).toBe('in_progress');
    expect(after.firstResponseAt).toBe(t.clock.now().toISOString());
    const types = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items.map((e) => e.type);
    expect(types).toContain('sla.first_response_met');
    expect(types.filter((x) => x === 'complaint.status_changed')).toHaveLength(1);
  });

  it('an internal note is not a first response', async () => {
    const c = json<Complaint>(await create());
    await t.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'check courier' } });
    const after = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(after.firstResponseAt).toBeNull();
    expect(after.status).toBe('new');
  });

  it('walks new → in_progress → awaiting_department → in_progress → resolved → closed', async () => {
    const c = json<Complaint>(await create());
    for (const status of ['in_progress', 'awaiting_department', 'in_progress', 'resolved', 'closed']) {
      const res = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status } });
      expect(res.statusCode, `to ${status}: ${res.body}`).toBe(200);
      expect(json<Complaint>(res).status).toBe(status);
    }
  });

  it('refuses an illegal transition with 409 invalid_transition and changes nothing', async () => {
    const c = json<Complaint>(await create());
    const eventsBefore = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items.length;
    const res = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'closed' } });
    expect(res.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(res).error.code).toBe('invalid_transition');
    const after = json<Complaint>(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: agent.token }));
    expect(after.status).toBe('new');
    const eventsAfter = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items.length;
    expect(eventsAfter).toBe(eventsBefore);
  });

  it('resolved → reopened starts a new SLA cycle; closed and cancelled are final', async () => {
    const c = json<Complaint>(await create());
    await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'resolved' } });
    t.clock.advance(3_600_000);
    const reopened = json<Complaint>(await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'reopened', reason: 'customer not satisfied' } }));
    expect(reopened.status).toBe('reopened');
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.sla.cycle).toBe(2);
    expect(reopened.sla.resolutionDueAt).toBe(new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString());
    const x = json<Complaint>(await create());
    expect((await t.request('POST', `/api/v1/complaints/${x.id}/status`, { token: agent.token, body: { status: 'cancelled', reason: 'spam' } })).statusCode).toBe(200);
    const again = await t.request('POST', `/api/v1/complaints/${x.id}/status`, { token: agent.token, body: { status: 'in_progress' } });
    expect(again.statusCode).toBe(409);
  });

  it('PATCH writes one event per changed field and re-times SLA on a severity change', async () => {
    const c = json<Complaint>(await create({ category: 'refund' }));
    const other = await t.user('agent', { name: 'Mei <Lin>' });
    t.clock.advance(60_000);
    const res = await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { severity: 'urgent', category: 'safety', assigneeId: other.id, reason: 'burn injury mentioned' } });
    expect(res.statusCode).toBe(200);
    const after = json<Complaint & { assignee: { id: string } }>(res);
    expect(after).toMatchObject({ severity: 'urgent', category: 'safety', department: 'management', assignee: { id: other.id } });
    // re-timed from the original start under the urgent policy
    expect(after.sla.resolutionDueAt).toBe(new Date(new Date(c.sla.resolutionDueAt).getTime() - 24 * 3_600_000 + 2 * 3_600_000).toISOString());
    const items = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    // The timeline names the people an assignment is between, not only their ids.
    expect(items.find((e) => e.type === 'complaint.assigned')!.data).toEqual({ from: null, to: other.id, fromName: null, toName: 'Mei <Lin>' });
    const types = items.map((e) => e.type);
    for (const type of ['complaint.assigned', 'complaint.category_changed', 'complaint.department_changed', 'complaint.severity_changed', 'sla.recomputed', 'classification.corrected']) {
      expect(types).toContain(type);
    }
  });
});

describe('listing', () => {
  it('filters by query parameters and pages with a cursor without repeats', async () => {
    const local = await createTestApp();
    try {
      const a = await local.user('agent');
      for (let i = 0; i < 7; i++) {
        local.clock.advance(1000);
        await local.request('POST', '/api/v1/complaints', {
          token: a.token,
          body: { channel: i % 2 ? 'email' : 'chat', subject: `item ${i} ${i === 3 ? 'needle' : ''}`.trim(), description: 'text', customer: { name: 'X' }, severity: i === 5 ? 'urgent' : 'general' },
        });
      }
      const emails = json<{ items: Complaint[] }>(await local.request('GET', '/api/v1/complaints?channel=email', { token: a.token })).items;
      expect(emails).toHaveLength(3);
      expect(emails.every((c) => c.channel === 'email')).toBe(true);
      const found = json<{ items: Array<{ subject: string }> }>(await local.request('GET', '/api/v1/complaints?q=needle', { token: a.token })).items;
      expect(found.map((c) => c.subject)).toEqual(['item 3 needle']);
      const urgent = json<{ items: Complaint[] }>(await local.request('GET', '/api/v1/complaints?sort=urgency', { token: a.token })).items;
      expect(urgent[0]!.severity).toBe('urgent');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Complaint[]; nextCursor: string | null } = json(await local.request('GET', `/api/v1/complaints?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: a.token }));
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      const byUrgency: string[] = [];
      cursor = null;
      do {
        const page: { items: Complaint[]; nextCursor: string | null } = json(await local.request('GET', `/api/v1/complaints?sort=urgency&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: a.token }));
        byUrgency.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(byUrgency).toEqual(urgent.map((c) => c.id));
    } finally {
      await local.stop();
    }
  });
});

describe('event timeline order', () => {
  it('stays in write order past event id 9 → 10 when events share a timestamp', async () => {
    const local = await createTestApp();
    try {
      const a = await local.user('agent');
      const c = json<Complaint>(await local.request('POST', '/api/v1/complaints', { token: a.token, body: { channel: 'web', subject: 's', description: 'd', customer: { name: 'n' } } }));
      for (let i = 0; i < 8; i++) {
        await local.request('POST', `/api/v1/complaints/${c.id}/messages`, { token: a.token, body: { kind: 'internal_note', body: `note ${i}` } });
      }
      const items = json<{ items: EventItem[] }>(await local.request('GET', `/api/v1/complaints/${c.id}/events`, { token: a.token })).items;
      const ids = items.map((e) => Number(e.id));
      // 5 intake events (created, classified, routed, routing.applied, sla.started) + the in-app
      // "received" notice (no email on file) + the 8 notes
      expect(ids.length).toBe(14);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(items[6]!.actor).toMatchObject({ kind: 'user', id: a.id });
      expect(typeof (items[6]!.actor as { name?: unknown }).name).toBe('string');
    } finally {
      await local.stop();
    }
  });
});

describe('complaint numbers in paths', () => {
  it('GET by number answers the same complaint as by id; an unknown or malformed one is 404', async () => {
    const c = json<Complaint>(await create());
    const byNumber = await t.request('GET', `/api/v1/complaints/${c.number}`, { token: agent.token });
    expect(byNumber.statusCode).toBe(200);
    expect(json<Complaint>(byNumber).id).toBe(c.id);
    const events = await t.request('GET', `/api/v1/complaints/${c.number}/events`, { token: agent.token });
    expect(json<{ items: unknown[] }>(events).items.length).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/v1/complaints/C-1999-999999', { token: agent.token })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/complaints/nope', { token: agent.token })).statusCode).toBe(404);
  });
});

describe('channel names', () => {
  it('stores common aliases under the canonical channel code', async () => {
    const c = json<Complaint>(await create({ channel: 'web_form' }));
    expect(c.channel).toBe('web');
    expect((await create({ channel: 'fax' })).statusCode).toBe(422);
  });
});

describe('classification corrections', () => {
  it('a person changing category or severity writes one classification.corrected with both labels; an assignment does not', async () => {
    const c = json<Complaint>(await create({ category: 'billing' }));
    await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { assigneeId: agent.id } });
    await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { category: 'refund', severity: 'serious', reason: 'refund dispute' } });
    const corrections = json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items.filter((e) => e.type === 'classification.corrected');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]!.data).toEqual({ category: { from: 'billing', to: 'refund' }, severity: { from: 'general', to: 'serious' }, reason: 'refund dispute' });
    expect(corrections[0]!.lane).toBe('backstage');
  });
});
