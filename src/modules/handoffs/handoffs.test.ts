import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../clock.js';
import { openPostgres } from '../../db/postgres-database.js';
import { startServer } from '../../server/start-server.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { createTestApp, json, testConfig, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { runHandoffSweep } from './handoff-sweep.js';

type Person = { id: string; name: string | null } | null;
type Handoff = {
  id: string; complaintId: string; complaintStatus: string; department: string; status: string; note: string;
  sequence: number; transfers: number; pingPong: boolean; requestedBy: Person; requestedAt: string;
  forwardDueAt: string; answerDueAt: string; dueAt: string | null; overdue: boolean; forwardOverdue: boolean; answerOverdue: boolean;
  acknowledgedAt: string | null; acknowledgedBy: Person; answeredAt: string | null; answer: string | null; outcome: string | null;
  answerMessageId: string | null; cancelledAt: string | null; cancelReason: string | null;
};
type Complaint = { id: string; status: string; department: string | null; pingPong: boolean };
type EventItem = { id: string; type: string; lane: string; at: string; actor: { kind: string; id: string | null; role: string | null }; data: Record<string, unknown> };
type List<T> = { items: T[]; nextCursor: string | null };
type User = { id: string; token: string };

const MIN = 60_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let admin: User;
let supervisor: User;
let agent: User;
let analyst: User;
let logistics: User;
let finance: User;
let quality: User;
let customer: User;
let otherCustomer: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  analyst = await t.user('analyst');
  logistics = await t.user('department_staff', { department: 'logistics' });
  finance = await t.user('department_staff', { department: 'finance' });
  quality = await t.user('department_staff', { department: 'quality' });
  customer = await t.customer();
  otherCustomer = await t.customer();
});
afterAll(() => t.stop());

const errorCode = (res: LightMyRequestResponse) => `${res.statusCode} ${json<{ error: { code: string } }>(res).error.code}`;

async function createComplaint(app: TestApp, token: string, extra: Record<string, unknown> = {}): Promise<Complaint> {
  const res = await app.request('POST', '/api/v1/complaints', {
    token,
    body: {
      channel: 'phone', subject: 'Parcel stuck', description: 'Stuck for a week', category: 'logistics',
      ...(app === t ? { customerId: customer.id } : { customer: { name: 'Elsewhere' } }), ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}

/** A complaint the agent has picked up (in_progress), ready to hand off. */
async function workedComplaint(extra: Record<string, unknown> = {}): Promise<Complaint> {
  const c = await createComplaint(t, agent.token, extra);
  const res = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'in_progress' } });
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

const handOff = (app: TestApp, token: string, complaintId: string, body: Record<string, unknown>) =>
  app.request('POST', `/api/v1/complaints/${complaintId}/handoffs`, { token, body });

async function handOffOk(complaintId: string, department: string, body: Record<string, unknown> = {}, app = t, token = agent.token): Promise<Handoff> {
  const res = await handOff(app, token, complaintId, { department, note: `Please check (${department})`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<Handoff>(res);
}

const act = (id: string, step: 'acknowledge' | 'answer' | 'cancel', token: string, body?: Record<string, unknown>) =>
  t.request('POST', `/api/v1/handoffs/${id}/${step}`, {
    token, body: body ?? (step === 'answer' ? { answer: 'Checked and fixed.' } : step === 'cancel' ? { reason: 'not needed' } : undefined),
  });

async function actOk(id: string, step: 'acknowledge' | 'answer' | 'cancel', token: string, body?: Record<string, unknown>): Promise<Handoff> {
  const res = await act(id, step, token, body);
  expect(res.statusCode, res.body).toBe(200);
  return json<Handoff>(res);
}

const getComplaint = async (id: string, token = agent.token) => json<Complaint>(await t.request('GET', `/api/v1/complaints/${id}`, { token }));
const events = async (app: TestApp, id: string, token: string) =>
  json<List<EventItem>>(await app.request('GET', `/api/v1/complaints/${id}/events`, { token })).items;
const queue = async (token: string, query = '') => json<List<Handoff>>(await t.request('GET', `/api/v1/handoffs?limit=200${query}`, { token }));
const overdueEvents = async (app: TestApp, complaintId: string) =>
  (await events(app, complaintId, admin.token)).filter((e) => e.type === 'handoff.forward_overdue' || e.type === 'handoff.answer_overdue');
const at = (iso: string, plusMs: number) => new Date(new Date(iso).getTime() + plusMs).toISOString();

describe('hand-off flow', () => {
  it('requests, acknowledges and answers; the case goes back to the front line; every step is a backstage event', async () => {
    const c = await workedComplaint();
    const requested = await handOffOk(c.id, 'finance', { note: 'Refund the delivery fee?' });
    const now = t.clock.now().toISOString();
    expect(requested).toMatchObject({
      complaintId: c.id, department: 'finance', status: 'open', note: 'Refund the delivery fee?', sequence: 1, transfers: 1,
      pingPong: false, requestedBy: { id: agent.id }, requestedAt: now, complaintStatus: 'awaiting_department',
      forwardDueAt: at(now, 10 * MIN), answerDueAt: at(now, 120 * MIN), dueAt: at(now, 10 * MIN), overdue: false,
    });
    // the complaint waits for the department; its owner department is unchanged
    expect(await getComplaint(c.id)).toMatchObject({ status: 'awaiting_department', department: 'logistics', pingPong: false });

    // the finance queue has it; finance staff may now see the complaint behind it
    expect((await queue(finance.token, '&status=open')).items.map((h) => h.id)).toContain(requested.id);
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: finance.token })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: finance.token })).statusCode).toBe(200);
    const financeList = json<List<Complaint>>(await t.request('GET', '/api/v1/complaints?limit=200', { token: finance.token })).items;
    expect(financeList.map((x) => x.id)).toContain(c.id);

    t.clock.advance(3 * MIN);
    const acked = await actOk(requested.id, 'acknowledge', finance.token);
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: finance.id }, dueAt: requested.answerDueAt, forwardOverdue: false });

    t.clock.advance(30 * MIN);
    const answered = await actOk(requested.id, 'answer', finance.token, { answer: 'Delivery fee refunded: 12 CNY.', outcome: 'action_taken' });
    expect(answered).toMatchObject({ status: 'answered', answer: 'Delivery fee refunded: 12 CNY.', outcome: 'action_taken', dueAt: null, answerOverdue: false, complaintStatus: 'in_progress' });
    expect(await getComplaint(c.id)).toMatchObject({ status: 'in_progress', department: 'logistics' });

    // the answer is in the conversation as an internal note
    const messages = json<List<{ id: string; kind: string; body: string; author: { id: string } }>>(
      await t.request('GET', `/api/v1/complaints/${c.id}/messages`, { token: agent.token })).items;
    const note = messages.find((m) => m.id === answered.answerMessageId);
    expect(note).toMatchObject({ kind: 'internal_note', body: 'Delivery fee refunded: 12 CNY.', author: { id: finance.id } });

    const evs = await events(t, c.id, admin.token);
    const steps = evs.filter((e) => e.type.startsWith('handoff.') || e.type === 'complaint.status_changed' || e.type === 'message.internal_note');
    expect(steps.map((e) => `${e.type}:${e.lane}:${e.actor.role}`)).toEqual([
      'complaint.status_changed:frontstage:agent', // new → in_progress by the agent
      'handoff.requested:backstage:agent',
      'complaint.status_changed:frontstage:agent', // → awaiting_department
      'handoff.acknowledged:backstage:department_staff',
      'message.internal_note:backstage:department_staff',
      'handoff.answered:backstage:department_staff',
      'complaint.status_changed:backstage:department_staff', // back to in_progress
    ]);
    expect(steps.at(-1)!.data).toMatchObject({ from: 'awaiting_department', to: 'in_progress' });
    expect(evs.find((e) => e.type === 'handoff.answered')!.data).toMatchObject({
      handoffId: requested.id, department: 'finance', outcome: 'action_taken', withinDeadline: true, returnedToFrontLine: true,
    });
    expect(evs.filter((e) => e.type.startsWith('handoff.')).every((e) => e.lane === 'backstage')).toBe(true);

    // after the answer, finance still sees the complaint they answered on
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: finance.token })).statusCode).toBe(200);
  });

  it('the customer never sees hand-off events, the note or the answer', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'quality', { note: 'SECRET-NOTE inspect batch' });
    await actOk(h.id, 'answer', quality.token, { answer: 'SECRET-ANSWER batch recalled' });
    const res = await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: customer.token });
    expect(res.statusCode).toBe(200);
    const mine = json<List<EventItem>>(res).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((e) => e.type.startsWith('handoff.') || e.lane === 'backstage' || e.lane === 'support')).toBe(false);
    expect(res.body).not.toContain('SECRET');
    const msgs = await t.request('GET', `/api/v1/complaints/${c.id}/messages`, { token: customer.token });
    expect(msgs.body).not.toContain('SECRET');
    expect(json<List<EventItem>>(await t.request('GET', `/api/v1/complaints/${c.id}/events?lane=backstage`, { token: customer.token })).items).toEqual([]);
  });

  it('a new complaint passes through in_progress; an answer to an unacknowledged task acknowledges it first', async () => {
    const c = await createComplaint(t, agent.token);
    const h = await handOffOk(c.id, 'technology');
    expect(h.complaintStatus).toBe('awaiting_department');
    const answered = await actOk(h.id, 'answer', admin.token, { answer: 'Cache cleared.' });
    expect(answered.acknowledgedAt).toBe(answered.answeredAt);
    const types = (await events(t, c.id, admin.token)).map((e) => e.type);
    expect(types.filter((x) => x.startsWith('handoff.'))).toEqual(['handoff.requested', 'handoff.acknowledged', 'handoff.answered']);
    const ack = (await events(t, c.id, admin.token)).find((e) => e.type === 'handoff.acknowledged')!;
    expect(ack.data).toMatchObject({ implicit: true, withinDeadline: true });
  });

  it('with two open tasks the complaint waits until the last is answered or cancelled', async () => {
    const c = await workedComplaint();
    const a = await handOffOk(c.id, 'finance');
    const b = await handOffOk(c.id, 'quality');
    expect(b.sequence).toBe(2);
    await actOk(a.id, 'answer', finance.token);
    expect((await getComplaint(c.id)).status).toBe('awaiting_department');
    const cancelled = await actOk(b.id, 'cancel', agent.token, { reason: 'finance settled it' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'finance settled it', dueAt: null });
    expect((await getComplaint(c.id)).status).toBe('in_progress');
    const evs = await events(t, c.id, admin.token);
    expect(evs.find((e) => e.type === 'handoff.answered')!.data.returnedToFrontLine).toBe(false);
    expect(evs.find((e) => e.type === 'handoff.cancelled')).toMatchObject({ lane: 'backstage', data: { reason: 'finance settled it', returnedToFrontLine: true } });
    // a cancelled task no longer opens the complaint to that department
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: quality.token })).statusCode).toBe(404);
  });

  it('the queue is sorted by nearest deadline, filters by status, department and overdue, and pages', async () => {
    const c = await workedComplaint();
    const late = await handOffOk(c.id, 'management', { answerWithinMinutes: 300 });
    // management picks up fast: forward within 2 min
    const res = await t.request('PATCH', `/api/v1/departments/${await t.departmentId('management')}`, { token: admin.token, body: { handoffForwardMinutes: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    const soon = await handOffOk(c.id, 'management');
    const items = (await queue(admin.token, '&department=management&status=open')).items;
    expect(items.map((h) => h.id).slice(0, 2)).toEqual([soon.id, late.id]);
    const dues = items.map((h) => h.dueAt!);
    expect([...dues].sort()).toEqual(dues);
    // pages of one follow the same order
    const firstPage = json<List<Handoff>>(await t.request('GET', '/api/v1/handoffs?department=management&status=open&limit=1', { token: admin.token }));
    expect(firstPage.items.map((h) => h.id)).toEqual([soon.id]);
    const second = json<List<Handoff>>(await t.request('GET', `/api/v1/handoffs?department=management&status=open&limit=1&cursor=${firstPage.nextCursor}`, { token: admin.token }));
    expect(second.items.map((h) => h.id)).toEqual([late.id]);

    t.clock.advance(5 * MIN); // soon's forward deadline (2 min) passed; late's (10 min) not
    const overdue = (await queue(admin.token, '&department=management&overdue=true')).items.map((h) => h.id);
    expect(overdue).toContain(soon.id);
    expect(overdue).not.toContain(late.id);
    const notOverdue = (await queue(admin.token, '&department=management&overdue=false')).items.map((h) => h.id);
    expect(notOverdue).toContain(late.id);
    expect(notOverdue).not.toContain(soon.id);
    expect((await queue(admin.token, `&complaintId=${c.id}&status=answered`)).items).toEqual([]);
    await t.request('PATCH', `/api/v1/departments/${await t.departmentId('management')}`, { token: admin.token, body: { handoffForwardMinutes: 10 } });
  });
});

describe('deadlines from the department settings', () => {
  it('uses the defaults (10 min / 2 h), the department’s own figures, and a per-task answer deadline', async () => {
    const c = await workedComplaint();
    const dflt = await handOffOk(c.id, 'logistics');
    expect(new Date(dflt.forwardDueAt).getTime() - new Date(dflt.requestedAt).getTime()).toBe(10 * MIN);
    expect(new Date(dflt.answerDueAt).getTime() - new Date(dflt.requestedAt).getTime()).toBe(120 * MIN);

    const res = await t.request('POST', '/api/v1/departments', { token: admin.token, body: { code: 'legal', name: 'Legal', handoffForwardMinutes: 30, handoffAnswerMinutes: 480 } });
    expect(res.statusCode, res.body).toBe(201);
    const custom = await handOffOk(c.id, 'legal');
    expect(new Date(custom.forwardDueAt).getTime() - new Date(custom.requestedAt).getTime()).toBe(30 * MIN);
    expect(new Date(custom.answerDueAt).getTime() - new Date(custom.requestedAt).getTime()).toBe(480 * MIN);

    const rushed = await handOffOk(c.id, 'legal', { answerWithinMinutes: 45 });
    expect(new Date(rushed.forwardDueAt).getTime() - new Date(rushed.requestedAt).getTime()).toBe(30 * MIN);
    expect(new Date(rushed.answerDueAt).getTime() - new Date(rushed.requestedAt).getTime()).toBe(45 * MIN);
    const req = (await events(t, c.id, admin.token)).filter((e) => e.type === 'handoff.requested').at(-1)!;
    expect(req.data).toMatchObject({ handoffId: rushed.id, department: 'legal', forwardDueAt: rushed.forwardDueAt, answerDueAt: rushed.answerDueAt });
  });
});

describe('durable overdue sweep', () => {
  it('writes handoff.forward_overdue and handoff.answer_overdue exactly once each, at the deadline instant', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'logistics');
    t.clock.advance(10 * MIN);
    await runHandoffSweep(t.server.ctx); // exactly at the deadline: not missed yet
    expect(await overdueEvents(t, c.id)).toEqual([]);
    t.clock.advance(1 * MIN);
    await runHandoffSweep(t.server.ctx);
    await runHandoffSweep(t.server.ctx);
    await Promise.all([runHandoffSweep(t.server.ctx), runHandoffSweep(t.server.ctx), runHandoffSweep(t.server.ctx)]);
    let evs = await overdueEvents(t, c.id);
    expect(evs.map((e) => e.type)).toEqual(['handoff.forward_overdue']);
    expect(evs[0]).toMatchObject({ lane: 'backstage', at: h.forwardDueAt, actor: { kind: 'system' }, data: { handoffId: h.id, department: 'logistics', dueAt: h.forwardDueAt } });
    const view = json<Handoff>(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: logistics.token }));
    expect(view).toMatchObject({ overdue: true, forwardOverdue: true, answerOverdue: false });

    t.clock.advance(3 * 60 * MIN);
    await Promise.all([runHandoffSweep(t.server.ctx), runHandoffSweep(t.server.ctx)]);
    await runHandoffSweep(t.server.ctx);
    evs = await overdueEvents(t, c.id);
    expect(evs.map((e) => `${e.type}@${e.at}`)).toEqual([`handoff.forward_overdue@${h.forwardDueAt}`, `handoff.answer_overdue@${h.answerDueAt}`]);
    const [row] = await t.db.query<{ next: Date | null }>('select next_check_at as next from handoffs where id = $1', [h.id]);
    expect(row!.next).toBeNull();

    // acting late afterwards adds no second overdue event
    await actOk(h.id, 'acknowledge', logistics.token);
    await actOk(h.id, 'answer', logistics.token);
    await runHandoffSweep(t.server.ctx);
    expect(await overdueEvents(t, c.id)).toHaveLength(2);
    const answered = (await events(t, c.id, admin.token)).find((e) => e.type === 'handoff.answered')!;
    expect(answered.data.withinDeadline).toBe(false);
  });

  it('a late acknowledgement before any sweep still records the missed forward deadline, once, before it', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'finance');
    t.clock.advance(15 * MIN);
    const acked = await actOk(h.id, 'acknowledge', finance.token);
    expect(acked.forwardOverdue).toBe(true);
    await runHandoffSweep(t.server.ctx);
    const evs = (await events(t, c.id, admin.token)).filter((e) => e.type.startsWith('handoff.'));
    expect(evs.map((e) => e.type)).toEqual(['handoff.requested', 'handoff.forward_overdue', 'handoff.acknowledged']);
    expect(evs[1]!.at).toBe(h.forwardDueAt);
    expect(evs[2]!.data.withinDeadline).toBe(false);
  });

  it('writes nothing for deadlines that were met, or for a cancelled task', async () => {
    const c = await workedComplaint();
    const met = await handOffOk(c.id, 'quality');
    const dropped = await handOffOk(c.id, 'finance');
    t.clock.advance(5 * MIN);
    await actOk(met.id, 'acknowledge', quality.token);
    await actOk(dropped.id, 'cancel', agent.token);
    t.clock.advance(60 * MIN);
    await actOk(met.id, 'answer', quality.token);
    t.clock.advance(5 * 60 * MIN);
    await runHandoffSweep(t.server.ctx);
    expect(await overdueEvents(t, c.id)).toEqual([]);
    const rows = await t.db.query<{ next: Date | null }>('select next_check_at as next from handoffs where complaint_id = $1', [c.id]);
    expect(rows.every((r) => r.next === null)).toBe(true);
  });
});

describe('permissions', () => {
  it("another department's staff get 404 for the task and the complaint; the queue never shows it", async () => {
    const c = await workedComplaint({ category: 'billing' }); // finance's complaint
    const h = await handOffOk(c.id, 'quality');
    for (const [method, url, body] of [
      ['GET', `/api/v1/handoffs/${h.id}`, undefined],
      ['POST', `/api/v1/handoffs/${h.id}/acknowledge`, undefined],
      ['POST', `/api/v1/handoffs/${h.id}/answer`, { answer: 'x' }],
      ['POST', `/api/v1/handoffs/${h.id}/cancel`, { reason: 'x' }],
    ] as const) {
      const theirs = await t.request(method, url, { token: logistics.token, body });
      const missing = await t.request(method, url.replace(h.id, NO_SUCH_ID), { token: logistics.token, body });
      expect(errorCode(theirs), `${method} ${url}`).toBe('404 not_found');
      expect(theirs.body).toBe(missing.body);
    }
    expect((await queue(logistics.token)).items.map((x) => x.id)).not.toContain(h.id);
    expect((await queue(logistics.token, '&department=quality')).items).toEqual([]);
    expect(errorCode(await t.request('GET', `/api/v1/complaints/${c.id}`, { token: logistics.token }))).toBe('404 not_found');
    // department staff list only their own department's tasks
    expect((await queue(quality.token)).items.every((x) => x.department === 'quality')).toBe(true);
    const orphan = await t.user('department_staff');
    expect((await queue(orphan.token)).items).toEqual([]);
    expect(errorCode(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: orphan.token }))).toBe('404 not_found');
    // the task stays untouched
    expect(json<Handoff>(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: quality.token })).status).toBe('open');
  });

  it('analysts read but may not act (403); customers may not use hand-offs at all', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'finance');
    expect((await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: analyst.token })).statusCode).toBe(200);
    expect((await queue(analyst.token)).items.map((x) => x.id)).toContain(h.id);
    expect(errorCode(await handOff(t, analyst.token, c.id, { department: 'finance', note: 'x' }))).toBe('403 forbidden');
    for (const step of ['acknowledge', 'answer', 'cancel'] as const) {
      expect(errorCode(await act(h.id, step, analyst.token)), step).toBe('403 forbidden');
      expect(errorCode(await act(h.id, step, customer.token)), step).toBe('403 forbidden');
    }
    expect(errorCode(await t.request('GET', '/api/v1/handoffs', { token: customer.token }))).toBe('403 forbidden');
    expect(errorCode(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: customer.token }))).toBe('403 forbidden');
    // on their own complaint a customer is refused; on someone else's it does not exist for them
    expect(errorCode(await handOff(t, customer.token, c.id, { department: 'finance', note: 'x' }))).toBe('403 forbidden');
    expect(errorCode(await handOff(t, otherCustomer.token, c.id, { department: 'finance', note: 'x' }))).toBe('404 not_found');
    expect(json<Handoff>(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: admin.token })).status).toBe('open');
  });

  it('the department acknowledges and answers, the front line asks and cancels', async () => {
    const c = await workedComplaint();
    // department staff may not hand off, even a complaint of their own department
    expect(errorCode(await handOff(t, logistics.token, c.id, { department: 'finance', note: 'x' }))).toBe('403 forbidden');
    const h = await handOffOk(c.id, 'finance', {}, t, supervisor.token);
    expect(errorCode(await act(h.id, 'acknowledge', agent.token))).toBe('403 forbidden');
    expect(errorCode(await act(h.id, 'answer', agent.token))).toBe('403 forbidden');
    expect(errorCode(await act(h.id, 'cancel', finance.token))).toBe('403 forbidden');
    await actOk(h.id, 'acknowledge', supervisor.token);
    await actOk(h.id, 'answer', admin.token);
    const other = await handOffOk(c.id, 'finance', {}, t, admin.token);
    await actOk(other.id, 'cancel', agent.token);
  });
});

describe('bad input', () => {
  it('a transfer to a missing department answers 422 unknown_department and changes nothing', async () => {
    const c = await workedComplaint();
    const before = await events(t, c.id, admin.token);
    const res = await handOff(t, agent.token, c.id, { department: 'atlantis', note: 'please' });
    expect(errorCode(res)).toBe('422 validation_failed');
    const { details } = json<{ error: { details: Array<Record<string, unknown>> } }>(res).error;
    expect(details[0]).toMatchObject({ path: 'body.department', code: 'unknown_department', value: 'atlantis' });
    expect(details[0]!.known).toEqual(expect.arrayContaining(['finance', 'logistics']));
    expect((await getComplaint(c.id)).status).toBe('in_progress');
    expect(await events(t, c.id, admin.token)).toEqual(before);
    expect((await queue(admin.token, `&complaintId=${c.id}`)).items).toEqual([]);
  });

  it('rejects malformed requests with 422', async () => {
    const c = await workedComplaint();
    const bodies: Array<Record<string, unknown>> = [
      {},
      { department: 'finance' },
      { department: 'finance', note: '   ' },
      { department: 'finance', note: 'x', answerWithinMinutes: 0 },
      { department: 'finance', note: 'x', answerWithinMinutes: 1.5 },
      { department: 'finance', note: 'x', extra: true },
      { department: 'finance\nquality', note: 'x' },
    ];
    for (const body of bodies) expect(errorCode(await handOff(t, agent.token, c.id, body)), JSON.stringify(body)).toBe('422 validation_failed');
    const h = await handOffOk(c.id, 'finance');
    expect(errorCode(await act(h.id, 'answer', finance.token, { answer: '' }))).toBe('422 validation_failed');
    expect(errorCode(await act(h.id, 'answer', finance.token, { answer: 'x', outcome: 'shrug' }))).toBe('422 validation_failed');
    expect(errorCode(await act(h.id, 'cancel', agent.token, {}))).toBe('422 validation_failed');
    expect(errorCode(await t.request('GET', '/api/v1/handoffs?status=lost', { token: admin.token }))).toBe('422 validation_failed');
    expect(errorCode(await t.request('GET', '/api/v1/handoffs?cursor=forged', { token: admin.token }))).toBe('422 validation_failed');
  });

  it('answering twice or acting on a cancelled task answers 409 conflict', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'finance');
    await actOk(h.id, 'answer', finance.token, { answer: 'first' });
    for (const step of ['answer', 'acknowledge', 'cancel'] as const) {
      expect(errorCode(await act(h.id, step, step === 'cancel' ? agent.token : finance.token)), step).toBe('409 conflict');
    }
    const view = json<Handoff>(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: admin.token }));
    expect(view).toMatchObject({ status: 'answered', answer: 'first' });
    expect((await events(t, c.id, admin.token)).filter((e) => e.type === 'handoff.answered')).toHaveLength(1);

    const x = await handOffOk(c.id, 'finance');
    await actOk(x.id, 'acknowledge', finance.token);
    expect(errorCode(await act(x.id, 'acknowledge', finance.token))).toBe('409 conflict');
    await actOk(x.id, 'cancel', agent.token);
    for (const step of ['answer', 'acknowledge', 'cancel'] as const) {
      expect(errorCode(await act(x.id, step, step === 'cancel' ? agent.token : finance.token)), step).toBe('409 conflict');
    }
  });

  it('unknown or malformed hand-off ids and complaints answer 404', async () => {
    for (const id of [NO_SUCH_ID, 'not-a-uuid']) {
      expect(errorCode(await t.request('GET', `/api/v1/handoffs/${id}`, { token: admin.token }))).toBe('404 not_found');
      for (const step of ['acknowledge', 'answer', 'cancel'] as const) expect(errorCode(await act(id, step, admin.token))).toBe('404 not_found');
      expect(errorCode(await handOff(t, agent.token, id, { department: 'finance', note: 'x' }))).toBe('404 not_found');
    }
  });

  it('a closed or cancelled complaint cannot be handed off (409)', async () => {
    const cancelled = await workedComplaint();
    await t.request('POST', `/api/v1/complaints/${cancelled.id}/status`, { token: agent.token, body: { status: 'cancelled', reason: 'spam' } });
    const closed = await workedComplaint();
    for (const status of ['resolved', 'closed']) {
      await t.request('POST', `/api/v1/complaints/${closed.id}/status`, { token: agent.token, body: { status } });
    }
    for (const c of [cancelled, closed]) {
      const res = await handOff(t, agent.token, c.id, { department: 'finance', note: 'x' });
      expect(errorCode(res)).toBe('409 conflict');
      expect((await queue(admin.token, `&complaintId=${c.id}`)).items).toEqual([]);
    }
  });
});

describe('ping-pong', () => {
  it('flags a complaint passed between departments more than twice, once', async () => {
    const c = await workedComplaint();
    const first = await handOffOk(c.id, 'logistics');
    await actOk(first.id, 'answer', logistics.token);
    const again = await handOffOk(c.id, 'logistics'); // same department again: not a transfer
    expect(again.transfers).toBe(1);
    await actOk(again.id, 'answer', logistics.token);
    const mistaken = await handOffOk(c.id, 'technology');
    await actOk(mistaken.id, 'cancel', agent.token, { reason: 'wrong department' }); // taken back: does not count
    const second = await handOffOk(c.id, 'finance');
    expect(second).toMatchObject({ transfers: 2, pingPong: false });
    await actOk(second.id, 'answer', finance.token);
    expect((await getComplaint(c.id)).pingPong).toBe(false);

    const third = await handOffOk(c.id, 'quality');
    expect(third).toMatchObject({ sequence: 5, transfers: 3, pingPong: true });
    expect(await getComplaint(c.id)).toMatchObject({ pingPong: true, department: 'logistics' });
    await actOk(third.id, 'answer', quality.token);
    const fourth = await handOffOk(c.id, 'logistics');
    expect(fourth).toMatchObject({ transfers: 4, pingPong: true });

    const flags = (await events(t, c.id, admin.token)).filter((e) => e.type === 'handoff.ping_pong_flagged');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ lane: 'backstage', data: { handoffId: third.id, transfers: 3, departments: ['logistics', 'finance', 'quality'] } });
    const list = json<List<Complaint>>(await t.request('GET', '/api/v1/complaints?limit=200', { token: agent.token })).items;
    expect(list.find((x) => x.id === c.id)!.pingPong).toBe(true);
  });
});

describe('overdue sweep across restart and instances', () => {
  it('records deadlines that passed while the server was down, on start (PostgreSQL)', async () => {
    if (testDbKind !== 'postgres') return; // an in-memory PGlite does not outlive its process; see the data-dir test below
    const clock = new ManualClock('2026-05-01T00:00:00Z');
    const first = await createTestApp({ clock });
    const a = await first.user('agent');
    const c = await createComplaint(first, a.token);
    const h = await handOffOk(c.id, 'finance', {}, first, a.token);
    await first.server.stop();
    clock.advance(3 * 60 * MIN);
    const db = await openPostgres(first.dbUrl!, 3);
    const second = await startServer(testConfig(), { db, clock, listen: false, scheduler: true });
    try {
      await expect.poll(async () => (await db.query(`select 1 from complaint_events where complaint_id = $1 and type like 'handoff.%overdue'`, [c.id])).length, { timeout: 10_000 }).toBe(2);
      const rows = await db.query<{ type: string; at: Date }>(`select type, at from complaint_events where complaint_id = $1 and type like 'handoff.%overdue' order by at`, [c.id]);
      expect(rows.map((r) => `${r.type}@${r.at.toISOString()}`)).toEqual([`handoff.forward_overdue@${h.forwardDueAt}`, `handoff.answer_overdue@${h.answerDueAt}`]);
    } finally {
      await second.stop();
      await db.close();
      await first.stop().catch(() => undefined);
    }
  });

  it('records deadlines that passed while the server was down, on start (PGlite data dir)', async () => {
    if (testDbKind !== 'pglite') return;
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createSession } = await import('../auth/sessions.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-handoff-restart-'));
    const clock = new ManualClock('2026-05-01T00:00:00Z');
    const config = testConfig({ DATA_DIR: dir });
    try {
      const s1 = await startServer(config, { clock, listen: false, scheduler: false });
      const [u] = await s1.ctx.db.query<{ id: string }>(`insert into users (email, name, role) values ('h@x.io', 'H', 'agent') returning id`);
      const { token } = await createSession(s1.ctx.db, { userId: u!.id }, { kind: 'session', expiresAt: null });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const created = await s1.app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: JSON.stringify({ channel: 'web', subject: 's', description: 'd', customer: { name: 'n' } }) });
      const complaintId = json<Complaint>(created).id;
      const res = await s1.app.inject({ method: 'POST', url: `/api/v1/complaints/${complaintId}/handoffs`, headers, payload: JSON.stringify({ department: 'finance', note: 'n' }) });
      expect(res.statusCode, res.body).toBe(201);
      const h = json<Handoff>(res);
      await s1.stop();
      clock.advance(3 * 60 * MIN);
      const s2 = await startServer(config, { clock, listen: false, scheduler: true });
      try {
        await expect.poll(async () => (await s2.ctx.db.query(`select 1 from complaint_events where complaint_id = $1 and type like 'handoff.%overdue'`, [complaintId])).length, { timeout: 10_000 }).toBe(2);
        const rows = await s2.ctx.db.query<{ at: Date }>(`select at from complaint_events where complaint_id = $1 and type like 'handoff.%overdue' order by at`, [complaintId]);
        expect(rows.map((r) => r.at.toISOString())).toEqual([h.forwardDueAt, h.answerDueAt]);
      } finally {
        await s2.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two app instances on one PostgreSQL write each overdue event exactly once', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design (its data dir is locked)
    const clock = new ManualClock('2026-06-01T00:00:00Z');
    const base = await createTestApp({ clock });
    const a = await base.user('agent');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await createComplaint(base, a.token);
      ids.push((await handOffOk(c.id, i % 2 ? 'finance' : 'quality', {}, base, a.token)).id);
    }
    const { a: instA, b: instB, stop: stopInstances } = await startTwoInstances(base.dbUrl!, clock, { scheduler: true });
    try {
      clock.advance(15 * MIN); // forward deadlines passed
      await Promise.all([runHandoffSweep(instA.ctx), runHandoffSweep(instB.ctx), runHandoffSweep(instA.ctx), runHandoffSweep(instB.ctx)]);
      clock.advance(3 * 60 * MIN); // answer deadlines passed
      await Promise.all([runHandoffSweep(instA.ctx), runHandoffSweep(instB.ctx), runHandoffSweep(instA.ctx), runHandoffSweep(instB.ctx)]);
      await new Promise((r) => setTimeout(r, 500));
      const rows = await base.db.query<{ handoff: string; type: string; n: number; at: Date; due: Date }>(
        `select e.data->>'handoffId' as handoff, e.type, count(*)::int as n, min(e.at) as at,
                min(case when e.type = 'handoff.forward_overdue' then h.forward_due_at else h.answer_due_at end) as due
           from complaint_events e join handoffs h on h.id = (e.data->>'handoffId')::uuid
          where e.type in ('handoff.forward_overdue', 'handoff.answer_overdue') group by 1, 2`,
      );
      expect(rows).toHaveLength(ids.length * 2);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(rows.every((r) => r.at.getTime() === r.due.getTime())).toBe(true);
    } finally {
      await stopInstances();
      await base.stop();
    }
  });
});

describe('hand-offs end with the complaint', () => {
  it('resolving a complaint cancels its open hand-offs; department staff cannot resolve it themselves', async () => {
    const c = await workedComplaint();
    const h = await handOffOk(c.id, 'logistics');
    const denied = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: logistics.token, body: { status: 'resolved' } });
    expect(errorCode(denied)).toBe('403 forbidden');
    const resolved = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: agent.token, body: { status: 'resolved' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const after = json<Handoff>(await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: agent.token }));
    expect(after.status).toBe('cancelled');
    expect(after.cancelReason).toBe('complaint resolved');
    const evs = json<List<EventItem>>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    expect(evs.filter((e) => e.type === 'handoff.cancelled')).toHaveLength(1);
    // nothing is left for the sweep to flag
    t.clock.advance(5 * 60 * MIN);
    await runHandoffSweep(t.server.ctx);
    const late = json<List<EventItem>>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: agent.token })).items;
    expect(late.filter((e) => e.type === 'handoff.answer_overdue')).toHaveLength(0);
  });
});
