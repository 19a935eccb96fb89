import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { startTwoInstances } from '../../test/two-instances.js';
import type { RunningServer } from '../../server/start-server.js';
import { CATEGORIES, DEFAULT_DEPARTMENT } from '../complaints/taxonomy.js';

type User = { id: string; token: string };
type Complaint = { id: string; number: string; category: string; severity: string; department: string | null; tags: string[]; assignee: { id: string } | null; sla: { firstResponseDueAt: string; resolutionDueAt: string } };
type EventItem = { id: string; type: string; lane: string; data: Record<string, unknown> };
type RuleSet = { id: string; version: number; status: string; rules?: unknown[]; warnings?: unknown[] };
type ErrorBody = { error: { code: string; message: string; details: Array<Record<string, unknown>> } };

const BASE = '/api/v1/admin/routing';
const MIN = 60_000;

let t: TestApp;
let admin: User;
let supervisor: User;
let agent: User;
let customer: User;
let defaultSet: RuleSet;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  customer = await t.customer();
  const list = json<{ items: RuleSet[] }>(await t.request('GET', `${BASE}/rulesets`, { token: admin.token }));
  defaultSet = list.items.find((s) => s.version === 1)!;
});
afterAll(() => t.stop());

const err = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

async function create(body: Record<string, unknown> = {}): Promise<Complaint> {
  const res = await t.request('POST', '/api/v1/complaints', {
    token: agent.token,
    body: { channel: 'web', subject: 'Parcel late', description: 'Still not here after a week', customerId: customer.id, category: 'logistics', severity: 'general', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}

const events = async (id: string) => json<{ items: EventItem[] }>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token: admin.token })).items;
const applied = async (id: string) => (await events(id)).find((e) => e.type === 'routing.applied')!.data as {
  ruleSetId: string; version: number; fired: Array<{ ruleId: string; actions: Array<Record<string, unknown>> }>; stoppedBy: string | null;
  changes: { department: unknown; severity: { from: string; to: string } | null; tagsAdded: string[]; assigneeId: string | null; team: string | null };
};

async function saveRules(rules: unknown[], opts: { activate?: boolean; note?: string } = {}): Promise<RuleSet> {
  const res = await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: { rules, ...opts } });
  expect(res.statusCode, res.body).toBe(201);
  return json<RuleSet>(res);
}

async function activate(id: string, token = admin.token): Promise<LightMyRequestResponse> {
  return t.request('POST', `${BASE}/rulesets/${id}/activate`, { token });
}

const countOf = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params as never[]))[0]!.n;

describe('default rule set (the seeds)', () => {
  it('is version 1, active, and routes every category to its DESIGN §2 department', async () => {
    expect(defaultSet).toMatchObject({ version: 1, status: 'active' });
    for (const category of CATEGORIES.filter((c) => c !== 'safety')) {
      const c = await create({ category });
      expect(c.department, category).toBe(DEFAULT_DEPARTMENT[category]);
      const evs = await events(c.id);
      const routed = evs.find((e) => e.type === 'complaint.routed')!;
      expect(routed.data).toMatchObject({ department: DEFAULT_DEPARTMENT[category] });
      expect(String(routed.data.reason)).toContain('(rule set v1)');
      const a = await applied(c.id);
      expect(a).toMatchObject({ ruleSetId: defaultSet.id, version: 1, stoppedBy: null, changes: { severity: null } });
      expect(a.fired.map((f) => f.ruleId)).toEqual([`category-${category.replace(/_/g, '-')}`]);
    }
  });

  it('safety: raised to urgent before the SLA clocks start, management, tags, supervisors notified', async () => {
    const before = await countOf('select count(*)::int as n from notifications where user_id = $1', [supervisor.id]);
    const c = await create({ category: 'safety', severity: 'general', subject: 'Heater', description: 'It caught fire' });
    expect(c).toMatchObject({ severity: 'urgent', department: 'management' });
    expect(c.tags).toEqual(expect.arrayContaining(['safety', 'quality_review']));
    const now = t.clock.now().getTime();
    expect(new Date(c.sla.firstResponseDueAt).getTime() - now).toBe(10 * MIN);
    expect(new Date(c.sla.resolutionDueAt).getTime() - now).toBe(120 * MIN);
    // (the customer's "received" notices follow in the evidence lane; src/modules/notify)
    const evs = (await events(c.id)).filter((e) => e.lane !== 'evidence');
    expect(evs.map((e) => e.type)).toEqual(['complaint.created', 'complaint.classified', 'complaint.routed', 'routing.applied', 'notification.staff', 'sla.started']);
    expect(evs.find((e) => e.type === 'sla.started')!.data).toMatchObject({ severity: 'urgent' });
    expect(evs.every((e) => e.type === 'complaint.created' || e.lane === 'support')).toBe(true);
    const a = await applied(c.id);
    expect(a).toMatchObject({ stoppedBy: 'safety-urgent-management', changes: { severity: { from: 'general', to: 'urgent' }, department: null, tagsAdded: ['safety', 'quality_review'] } });
    expect(await countOf('select count(*)::int as n from notifications where user_id = $1', [supervisor.id])).toBe(before + 1);
  });
});

describe('permissions', () => {
  it('agents and customers get 403; supervisors read, replay and test but do not edit', async () => {
    const calls: Array<[string, string, Record<string, unknown> | undefined]> = [
      ['GET', `${BASE}/rulesets`, undefined],
      ['GET', `${BASE}/rulesets/${defaultSet.id}`, undefined],
      ['POST', `${BASE}/rulesets`, { rules: [] }],
      ['POST', `${BASE}/rulesets/${defaultSet.id}/activate`, undefined],
      ['POST', `${BASE}/rulesets/${defaultSet.id}/dry-run`, {}],
      ['POST', `${BASE}/test`, { complaint: { category: 'refund' } }],
      ['PUT', `${BASE}/users/${agent.id}`, { skills: ['x'] }],
    ];
    for (const [method, url, body] of calls) {
      expect((await t.request(method, url, { token: agent.token, body })).statusCode, `agent ${method} ${url}`).toBe(403);
      expect((await t.request(method, url, { token: customer.token, body })).statusCode, `customer ${method} ${url}`).toBe(403);
      expect((await t.request(method, url, { body })).statusCode, `anonymous ${method} ${url}`).toBe(401);
      const sup = await t.request(method, url, { token: supervisor.token, body });
      const supervisorMay = method === 'GET' || url.endsWith('/dry-run') || url.endsWith('/test');
      expect(sup.statusCode, `supervisor ${method} ${url}: ${sup.body}`).toBe(supervisorMay ? 200 : 403);
    }
  });
});

describe('validation through the API', () => {
  it('an unknown field, operator or department is a 422 rule_invalid naming the rule and path; nothing is saved', async () => {
    const before = await countOf('select count(*)::int as n from routing_rule_sets');
    const res = await t.request('POST', `${BASE}/rulesets`, {
      token: admin.token,
      body: { rules: [{ id: 'ok', name: 'ok', then: [{ type: 'add_tags', tags: ['a'] }] }, { id: 'bad', name: 'bad', when: { any: [{ field: 'customer.mood', op: 'eq', value: 'x' }] }, then: [{ type: 'add_tags', tags: ['b'] }] }] },
    });
    expect(res.statusCode).toBe(422);
    expect(err(res).code).toBe('rule_invalid');
    expect(err(res).details).toEqual([expect.objectContaining({ ruleId: 'bad', path: 'rules[1].when.any[0].field', reason: 'unknown_field' })]);
    const op = await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: { rules: [{ id: 'op', name: 'op', when: { all: [{ field: 'amount', op: 'contains_any', value: ['1'] }] }, then: [{ type: 'add_tags', tags: ['b'] }] }] } });
    expect(err(op)).toMatchObject({ code: 'rule_invalid', details: [expect.objectContaining({ ruleId: 'op', reason: 'unknown_op', path: 'rules[0].when.all[0].op' })] });
    const dept = await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: { rules: [{ id: 'd', name: 'd', then: [{ type: 'set_department', department: 'marketing' }] }] } });
    expect(err(dept)).toMatchObject({ code: 'rule_invalid', details: [expect.objectContaining({ ruleId: 'd', reason: 'unknown_department', path: 'rules[0].then[0].department' })] });
    const nobody = await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: { rules: [{ id: 'n', name: 'n', then: [{ type: 'notify', users: ['00000000-0000-4000-8000-000000000000'] }] }] } });
    expect(err(nobody)).toMatchObject({ code: 'rule_invalid', details: [expect.objectContaining({ reason: 'unknown_user' })] });
    expect((await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: { rules: 'nope' } })).statusCode).toBe(422);
    expect(await countOf('select count(*)::int as n from routing_rule_sets')).toBe(before);
  });

  it('a rule raising severity that would re-trigger itself is a 422 rule_loop', async () => {
    const res = await t.request('POST', `${BASE}/rulesets`, {
      token: admin.token,
      body: { rules: [{ id: 'escalate-forever', name: 'serious → urgent', when: { all: [{ field: 'severity', op: 'gte', value: 'serious' }] }, then: [{ type: 'raise_severity', to: 'urgent' }] }] },
    });
    expect(res.statusCode).toBe(422);
    expect(err(res)).toMatchObject({ code: 'rule_loop', details: [expect.objectContaining({ ruleId: 'escalate-forever', path: 'rules[0].then[0]', reason: 'self_trigger' })] });
  });

  it('bad input is always a clear 4xx, never a 5xx', async () => {
    const rule = (over: Record<string, unknown>) => ({ id: 'r', name: 'r', then: [{ type: 'add_tags', tags: ['x'] }], ...over });
    const deep = (n: number): unknown => (n ? { not: deep(n - 1) } : { field: 'category', op: 'eq', value: 'refund' });
    const bodies: unknown[] = [
      { rules: [null] }, { rules: [[]] }, { rules: [42] }, { rules: [rule({ then: [] })] }, { rules: [rule({ then: [null] })] },
      { rules: [rule({ when: { all: [null] } })] }, { rules: [rule({ when: { all: [{ field: 'amount', op: 'between', value: [5, 1] }] } })] },
      { rules: [rule({ when: { all: [{ field: 'text', op: 'contains_any', value: [{}] }] } })] },
      { rules: [rule({ when: { all: [{ field: 'tags', op: 'exists', value: 'yes' }] } })] },
      { rules: [rule({ when: deep(30) })] }, { rules: [rule({ name: 'bad\u0000name' })] },
      { rules: [rule({ when: { all: [{ field: 'text', op: 'contains_any', value: ['\u0000'] }] } })] },
      { rules: [rule({ id: '../../etc' })] }, { rules: [rule({ then: [{ type: 'notify', users: ['not-a-uuid'] }] })] },
      { rules: [rule({ then: [{ type: 'notify' }] })] }, { rules: [rule({ then: [{ type: 'assign', strategy: 'random' }] })] },
      { rules: Array.from({ length: 501 }, (_, i) => rule({ id: `r${i}` })) }, { rules: [], note: '\u0007' }, { rules: [], extra: 1 }, {},
    ];
    for (const body of bodies) {
      const res = await t.request('POST', `${BASE}/rulesets`, { token: admin.token, body: body as Record<string, unknown> });
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 120)} → ${res.body.slice(0, 200)}`).toBe(422);
      expect(['rule_invalid', 'validation_failed']).toContain(err(res).code);
    }
    for (const body of [{ limit: 'x' }, { from: 'yesterday' }, { to: '2026-13-40T00:00:00Z' }, { unknown: 1 }]) {
      expect((await t.request('POST', `${BASE}/rulesets/${defaultSet.id}/dry-run`, { token: admin.token, body })).statusCode).toBe(422);
    }
    expect((await t.request('POST', `${BASE}/rulesets/not-an-id/dry-run`, { token: admin.token, body: {} })).statusCode).toBe(404);
    expect((await t.request('POST', `${BASE}/rulesets/00000000-0000-4000-8000-000000000000/activate`, { token: admin.token })).statusCode).toBe(404);
    for (const body of [{}, { complaint: {} }, { complaint: { category: 'nope' } }, { rules: [], ruleSetId: defaultSet.id, complaint: { category: 'other' } }]) {
      expect((await t.request('POST', `${BASE}/test`, { token: admin.token, body })).statusCode).toBe(422);
    }
    expect((await t.request('PUT', `${BASE}/users/00000000-0000-4000-8000-000000000000`, { token: admin.token, body: { team: 'x' } })).statusCode).toBe(404);
    expect((await t.request('PUT', `${BASE}/users/${agent.id}`, { token: admin.token, body: { skills: ['bad skill!'] } })).statusCode).toBe(422);
  });

  it('stored versions are immutable', async () => {
    await expect(t.db.query(`update routing_rule_sets set rules = '[]' where id = $1`, [defaultSet.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query('delete from routing_rule_sets where id = $1', [defaultSet.id])).rejects.toThrow();
  });
});

describe('versions: draft, activate, roll back', () => {
  it('a draft does not route; activating it does; activating the old version rolls back; exactly one is active', async () => {
    const v2 = await saveRules([
      { id: 'refund-cs', name: 'refunds to customer service', when: { all: [{ field: 'category', op: 'eq', value: 'refund' }] }, then: [{ type: 'set_department', department: 'customer_service' }, { type: 'add_tags', tags: ['v2'] }] },
    ], { note: 'try refunds in customer service' });
    expect(v2).toMatchObject({ status: 'draft', warnings: [] });
    expect(v2.version).toBeGreaterThan(1);
    expect((await create({ category: 'refund' })).department).toBe('finance');

    const act = await activate(v2.id);
    expect(act.statusCode, act.body).toBe(200);
    expect(json(act)).toMatchObject({ status: 'active', version: v2.version, previousVersion: 1 });
    const c2 = await create({ category: 'refund' });
    expect(c2).toMatchObject({ department: 'customer_service', tags: ['v2'] });
    expect(await applied(c2.id)).toMatchObject({ version: v2.version, ruleSetId: v2.id });
    // No department rule for logistics in v2: the taxonomy default stands.
    const l2 = await create({ category: 'logistics' });
    expect(l2.department).toBe('logistics');
    expect((await events(l2.id)).find((e) => e.type === 'complaint.routed')!.data.reason).toBe('default department for logistics');

    expect((await activate(defaultSet.id)).statusCode).toBe(200);
    expect((await create({ category: 'refund' })).department).toBe('finance');
    const sets = json<{ items: RuleSet[] }>(await t.request('GET', `${BASE}/rulesets`, { token: supervisor.token })).items;
    expect(sets.filter((s) => s.status === 'active').map((s) => s.version)).toEqual([1]);
    expect(sets.find((s) => s.id === v2.id)!.status).toBe('retired');
    const one = json<RuleSet>(await t.request('GET', `${BASE}/rulesets/${v2.id}`, { token: supervisor.token }));
    expect(one.rules).toHaveLength(1);
    expect((await t.request('GET', `${BASE}/rulesets/00000000-0000-4000-8000-000000000000`, { token: admin.token })).statusCode).toBe(404);
  });

  it('an active version this code cannot read does not stop intake: built-in defaults route, and the event says so', async () => {
    const [row] = await t.db.query<{ id: string }>(
      `insert into routing_rule_sets (version, status, rules, created_at) select max(version) + 1, 'draft', $1, now() from routing_rule_sets returning id`,
      [JSON.stringify([{ id: 'future', name: 'from a newer release', then: [{ type: 'teleport' }] }])],
    );
    await activate(row!.id);
    try {
      const c = await create({ category: 'refund' });
      expect(c.department).toBe('finance');
      const a = await applied(c.id) as unknown as { version: number; ruleSetId: string | null; problem: string };
      expect(a).toMatchObject({ version: 0, ruleSetId: null });
      expect(a.problem).toMatch(/could not be read/);
    } finally {
      await activate(defaultSet.id);
    }
  });

  it('a version activated elsewhere (another instance) is picked up on the next complaint', async () => {
    const v = await saveRules([{ id: 'all-quality', name: 'everything to quality', then: [{ type: 'set_department', department: 'quality' }] }]);
    // As another instance would: straight in the database, not through this process's API.
    await t.db.transaction(async (tx) => {
      await tx.query(`update routing_rule_sets set status = 'retired' where status = 'active'`);
      await tx.query(`update routing_rule_sets set status = 'active', activated_at = now() where id = $1`, [v.id]);
    });
    expect((await create({ category: 'billing' })).department).toBe('quality');
    await activate(defaultSet.id);
    expect((await create({ category: 'billing' })).department).toBe('finance');
  });
});

describe('conditions and actions at intake', () => {
  it('merchant, order status, tier, amount, channel, keywords, time → team, tags, severity, auto-reply', async () => {
    const vip = await t.customer({ tier: 'vip' });
    const [order] = await t.db.query<{ id: string; number: string }>(
      `insert into orders (number, customer_id, amount, status, merchant) values ('O-ROUTE-1', $1, 99, 'shipped', 'acme') returning id, number`,
      [vip.id],
    );
    const v = await saveRules([
      ...(json<RuleSet>(await t.request('GET', `${BASE}/rulesets/${defaultSet.id}`, { token: admin.token })).rules as unknown[]).filter((r) => (r as { id: string }).id !== 'safety-urgent-management'),
      { id: 'acme-shipped', name: 'acme in transit', when: { all: [{ field: 'merchant', op: 'eq', value: 'acme' }, { field: 'order.status', op: 'eq', value: 'shipped' }] }, then: [{ type: 'set_team', team: 'acme-desk' }, { type: 'add_tags', tags: ['acme'] }] },
      { id: 'vip-big', name: 'vip and big amount', when: { all: [{ field: 'customer.tier', op: 'eq', value: 'vip' }, { field: 'amount', op: 'gte', value: 500 }] }, then: [{ type: 'raise_severity', to: 'urgent' }] },
      { id: 'lawyer', name: 'legal words', when: { all: [{ field: 'text', op: 'contains_any', value: ['律师', 'lawyer'] }, { field: 'channel', op: 'in', value: ['email', 'web'] }] }, then: [{ type: 'add_tags', tags: ['legal'] }, { type: 'set_department', department: 'management' }] },
      { id: 'office-hours', name: 'Shanghai office hours', when: { all: [{ field: 'time.hour', op: 'between', value: [9, 18] }, { field: 'time.weekday', op: 'in', value: ['mon', 'tue', 'wed', 'thu', 'fri'] }] }, then: [{ type: 'add_tags', tags: ['office_hours'] }] },
      { id: 'faq', name: 'where is my parcel', when: { all: [{ field: 'department', op: 'eq', value: 'logistics' }] }, then: [{ type: 'auto_reply_article', articleSlug: 'where-is-my-parcel' }] },
    ], { activate: true });
    try {
      const res = await t.request('POST', '/api/v1/complaints', {
        token: agent.token,
        body: { channel: 'email', subject: '包裹', description: '包裹还没到，我要找律师', customerId: vip.id, orderId: order!.number, category: 'logistics', severity: 'general', amount: 800 },
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = json<Complaint>(res);
      expect(c).toMatchObject({ severity: 'urgent', department: 'management' });
      expect(c.tags.sort()).toEqual(['acme', 'legal', 'office_hours']);
      const [row] = await t.db.query<{ team: string }>('select team from complaints where id = $1', [c.id]);
      expect(row!.team).toBe('acme-desk');
      const a = await applied(c.id);
      expect(a.fired.map((f) => f.ruleId)).toEqual(['category-logistics', 'acme-shipped', 'vip-big', 'lawyer', 'office-hours']);
      expect(a.changes).toMatchObject({ severity: { from: 'serious', to: 'urgent' }, team: 'acme-desk', department: { from: 'logistics', to: 'management' } });
      // 'faq' did not fire: the lawyer rule had already moved it out of logistics.
      expect((await events(c.id)).some((e) => e.type === 'routing.auto_reply_requested')).toBe(false);
      const plain = await create({ category: 'logistics', customerId: customer.id });
      const evs = await events(plain.id);
      expect(evs.find((e) => e.type === 'routing.auto_reply_requested')!.data).toMatchObject({ articleSlug: 'where-is-my-parcel', ruleId: 'faq', version: v.version });
      expect(plain.tags).toEqual(['office_hours']);
    } finally {
      await activate(defaultSet.id);
    }
  });

  it('notify named users', async () => {
    const watcher = await t.user('supervisor');
    await saveRules([{ id: 'watch', name: 'watch billing', when: { all: [{ field: 'category', op: 'eq', value: 'billing' }] }, then: [{ type: 'notify', users: [watcher.id], message: 'billing complaint' }] }], { activate: true });
    try {
      const c = await create({ category: 'billing' });
      const rows = await t.db.query<{ title: string; kind: string }>('select title, kind from notifications where user_id = $1 and complaint_id = $2', [watcher.id, c.id]);
      expect(rows).toEqual([{ title: 'billing complaint', kind: 'routing' }]);
      expect((await events(c.id)).find((e) => e.type === 'notification.staff')!.data).toMatchObject({ recipients: [watcher.id], kind: 'routing' });
    } finally {
      await activate(defaultSet.id);
    }
  });
});

describe('assignment', () => {
  async function teamOf(team: string, n: number, skills: string[][] = []): Promise<User[]> {
    const users: User[] = [];
    for (let i = 0; i < n; i++) {
      const u = await t.user('agent');
      const res = await t.request('PUT', `${BASE}/users/${u.id}`, { token: admin.token, body: { team, skills: skills[i] ?? [] } });
      expect(res.statusCode, res.body).toBe(200);
      users.push(u);
    }
    return users.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  it('round robin is fair: 9 complaints over 3 agents → 3 each, in turn', async () => {
    const team = await teamOf('rr', 3);
    await saveRules([{ id: 'rr', name: 'round robin', then: [{ type: 'assign', strategy: 'round_robin', team: 'rr' }] }], { activate: true });
    try {
      const picked: string[] = [];
      for (let i = 0; i < 9; i++) picked.push((await create()).assignee!.id);
      const ids = team.map((u) => u.id);
      expect(picked).toEqual([...ids, ...ids, ...ids]);
      const last = await create();
      expect((await events(last.id)).find((e) => e.type === 'complaint.assigned')!.data).toMatchObject({ from: null, to: ids[0] });
    } finally {
      await activate(defaultSet.id);
    }
  });

  it('least loaded picks the agent with the fewest open complaints', async () => {
    const [a, b, c] = await teamOf('ll', 3);
    const give = async (u: User, n: number) => {
      for (let i = 0; i < n; i++) {
        const x = await create();
        await t.db.query('update complaints set assignee_id = $1 where id = $2', [u.id, x.id]);
      }
    };
    await give(a!, 2);
    await give(c!, 1);
    // b's one complaint is closed: it does not count.
    await give(b!, 1);
    await t.db.query(`update complaints set status = 'closed' where assignee_id = $1`, [b!.id]);
    await saveRules([{ id: 'll', name: 'least loaded', then: [{ type: 'assign', strategy: 'least_loaded', team: 'll' }] }], { activate: true });
    try {
      expect((await create()).assignee!.id).toBe(b!.id);
      // now a 2, b 1, c 1 → the tie goes to the lower id of b and c
      const next = (await create()).assignee!.id;
      expect(next).toBe([b!.id, c!.id].sort()[0]);
    } finally {
      await activate(defaultSet.id);
    }
  });

  it('by skill picks among agents with every skill, and the routed department pool', async () => {
    await teamOf('sk', 2, [['refund', 'zh'], ['en']]);
    await saveRules([{ id: 'sk', name: 'refund skill', when: { all: [{ field: 'category', op: 'eq', value: 'refund' }] }, then: [{ type: 'assign', strategy: 'by_skill', team: 'sk', skills: ['refund'] }] }], { activate: true });
    try {
      const withSkill = (await t.db.query<{ id: string }>(`select id from users where team = 'sk' and skills @> '{refund}'`))[0]!.id;
      expect((await create({ category: 'refund' })).assignee!.id).toBe(withSkill);
      expect((await create({ category: 'refund' })).assignee!.id).toBe(withSkill);
      expect((await create({ category: 'logistics' })).assignee).toBeNull();
    } finally {
      await activate(defaultSet.id);
    }
  });

  it('an empty pool assigns nobody', async () => {
    await saveRules([{ id: 'none', name: 'nobody', then: [{ type: 'assign', strategy: 'round_robin', team: 'ghosts' }] }], { activate: true });
    try {
      const c = await create();
      expect(c.assignee).toBeNull();
      expect((await applied(c.id)).changes.assigneeId).toBeNull();
    } finally {
      await activate(defaultSet.id);
    }
  });
});

describe('dry run and test', () => {
  it('replays a version over past complaints, shows what would change, and writes nothing', async () => {
    const refund = await create({ category: 'refund', subject: 'dry-run refund' });
    const candidate = await saveRules([
      { id: 'refund-cs', name: 'refunds to customer service', when: { all: [{ field: 'category', op: 'eq', value: 'refund' }] }, then: [{ type: 'set_department', department: 'customer_service' }, { type: 'add_tags', tags: ['replayed'] }] },
      { id: 'rr-dry', name: 'round robin', when: { all: [{ field: 'category', op: 'eq', value: 'refund' }] }, then: [{ type: 'assign', strategy: 'round_robin', team: 'rr' }] },
    ]);
    const snapshot = async () => ({
      events: await countOf('select count(*)::int as n from complaint_events'),
      cursors: await t.db.query('select pool_key, n::text as n from routing_cursors order by pool_key'),
      complaints: await t.db.query('select id, department_id, severity, tags, assignee_id, updated_at from complaints order by id'),
      notifications: await countOf('select count(*)::int as n from notifications'),
      sets: await t.db.query('select id, status from routing_rule_sets order by version'),
    });
    const before = await snapshot();
    const res = await t.request('POST', `${BASE}/rulesets/${candidate.id}/dry-run`, { token: supervisor.token, body: { limit: 1000 } });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ ruleSet: { version: number }; totals: Record<string, unknown> & { replayed: number; changed: number; department: number; assignee: number; rulesFired: Record<string, number> }; items: Array<{ number: string; changed: boolean; changes: Record<string, { actual: unknown; wouldBe: unknown }> }> }>(res);
    const refunds = await countOf(`select count(*)::int as n from complaints where category = 'refund'`);
    expect(body.ruleSet.version).toBe(candidate.version);
    expect(body.totals.replayed).toBe(await countOf('select count(*)::int as n from complaints'));
    expect(body.totals.rulesFired['refund-cs']).toBe(refunds);
    expect(body.totals.department).toBeGreaterThanOrEqual(await countOf(`select count(*)::int as n from complaints c join departments d on d.id = c.department_id where category = 'refund' and d.code <> 'customer_service'`));
    const item = body.items.find((i) => i.number === refund.number)!;
    expect(item.changes.department).toEqual({ actual: 'finance', wouldBe: 'customer_service' });
    expect(item.changes.tags!.wouldBe).toEqual(expect.arrayContaining(['replayed']));
    expect(item.changes.assignee!.wouldBe).toEqual(expect.any(String));
    // Complaints the rule set leaves alone are listed as unchanged (or left out with onlyChanged).
    expect(body.items.some((i) => !i.changed)).toBe(true);
    const only = json<{ items: Array<{ changed: boolean }> }>(await t.request('POST', `${BASE}/rulesets/${candidate.id}/dry-run`, { token: admin.token, body: { onlyChanged: true } }));
    expect(only.items.length).toBeGreaterThan(0);
    expect(only.items.every((i) => i.changed)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('a time window limits the replay', async () => {
    const later = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const res = await t.request('POST', `${BASE}/rulesets/${defaultSet.id}/dry-run`, { token: admin.token, body: { from: later } });
    expect(json<{ totals: { replayed: number } }>(res).totals.replayed).toBe(0);
    const bad = await t.request('POST', `${BASE}/rulesets/${defaultSet.id}/dry-run`, { token: admin.token, body: { limit: 0 } });
    expect(bad.statusCode).toBe(422);
  });

  it('evaluates inline rules, a version or the active set on an ad-hoc complaint', async () => {
    const active = await t.request('POST', `${BASE}/test`, { token: supervisor.token, body: { complaint: { category: 'safety', subject: 'smoke', description: 'smoke from the charger' } } });
    expect(active.statusCode, active.body).toBe(200);
    expect(json(active)).toMatchObject({ ruleSet: { version: 1 }, severity: 'urgent', department: 'management', stoppedBy: 'safety-urgent-management' });
    const inline = await t.request('POST', `${BASE}/test`, {
      token: admin.token,
      body: {
        rules: [{ id: 'angry', name: 'angry → serious', when: { all: [{ field: 'emotion.anger', op: 'gte', value: 0.6 }] }, then: [{ type: 'raise_severity', to: 'serious' }, { type: 'assign', strategy: 'round_robin', team: 'rr' }] }],
        complaint: { category: 'service_attitude', emotion: { anger: 0.8, urgency: 0, threat: 0, intensity: 0.8 } },
      },
    });
    expect(inline.statusCode, inline.body).toBe(200);
    expect(json(inline)).toMatchObject({ severity: 'serious', department: 'customer_service', fired: [{ ruleId: 'angry' }], assignee: { userId: expect.any(String) as unknown } });
    const bad = await t.request('POST', `${BASE}/test`, { token: admin.token, body: { rules: [{ id: 'x', name: 'x', when: { all: [{ field: 'weather', op: 'eq', value: 'rain' }] }, then: [{ type: 'add_tags', tags: ['x'] }] }], complaint: { category: 'other' } } });
    expect(err(bad)).toMatchObject({ code: 'rule_invalid', details: [expect.objectContaining({ ruleId: 'x', reason: 'unknown_field' })] });
  });
});

describe('two instances on one PostgreSQL', () => {
  it('an activation on one instance applies on the other at once; concurrent round robin stays fair', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design
    const { a, b, stop } = await startTwoInstances(t.dbUrl!, t.clock, { scheduler: false });
    const post = (inst: RunningServer, url: string, token: string, body: unknown) =>
      inst.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const intake = async (inst: RunningServer, category = 'logistics') => {
      const res = await post(inst, '/api/v1/complaints', agent.token, { channel: 'web', subject: 's', description: 'd', customerId: customer.id, category, severity: 'general' });
      expect(res.statusCode, res.body).toBe(201);
      return json<Complaint>(res);
    };
    try {
      expect((await intake(b, 'billing')).department).toBe('finance');
      const pair: User[] = [await t.user('agent'), await t.user('agent')];
      for (const u of pair) await t.request('PUT', `${BASE}/users/${u.id}`, { token: admin.token, body: { team: 'duo' } });
      const saved = await post(a, `${BASE}/rulesets`, admin.token, {
        rules: [{ id: 'duo', name: 'billing to quality, round robin', when: { all: [{ field: 'category', op: 'eq', value: 'billing' }] }, then: [{ type: 'set_department', department: 'quality' }, { type: 'assign', strategy: 'round_robin', team: 'duo' }] }],
        activate: true,
      });
      expect(saved.statusCode, saved.body).toBe(201);
      // b never saw the activation request: its next complaint still follows the new version
      const first = await intake(b, 'billing');
      expect(first.department).toBe('quality');
      const rest = await Promise.all(Array.from({ length: 9 }, (_, i) => intake(i % 2 ? a : b, 'billing')));
      const counts = new Map<string, number>();
      for (const c of [first, ...rest]) counts.set(c.assignee!.id, (counts.get(c.assignee!.id) ?? 0) + 1);
      expect([...counts.values()]).toEqual([5, 5]);
    } finally {
      await stop();
      await activate(defaultSet.id);
    }
  });
});
