import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { allRoutes } from '../../http/routes.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/**
 * The permission matrix (issue 2 §7, DESIGN §5): deny by default, department staff see their
 * department's complaints, analysts read only, admins administer, and a customer principal
 * sees only its own records — anything else it asks for answers 404, not 403.
 */

const WHO = ['admin', 'supervisor', 'agent', 'department_staff', 'analyst', 'customer'] as const;
type Who = (typeof WHO)[number];
type Expected = Record<Who, number>;
type Req = { method: string; url: string; body?: Record<string, unknown> };
type Complaint = { id: string; status: string; department: string | null; customerId: string };
type Message = { kind: string; body: string };
type EventItem = { type: string; lane: string; actor: { kind: string } };
type List<T> = { items: T[]; nextCursor: string | null };

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
const tokens = {} as Record<Who, string>;
let agent: { id: string; token: string };
let customerA: { id: string; token: string };
let customerB: { id: string; token: string };
let orderA: { id: string; number: string };
let orderB: { id: string; number: string };
/** Fixed complaints named by whose they are and which department owns them. */
const fx = {} as Record<'mineLogistics' | 'mineFinance' | 'theirsLogistics' | 'theirsFinance', string>;
let seq = 0;

const STATUS_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'invalid_transition' };
/** '200' for a success, '403 forbidden' for an error: the code must match the status too. */
const outcome = (status: number, code?: string) => (status < 400 ? String(status) : `${status} ${code ?? STATUS_CODE[status] ?? '?'}`);

function statusOf(res: LightMyRequestResponse): string {
  if (res.statusCode < 400) return outcome(res.statusCode);
  return outcome(res.statusCode, json<{ error: { code: string } }>(res).error.code);
}

/** Every principal gets `status`, except the ones named. */
const all = (status: number, except: Partial<Expected> = {}): Expected =>
  Object.fromEntries(WHO.map((w) => [w, except[w] ?? status])) as Expected;

async function complaint(owner: 'A' | 'B', category: 'logistics' | 'billing'): Promise<string> {
  const res = await t.request('POST', '/api/v1/complaints', {
    token: agent.token,
    body: { channel: 'phone', subject: `perm ${++seq}`, description: 'fixture', customerId: owner === 'A' ? customerA.id : customerB.id, category },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res).id;
}

async function setStatus(id: string, ...statuses: string[]) {
  for (const status of statuses) {
    const res = await t.request('POST', `/api/v1/complaints/${id}/status`, { token: agent.token, body: { status } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function order(customerId: string) {
  const res = await t.request('POST', '/api/v1/orders', { token: agent.token, body: { number: `PO-${++seq}`, customerId, amount: 99 } });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; number: string }>(res);
}

function call(who: Who | null, req: Req) {
  return t.request(req.method, req.url, { token: who ? tokens[who] : null, body: req.body });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const role of WHO) {
    if (role === 'customer') continue;
    tokens[role] = (await t.user(role, role === 'department_staff' ? { department: 'logistics' } : {})).token;
  }
  agent = await t.user('agent');
  customerA = await t.customer({ name: 'Customer A' });
  customerB = await t.customer({ name: 'Customer B' });
  tokens.customer = customerA.token;
  orderA = await order(customerA.id);
  orderB = await order(customerB.id);
  fx.mineLogistics = await complaint('A', 'logistics');
  fx.mineFinance = await complaint('A', 'billing');
  fx.theirsLogistics = await complaint('B', 'logistics');
  fx.theirsFinance = await complaint('B', 'billing');
});
afterAll(() => t.stop());

describe('the matrix', () => {
  const mine = () => complaint('A', 'logistics');
  const theirs = () => complaint('B', 'billing');
  const rows: Array<[string, (who: Who) => Promise<Req> | Req, Expected]> = [
    // complaints: reading
    ['list complaints', () => ({ method: 'GET', url: '/api/v1/complaints' }), all(200)],
    ['get own, own department', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.mineLogistics}` }), all(200)],
    ['get own, other department', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.mineFinance}` }), all(200, { department_staff: 404 })],
    ["get another customer's, own department", () => ({ method: 'GET', url: `/api/v1/complaints/${fx.theirsLogistics}` }), all(200, { customer: 404 })],
    ["get another customer's, other department", () => ({ method: 'GET', url: `/api/v1/complaints/${fx.theirsFinance}` }), all(200, { department_staff: 404, customer: 404 })],
    ['events, visible', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.mineLogistics}/events` }), all(200)],
    ['events, not visible', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.theirsFinance}/events` }), all(200, { department_staff: 404, customer: 404 })],
    ['detail with events, not visible', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.theirsFinance}?include=events` }), all(200, { department_staff: 404, customer: 404 })],
    ['messages, visible', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.mineLogistics}/messages` }), all(200)],
    ['messages, not visible', () => ({ method: 'GET', url: `/api/v1/complaints/${fx.theirsFinance}/messages` }), all(200, { department_staff: 404, customer: 404 })],
    // complaints: writing
    ['create', () => ({ method: 'POST', url: '/api/v1/complaints', body: { channel: 'web', subject: 'new one', description: 'text', customerId: customerA.id } }),
      all(201, { department_staff: 403, analyst: 403 })],
    ['public reply', async () => ({ method: 'POST', url: `/api/v1/complaints/${await mine()}/messages`, body: { kind: 'public_reply', body: 'Hello' } }),
      all(201, { department_staff: 403, analyst: 403, customer: 403 })],
    ['message without kind (staff: public reply, customer: own message)', async () => ({ method: 'POST', url: `/api/v1/complaints/${await mine()}/messages`, body: { body: 'Hello' } }),
      all(201, { department_staff: 403, analyst: 403 })],
    ['internal note', async () => ({ method: 'POST', url: `/api/v1/complaints/${await mine()}/messages`, body: { kind: 'internal_note', body: 'courier called' } }),
      all(201, { analyst: 403, customer: 403 })],
    ['internal note, not visible', async () => ({ method: 'POST', url: `/api/v1/complaints/${await theirs()}/messages`, body: { kind: 'internal_note', body: 'x' } }),
      all(201, { department_staff: 404, analyst: 403, customer: 404 })],
    ['status new → in_progress', async () => ({ method: 'POST', url: `/api/v1/complaints/${await mine()}/status`, body: { status: 'in_progress' } }),
      all(200, { analyst: 403, customer: 403 })],
    ['status, not visible', async () => ({ method: 'POST', url: `/api/v1/complaints/${await theirs()}/status`, body: { status: 'in_progress' } }),
      all(200, { department_staff: 404, analyst: 403, customer: 404 })],
    ['cancel', async () => ({ method: 'POST', url: `/api/v1/complaints/${await mine()}/status`, body: { status: 'cancelled', reason: 'spam' } }),
      all(200, { department_staff: 403, analyst: 403, customer: 403 })],
    ['patch severity', async () => ({ method: 'PATCH', url: `/api/v1/complaints/${await mine()}`, body: { severity: 'serious' } }),
      all(200, { department_staff: 403, analyst: 403, customer: 403 })],
    ['patch assignee', async () => ({ method: 'PATCH', url: `/api/v1/complaints/${await mine()}`, body: { assigneeId: agent.id } }),
      all(200, { department_staff: 403, analyst: 403, customer: 403 })],
    ['patch, not visible', async () => ({ method: 'PATCH', url: `/api/v1/complaints/${await theirs()}`, body: { tags: ['x'] } }),
      all(200, { department_staff: 404, analyst: 403, customer: 404 })],

    // customers
    ['list customers', () => ({ method: 'GET', url: '/api/v1/customers' }), all(200, { department_staff: 403, customer: 403 })],
    ['get own customer record', () => ({ method: 'GET', url: `/api/v1/customers/${customerA.id}` }), all(200, { department_staff: 403 })],
    ['get another customer record', () => ({ method: 'GET', url: `/api/v1/customers/${customerB.id}` }), all(200, { department_staff: 403, customer: 404 })],
    ['create customer', () => ({ method: 'POST', url: '/api/v1/customers', body: { name: `New ${++seq}` } }),
      all(201, { department_staff: 403, analyst: 403, customer: 403 })],
    ['update customer', () => ({ method: 'PATCH', url: `/api/v1/customers/${customerA.id}`, body: { locale: 'en' } }),
      all(200, { department_staff: 403, analyst: 403, customer: 403 })],
    ['delete customer', async () => ({ method: 'DELETE', url: `/api/v1/customers/${(await t.customer()).id}` }),
      all(403, { admin: 200, supervisor: 200 })],
    ['issue a customer access token', () => ({ method: 'POST', url: `/api/v1/customers/${customerA.id}/access-tokens` }),
      all(201, { department_staff: 403, analyst: 403, customer: 403 })],

    // orders
    ['list orders', () => ({ method: 'GET', url: '/api/v1/orders' }), all(200, { department_staff: 403 })],
    ['get own order', () => ({ method: 'GET', url: `/api/v1/orders/${orderA.id}` }), all(200, { department_staff: 403 })],
    ["get another customer's order", () => ({ method: 'GET', url: `/api/v1/orders/${orderB.id}` }), all(200, { department_staff: 403, customer: 404 })],
    ['create order', () => ({ method: 'POST', url: '/api/v1/orders', body: { number: `PO-${++seq}`, customerId: customerA.id, amount: 1 } }),
      all(201, { department_staff: 403, analyst: 403, customer: 403 })],
    ['update order', () => ({ method: 'PATCH', url: `/api/v1/orders/${orderA.id}`, body: { status: 'paid' } }),
      all(200, { department_staff: 403, analyst: 403, customer: 403 })],
    ['delete order', async () => ({ method: 'DELETE', url: `/api/v1/orders/${(await order(customerA.id)).id}` }),
      all(403, { admin: 200, supervisor: 200 })],

    // administration
    ['list departments', () => ({ method: 'GET', url: '/api/v1/departments' }), all(200, { customer: 403 })],
    ['create department', () => ({ method: 'POST', url: '/api/v1/departments', body: { code: `perm_${++seq}`, name: 'Perm' } }), all(403, { admin: 201 })],
    ['edit department', async () => ({ method: 'PATCH', url: `/api/v1/departments/${await t.departmentId('logistics')}`, body: { name: 'Logistics' } }), all(403, { admin: 200 })],
    ['list users', () => ({ method: 'GET', url: '/api/v1/users' }), all(403, { admin: 200, supervisor: 200, agent: 200, department_staff: 200, analyst: 200 })],
    ['create user', () => ({ method: 'POST', url: '/api/v1/users', body: { email: `u${++seq}@test.local`, name: 'New user', role: 'agent' } }), all(403, { admin: 201 })],
    ['edit user', async () => ({ method: 'PATCH', url: `/api/v1/users/${(await t.user('agent')).id}`, body: { name: 'Renamed' } }), all(403, { admin: 200 })],
    ['read SLA policies', () => ({ method: 'GET', url: '/api/v1/sla/policies' }), all(200, { customer: 403 })],
    ['edit an SLA policy', () => ({ method: 'PATCH', url: '/api/v1/sla/policies/general', body: { firstResponseMinutes: 30 } }), all(403, { admin: 200 })],
    ['list API tokens', () => ({ method: 'GET', url: '/api/v1/auth/api-tokens' }), all(403, { admin: 200 })],
    ['create API token', () => ({ method: 'POST', url: '/api/v1/auth/api-tokens', body: { name: 'integration' } }), all(403, { admin: 201 })],
    ['who am I', () => ({ method: 'GET', url: '/api/v1/auth/me' }), all(200)],
  ];

  it.each(rows)('%s', async (_name, req, expected) => {
    const actual = {} as Record<Who, string>;
    for (const who of WHO) actual[who] = statusOf(await call(who, await req(who)));
    expect(actual).toEqual(Object.fromEntries(WHO.map((w) => [w, outcome(expected[w])])));
  });

  it('a denied write leaves no trace: no message, no event, no status change', async () => {
    const id = await mine();
    const count = async () => {
      const [r] = await t.db.query<{ m: number; e: number }>(
        'select (select count(*) from messages where complaint_id = $1)::int as m, (select count(*) from complaint_events where complaint_id = $1)::int as e', [id]);
      return r;
    };
    const before = await count();
    const original = json<{ severity: string }>(await call('admin', { method: 'GET', url: `/api/v1/complaints/${id}` }));
    const denied: Array<[Who, Req]> = [
      ['analyst', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'internal_note', body: 'x' } }],
      ['analyst', { method: 'POST', url: `/api/v1/complaints/${id}/status`, body: { status: 'in_progress' } }],
      ['analyst', { method: 'PATCH', url: `/api/v1/complaints/${id}`, body: { severity: 'urgent' } }],
      ['department_staff', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'public_reply', body: 'x' } }],
      ['department_staff', { method: 'PATCH', url: `/api/v1/complaints/${id}`, body: { assigneeId: agent.id } }],
      ['customer', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'internal_note', body: 'x' } }],
      ['customer', { method: 'PATCH', url: `/api/v1/complaints/${id}`, body: { severity: 'urgent' } }],
    ];
    for (const [who, req] of denied) expect(statusOf(await call(who, req)), `${who} ${req.method} ${req.url}`).toBe('403 forbidden');
    expect(await count()).toEqual(before);
    const after = json<Complaint & { severity: string; assignee: unknown }>(await call('admin', { method: 'GET', url: `/api/v1/complaints/${id}` }));
    expect(after).toMatchObject({ status: 'new', severity: original.severity, assignee: null });
    expect(after.severity).not.toBe('urgent');
  });
});

describe('unauthenticated', () => {
  const required = allRoutes.filter((r) => r.auth === 'required');
  it.each(required.map((r) => [`${r.method} ${r.url}`, r] as const))('%s → 401 unauthenticated', async (_name, route) => {
    const url = route.url.replace(':severity', 'general').replace(/:[A-Za-z_]+/g, NO_SUCH_ID);
    const res = await t.request(route.method, url, { body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
    expect(statusOf(res)).toBe('401 unauthenticated');
  });

  it('an unauthenticated call writes nothing', async () => {
    const [before] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    await t.request('POST', '/api/v1/complaints', { body: { channel: 'web', subject: 's', description: 'd', customerId: customerA.id } });
    const [after] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after!.n).toBe(before!.n);
  });
});

describe('department staff', () => {
  const list = async (token: string, query = '') => json<List<Complaint>>(await t.request('GET', `/api/v1/complaints?limit=200${query}`, { token })).items;

  it("list only their department's complaints, whatever the filters ask for", async () => {
    const items = await list(tokens.department_staff);
    const ids = items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([fx.mineLogistics, fx.theirsLogistics]));
    expect(ids).not.toContain(fx.mineFinance);
    expect(ids).not.toContain(fx.theirsFinance);
    expect(items.every((c) => c.department === 'logistics')).toBe(true);
    expect(await list(tokens.department_staff, '&department=finance')).toEqual([]);
    expect(await list(tokens.department_staff, `&departmentId=${await t.departmentId('finance')}`)).toEqual([]);
    expect(await list(tokens.department_staff, `&q=perm`)).not.toContainEqual(expect.objectContaining({ id: fx.theirsFinance }));
  });

  it('a complaint that moves out of their department disappears for them', async () => {
    const id = await complaint('A', 'logistics');
    expect((await call('department_staff', { method: 'GET', url: `/api/v1/complaints/${id}` })).statusCode).toBe(200);
    expect((await call('agent', { method: 'PATCH', url: `/api/v1/complaints/${id}`, body: { department: 'quality' } })).statusCode).toBe(200);
    expect(statusOf(await call('department_staff', { method: 'GET', url: `/api/v1/complaints/${id}` }))).toBe('404 not_found');
    expect((await list(tokens.department_staff)).map((c) => c.id)).not.toContain(id);
  });

  it('staff without a department see nothing', async () => {
    const orphan = await t.user('department_staff');
    expect(await list(orphan.token)).toEqual([]);
    expect(statusOf(await t.request('GET', `/api/v1/complaints/${fx.mineLogistics}`, { token: orphan.token }))).toBe('404 not_found');
  });

  it('their status changes are backstage events', async () => {
    const id = await complaint('A', 'logistics');
    await setStatus(id, 'in_progress', 'awaiting_department');
    expect((await call('department_staff', { method: 'POST', url: `/api/v1/complaints/${id}/status`, body: { status: 'in_progress', reason: 'checked with courier' } })).statusCode).toBe(200);
    const events = json<List<EventItem>>(await call('admin', { method: 'GET', url: `/api/v1/complaints/${id}/events` })).items;
    expect(events.at(-1)).toMatchObject({ type: 'complaint.status_changed', lane: 'backstage' });
  });
});

describe('analysts', () => {
  it('read everything but write nothing, including on creation', async () => {
    const items = json<List<Complaint>>(await call('analyst', { method: 'GET', url: '/api/v1/complaints?limit=200' })).items.map((c) => c.id);
    expect(items).toEqual(expect.arrayContaining(Object.values(fx)));
    const [before] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(statusOf(await call('analyst', { method: 'POST', url: '/api/v1/complaints', body: { channel: 'web', subject: 's', description: 'd', customer: { name: 'Inline new' } } }))).toBe('403 forbidden');
    const [after] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after!.n).toBe(before!.n);
    const [inline] = await t.db.query<{ n: number }>(`select count(*)::int as n from customers where name = 'Inline new'`);
    expect(inline!.n).toBe(0);
  });
});

describe('customers', () => {
  const asA = (method: string, url: string, body?: Record<string, unknown>) => t.request(method, url, { token: customerA.token, body });

  it('list only their own complaints, whatever the filters ask for', async () => {
    const items = json<List<Complaint>>(await asA('GET', '/api/v1/complaints?limit=200')).items;
    expect(items.map((c) => c.id)).toEqual(expect.arrayContaining([fx.mineLogistics, fx.mineFinance]));
    expect(items.every((c) => c.customerId === customerA.id)).toBe(true);
    expect(json<List<Complaint>>(await asA('GET', `/api/v1/complaints?customerId=${customerB.id}`)).items).toEqual([]);
    expect(json<List<Complaint>>(await asA('GET', `/api/v1/complaints?department=finance`)).items.map((c) => c.id)).toEqual([fx.mineFinance]);
  });

  it("another customer's complaint answers 404 everywhere, exactly like one that does not exist", async () => {
    const id = await complaint('B', 'logistics');
    await setStatus(id, 'resolved');
    const calls: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', ''],
      ['GET', '/events'],
      ['GET', '/messages'],
      ['POST', '/messages', { body: 'hello?' }],
      ['POST', '/status', { status: 'closed' }],
      ['POST', '/status', { status: 'reopened' }],
      ['PATCH', '', { severity: 'urgent' }],
    ];
    for (const [method, suffix, body] of calls) {
      const theirs = await asA(method, `/api/v1/complaints/${id}${suffix}`, body);
      const missing = await asA(method, `/api/v1/complaints/${NO_SUCH_ID}${suffix}`, body);
      expect(statusOf(theirs), `${method} ${suffix}`).toBe('404 not_found');
      expect(theirs.body).toBe(missing.body);
    }
    const still = json<Complaint>(await call('agent', { method: 'GET', url: `/api/v1/complaints/${id}` }));
    expect(still.status).toBe('resolved');
  });

  it('see no internal notes in the conversation', async () => {
    const id = await complaint('A', 'logistics');
    const secret = 'INTERNAL: customer seems to be reselling';
    // a second apart, so the conversation has a definite order
    expect((await call('agent', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'public_reply', body: 'We are on it.' } })).statusCode).toBe(201);
    t.clock.advance(1000);
    expect((await call('department_staff', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'internal_note', body: secret } })).statusCode).toBe(201);
    t.clock.advance(1000);
    expect((await asA('POST', `/api/v1/complaints/${id}/messages`, { body: 'Thanks!' })).statusCode).toBe(201);

    const staff = json<List<Message>>(await call('agent', { method: 'GET', url: `/api/v1/complaints/${id}/messages` })).items;
    expect(staff.map((m) => m.kind)).toEqual(['public_reply', 'internal_note', 'customer']);
    const res = await asA('GET', `/api/v1/complaints/${id}/messages`);
    expect(json<List<Message>>(res).items.map((m) => m.kind)).toEqual(['public_reply', 'customer']);
    expect(res.body).not.toContain('reselling');
  });

  it('see only customer, frontstage and evidence events in the timeline', async () => {
    const id = await complaint('A', 'logistics');
    await call('agent', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'internal_note', body: 'secret note' } });
    await call('agent', { method: 'POST', url: `/api/v1/complaints/${id}/messages`, body: { kind: 'public_reply', body: 'Hello' } });
    await setStatus(id, 'awaiting_department');
    await call('department_staff', { method: 'POST', url: `/api/v1/complaints/${id}/status`, body: { status: 'in_progress', reason: 'backstage reason' } });

    const staff = json<List<EventItem>>(await call('admin', { method: 'GET', url: `/api/v1/complaints/${id}/events` })).items;
    expect(new Set(staff.map((e) => e.lane))).toEqual(new Set(['customer', 'support', 'backstage', 'frontstage', 'evidence']));

    const res = await asA('GET', `/api/v1/complaints/${id}/events`);
    const mine = json<List<EventItem>>(res).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => ['customer', 'frontstage', 'evidence'].includes(e.lane))).toBe(true);
    expect(mine.map((e) => e.type)).toEqual(expect.arrayContaining(['complaint.created', 'message.public_reply']));
    expect(mine.map((e) => e.type)).not.toContain('message.internal_note');
    expect(mine.map((e) => e.type)).not.toContain('sla.started');
    expect(res.body).not.toContain('backstage reason');
    for (const lane of ['support', 'backstage']) {
      expect(json<List<EventItem>>(await asA('GET', `/api/v1/complaints/${id}/events?lane=${lane}`)).items).toEqual([]);
    }
  });

  it('create complaints for themselves only', async () => {
    const own = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 'mine', description: 'd', customerId: customerA.id });
    expect(own.statusCode, own.body).toBe(201);
    expect(json<Complaint>(own).customerId).toBe(customerA.id);

    // an inline customer cannot smuggle in someone else: it is filed for the caller
    const [bRow] = await t.db.query<{ email: string }>('select email from customers where id = $1', [customerB.id]);
    const inline = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 'as B', description: 'd', customer: { name: 'B', email: bRow!.email } });
    expect(inline.statusCode, inline.body).toBe(201);
    expect(json<Complaint>(inline).customerId).toBe(customerA.id);

    const [before] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    const forB = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 'for B', description: 'd', customerId: customerB.id });
    const forNobody = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 'for B', description: 'd', customerId: NO_SUCH_ID });
    expect(statusOf(forB)).toBe('422 validation_failed');
    expect(forB.body).toBe(forNobody.body);
    for (const ref of [orderB.id, orderB.number]) {
      const theirsOrder = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 's', description: 'd', customerId: customerA.id, orderId: ref });
      const noOrder = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 's', description: 'd', customerId: customerA.id, orderId: ref === orderB.id ? NO_SUCH_ID : 'PO-none' });
      expect(statusOf(theirsOrder)).toBe('422 validation_failed');
      expect(theirsOrder.body).toBe(noOrder.body);
    }
    const [after] = await t.db.query<{ n: number }>('select count(*)::int as n from complaints');
    expect(after!.n).toBe(before!.n);
    const withOwnOrder = await asA('POST', '/api/v1/complaints', { channel: 'web', subject: 's', description: 'd', customerId: customerA.id, orderId: orderA.number });
    expect(withOwnOrder.statusCode, withOwnOrder.body).toBe(201);
  });

  it('may close or reopen their own resolved complaint, and nothing else', async () => {
    const toClose = await complaint('A', 'logistics');
    await setStatus(toClose, 'resolved');
    const closed = await asA('POST', `/api/v1/complaints/${toClose}/status`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(json<Complaint>(closed).status).toBe('closed');
    expect(statusOf(await asA('POST', `/api/v1/complaints/${toClose}/status`, { status: 'reopened' }))).toBe('409 invalid_transition');

    const toReopen = await complaint('A', 'logistics');
    await setStatus(toReopen, 'resolved');
    const reopened = await asA('POST', `/api/v1/complaints/${toReopen}/status`, { status: 'reopened', reason: 'still broken' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const last = json<List<EventItem>>(await call('admin', { method: 'GET', url: `/api/v1/complaints/${toReopen}/events` })).items
      .filter((e) => e.type === 'complaint.status_changed').at(-1);
    expect(last).toMatchObject({ lane: 'customer', actor: { kind: 'customer' } });

    const fresh = await complaint('A', 'logistics');
    const refused: Array<[string, string]> = [
      ['in_progress', '403 forbidden'], // allowed for staff, not for customers
      ['resolved', '403 forbidden'],
      ['awaiting_customer', '403 forbidden'],
      ['cancelled', '403 forbidden'],
      ['closed', '409 invalid_transition'], // not a move from new at all
      ['reopened', '409 invalid_transition'],
    ];
    for (const [status, expected] of refused) {
      expect(statusOf(await asA('POST', `/api/v1/complaints/${fresh}/status`, { status })), status).toBe(expected);
    }
    expect(json<Complaint>(await asA('GET', `/api/v1/complaints/${fresh}`)).status).toBe('new');
  });

  it('see only their own orders and customer record', async () => {
    const orders = json<List<{ id: string; customerId: string }>>(await asA('GET', '/api/v1/orders')).items;
    expect(orders.map((o) => o.id)).toContain(orderA.id);
    expect(orders.every((o) => o.customerId === customerA.id)).toBe(true);
    expect(json<List<unknown>>(await asA('GET', `/api/v1/orders?customerId=${customerB.id}`)).items).toEqual([]);
    expect(json<List<unknown>>(await asA('GET', `/api/v1/orders?number=${orderB.number}`)).items).toEqual([]);
    const theirs = await asA('GET', `/api/v1/orders/${orderB.id}`);
    expect(statusOf(theirs)).toBe('404 not_found');
    expect(theirs.body).toBe((await asA('GET', `/api/v1/orders/${NO_SUCH_ID}`)).body);
    expect(statusOf(await asA('GET', `/api/v1/customers/${customerB.id}`))).toBe('404 not_found');
  });

  it('an access token issued by staff sees only that customer', async () => {
    const res = await call('agent', { method: 'POST', url: `/api/v1/customers/${customerB.id}/access-tokens` });
    expect(res.statusCode, res.body).toBe(201);
    const token = json<{ token: string }>(res).token;
    const items = json<List<Complaint>>(await t.request('GET', '/api/v1/complaints?limit=200', { token })).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.customerId === customerB.id)).toBe(true);
    expect(statusOf(await t.request('GET', `/api/v1/complaints/${fx.mineLogistics}`, { token }))).toBe('404 not_found');
  });
});
