import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/** Passing a department task on to another department, and returning it to the front line. */

type Person = { id: string; name: string | null } | null;
type Link = { handoffId: string; department: string; departmentName: string | null } | null;
type Handoff = {
  id: string; complaintId: string; complaintStatus: string; department: string; status: string; note: string;
  sequence: number; transfers: number; pingPong: boolean; requestedBy: Person; requestedAt: string;
  forwardDueAt: string; answerDueAt: string; dueAt: string | null; overdue: boolean; forwardOverdue: boolean;
  passedAt: string | null; passedBy: Person; passNote: string | null; passedTo: Link; passedFrom: Link;
  returnedAt: string | null; returnedBy: Person; returnNote: string | null; returnMessageId: string | null; complaintAssignee: Person;
  customer: { name: string; tier: string }; complaintSeverity: string;
};
type Complaint = { id: string; number: string; status: string; pingPong: boolean };
type EventItem = { id: string; type: string; lane: string; at: string; actor: { kind: string; id: string | null; role: string | null }; data: Record<string, unknown> };
type List<T> = { items: T[]; nextCursor: string | null };
type User = { id: string; token: string };
type ErrorBody = { error: { code: string; details: Array<Record<string, unknown>> } };

const MIN = 60_000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const SECRET_EMAIL = 'lin.private@example.org';
const SECRET_PHONE = '+8613800138000';

let t: TestApp;
let admin: User;
let supervisor: User;
let agent: User;
let analyst: User;
let logistics: User;
let finance: User;
let quality: User;
let customer: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  supervisor = await t.user('supervisor');
  agent = await t.user('agent', { name: 'Agent Ann' });
  analyst = await t.user('analyst');
  logistics = await t.user('department_staff', { department: 'logistics', name: 'Depot Dan' });
  finance = await t.user('department_staff', { department: 'finance' });
  quality = await t.user('department_staff', { department: 'quality' });
  customer = await t.customer({ name: 'Lin', email: SECRET_EMAIL, tier: 'vip' });
  await t.db.query('update customers set phone = $2 where id = $1', [customer.id, SECRET_PHONE]);
});
afterAll(() => t.stop());

const errorOf = (res: LightMyRequestResponse) => `${res.statusCode} ${json<ErrorBody>(res).error.code}`;
const detailOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error.details[0];

/** A complaint the agent owns (filed under "other": customer service, not a back-office department), handed to `department`. */
async function handedTo(department: string): Promise<{ c: Complaint; h: Handoff }> {
  const created = await t.request('POST', '/api/v1/complaints', {
    token: agent.token,
    body: { channel: 'web', subject: 'Refund for a lost parcel', description: 'Parcel lost, refund please', category: 'other', customerId: customer.id },
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = json<Complaint>(created);
  const assigned = await t.request('PATCH', `/api/v1/complaints/${c.id}`, { token: agent.token, body: { assigneeId: agent.id } });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const res = await t.request('POST', `/api/v1/complaints/${c.id}/handoffs`, { token: agent.token, body: { department, note: `Please check (${department})` } });
  expect(res.statusCode, res.body).toBe(201);
  return { c, h: json<Handoff>(res) };
}

const pass = (id: string, token: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/handoffs/${id}/pass`, { token, body });
const giveBack = (id: string, token: string, body: Record<string, unknown> = { note: 'Not ours: no order number given.' }) =>
  t.request('POST', `/api/v1/handoffs/${id}/return`, { token, body });

async function passOk(id: string, token: string, department: string, note = `Over to ${department}`): Promise<Handoff> {
  const res = await pass(id, token, { department, note });
  expect(res.statusCode, res.body).toBe(200);
  return json<Handoff>(res);
}

const getHandoff = async (id: string, token = admin.token) => json<Handoff>(await t.request('GET', `/api/v1/handoffs/${id}`, { token }));
const getComplaint = async (id: string, token = agent.token) => json<Complaint>(await t.request('GET', `/api/v1/complaints/${id}`, { token }));
const events = async (id: string, token = admin.token) => json<List<EventItem>>(await t.request('GET', `/api/v1/complaints/${id}/events`, { token })).items;
const tasksOf = async (complaintId: string) =>
  json<List<Handoff>>(await t.request('GET', `/api/v1/handoffs?limit=200&complaintId=${complaintId}`, { token: admin.token })).items;
const queue = async (token: string) => json<List<Handoff>>(await t.request('GET', '/api/v1/handoffs?limit=200&status=open,acknowledged', { token })).items;
const at = (iso: string, plusMs: number) => new Date(new Date(iso).getTime() + plusMs).toISOString();

describe('pass to another department', () => {
  it("ends the task as passed and opens one for the other department with that department's deadlines, one backstage event", async () => {
    const financeId = await t.departmentId('finance');
    const patched = await t.request('PATCH', `/api/v1/departments/${financeId}`, { token: admin.token, body: { handoffForwardMinutes: 25, handoffAnswerMinutes: 300 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const { c, h } = await handedTo('logistics');
    t.clock.advance(4 * MIN);
    await t.request('POST', `/api/v1/handoffs/${h.id}/acknowledge`, { token: logistics.token });
    t.clock.advance(6 * MIN);
    const now = t.clock.now().toISOString();

    const passed = await passOk(h.id, logistics.token, 'finance', 'Refund question: finance decides.');
    expect(passed).toMatchObject({
      status: 'passed', passedAt: now, passedBy: { id: logistics.id, name: 'Depot Dan' }, passNote: 'Refund question: finance decides.',
      passedTo: { department: 'finance' }, passedFrom: null, dueAt: null, overdue: false, complaintStatus: 'awaiting_department',
    });

    const next = await getHandoff(passed.passedTo!.handoffId, finance.token);
    expect(next).toMatchObject({
      department: 'finance', status: 'open', note: 'Refund question: finance decides.', requestedBy: { id: logistics.id }, requestedAt: now,
      forwardDueAt: at(now, 25 * MIN), answerDueAt: at(now, 300 * MIN), dueAt: at(now, 25 * MIN),
      sequence: 2, transfers: 2, pingPong: false, passedFrom: { handoffId: h.id, department: 'logistics' },
    });

    // the task left the logistics desk and is on the finance desk
    expect((await queue(logistics.token)).map((x) => x.id)).not.toContain(h.id);
    expect((await queue(finance.token)).map((x) => x.id)).toContain(next.id);
    // the complaint still waits for a department; logistics no longer opens it, finance does
    expect((await getComplaint(c.id)).status).toBe('awaiting_department');
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: logistics.token })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: finance.token })).statusCode).toBe(200);
    // logistics keeps its own (ended) task on record, but not the new one
    expect((await t.request('GET', `/api/v1/handoffs/${h.id}`, { token: logistics.token })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/v1/handoffs/${next.id}`, { token: logistics.token })).statusCode).toBe(404);

    const evs = await events(c.id);
    const passEvents = evs.filter((e) => e.type === 'handoff.passed');
    expect(passEvents).toHaveLength(1);
    expect(passEvents[0]).toMatchObject({
      lane: 'backstage', at: now, actor: { id: logistics.id, role: 'department_staff' },
      data: {
        handoffId: h.id, department: 'logistics', toHandoffId: next.id, toDepartment: 'finance', note: 'Refund question: finance decides.',
        sequence: 2, transfers: 2, forwardDueAt: next.forwardDueAt, answerDueAt: next.answerDueAt,
      },
    });
    // a pass is not a new request: the customer is not told again, and no status moved
    expect(evs.filter((e) => e.type === 'handoff.requested')).toHaveLength(1);
    expect(evs.filter((e) => e.type === 'complaint.status_changed' && e.at === now)).toEqual([]);
    // the customer sees none of it
    const mine = json<List<EventItem>>(await t.request('GET', `/api/v1/complaints/${c.id}/events`, { token: customer.token })).items;
    expect(mine.some((e) => e.type.startsWith('handoff.'))).toBe(false);

    // finance answers: the case goes back to its owner
    const answered = await t.request('POST', `/api/v1/handoffs/${next.id}/answer`, { token: finance.token, body: { answer: 'Refunded 88 CNY.' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await getComplaint(c.id)).status).toBe('in_progress');
  });

  it('names the department by code, departmentCode or id; a missed deadline is recorded before the pass', async () => {
    const { c, h } = await handedTo('logistics');
    t.clock.advance(11 * MIN); // the 10-minute forward deadline has passed
    const byId = await pass(h.id, supervisor.token, { departmentId: await t.departmentId('quality'), note: 'Inspect the batch' });
    expect(byId.statusCode, byId.body).toBe(200);
    expect(json<Handoff>(byId)).toMatchObject({ status: 'passed', passedTo: { department: 'quality' }, forwardOverdue: true, passedBy: { id: supervisor.id } });
    const types = (await events(c.id)).map((e) => e.type).filter((x) => x.startsWith('handoff.'));
    expect(types).toEqual(['handoff.requested', 'handoff.forward_overdue', 'handoff.passed']);

    const q = json<Handoff>(byId).passedTo!.handoffId;
    const byCode = await pass(q, quality.token, { departmentCode: 'finance', note: 'Money matter' });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(json<Handoff>(byCode).passedTo).toMatchObject({ department: 'finance' });
  });

  it('is atomic: when any write of the pass fails, neither task changes and no event is left', async () => {
    const { c, h } = await handedTo('logistics');
    const before = await events(c.id);
    // Make the last write of the pass (its event) fail inside the transaction.
    await t.db.exec(`
      create function refuse_pass() returns trigger language plpgsql as $$
      begin
        if new.type = 'handoff.passed' then raise exception 'refused for the test'; end if;
        return new;
      end $$;
      create trigger refuse_pass before insert on complaint_events for each row execute function refuse_pass();`);
    try {
      const res = await pass(h.id, logistics.token, { department: 'finance', note: 'Should not stick' });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.exec('drop trigger refuse_pass on complaint_events; drop function refuse_pass();');
    }
    expect(await tasksOf(c.id)).toEqual([expect.objectContaining({ id: h.id, status: 'open', passedTo: null })]);
    expect(await events(c.id)).toEqual(before);
    // and the same pass works once nothing stands in its way
    expect((await passOk(h.id, logistics.token, 'finance')).status).toBe('passed');
  });
});

describe('ping-pong', () => {
  it('the third transfer (a hand-off and two passes) flags the complaint, exactly once', async () => {
    const { c, h } = await handedTo('logistics'); // transfer 1
    const toFinance = await passOk(h.id, logistics.token, 'finance'); // transfer 2
    const financeTask = await getHandoff(toFinance.passedTo!.handoffId);
    expect(financeTask).toMatchObject({ transfers: 2, pingPong: false });
    expect((await getComplaint(c.id)).pingPong).toBe(false);

    const toQuality = await passOk(financeTask.id, finance.token, 'quality'); // transfer 3: more than twice
    const qualityTask = await getHandoff(toQuality.passedTo!.handoffId);
    expect(qualityTask).toMatchObject({ sequence: 3, transfers: 3, pingPong: true });
    expect((await getComplaint(c.id)).pingPong).toBe(true);

    const back = await passOk(qualityTask.id, quality.token, 'logistics'); // transfer 4: already flagged
    expect(await getHandoff(back.passedTo!.handoffId)).toMatchObject({ transfers: 4, pingPong: true });

    const flags = (await events(c.id)).filter((e) => e.type === 'handoff.ping_pong_flagged');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ lane: 'backstage', data: { handoffId: qualityTask.id, transfers: 3, departments: ['logistics', 'finance', 'quality'] } });
  });
});

describe('permissions', () => {
  it("other departments' staff get 404; agents, analysts and customers may not pass or return (403)", async () => {
    const { c, h } = await handedTo('logistics');
    const before = await events(c.id);
    expect(errorOf(await pass(h.id, quality.token, { department: 'finance', note: 'x' }))).toBe('404 not_found');
    expect(errorOf(await giveBack(h.id, quality.token))).toBe('404 not_found');
    for (const u of [agent, analyst, customer]) {
      expect(errorOf(await pass(h.id, u.token, { department: 'finance', note: 'x' }))).toBe('403 forbidden');
      expect(errorOf(await giveBack(h.id, u.token))).toBe('403 forbidden');
    }
    expect(errorOf(await t.request('POST', `/api/v1/handoffs/${h.id}/pass`, { body: { department: 'finance', note: 'x' } }))).toBe('401 unauthenticated');
    expect(await events(c.id)).toEqual(before);
    expect((await getHandoff(h.id)).status).toBe('open');
    // a supervisor or an admin may stand in for the department
    expect((await passOk(h.id, supervisor.token, 'finance')).status).toBe('passed');
    const financeTask = (await tasksOf(c.id)).find((x) => x.status === 'open')!;
    const returned = await giveBack(financeTask.id, admin.token);
    expect(returned.statusCode, returned.body).toBe(200);
  });
});

describe('bad input', () => {
  it('unknown, same or busy departments and malformed bodies are refused with stable codes and change nothing', async () => {
    const { c, h } = await handedTo('logistics');
    const before = await events(c.id);

    const unknown = await pass(h.id, logistics.token, { department: 'atlantis', note: 'x' });
    expect(errorOf(unknown)).toBe('422 validation_failed');
    expect(detailOf(unknown)).toMatchObject({ path: 'body.department', code: 'unknown_department', value: 'atlantis' });
    const unknownId = await pass(h.id, logistics.token, { departmentId: NO_SUCH_ID, note: 'x' });
    expect(detailOf(unknownId)).toMatchObject({ path: 'body.departmentId', code: 'unknown_department' });

    const same = await pass(h.id, logistics.token, { departmentCode: 'logistics', note: 'x' });
    expect(errorOf(same)).toBe('422 validation_failed');
    expect(detailOf(same)).toMatchObject({ path: 'body.departmentCode', code: 'same_department', value: 'logistics' });

    const bodies: Array<Record<string, unknown>> = [
      {}, { note: 'x' }, { department: 'finance' }, { department: 'finance', note: '  ' },
      { department: 'finance', departmentId: await t.departmentId('finance'), note: 'x' },
      { departmentId: 'finance', note: 'x' }, { department: 'finance', note: 'x', extra: 1 }, { department: 'fin\nance', note: 'x' },
    ];
    for (const body of bodies) expect(errorOf(await pass(h.id, logistics.token, body)), JSON.stringify(body)).toBe('422 validation_failed');
    for (const body of [{}, { note: '' }, { note: 'x', reason: 'y' }]) expect(errorOf(await giveBack(h.id, logistics.token, body)), JSON.stringify(body)).toBe('422 validation_failed');

    // finance already has a task on this complaint: a second one would be a duplicate
    const parallel = await t.request('POST', `/api/v1/complaints/${c.id}/handoffs`, { token: agent.token, body: { department: 'finance', note: 'Refund?' } });
    expect(parallel.statusCode).toBe(201);
    const busy = await pass(h.id, logistics.token, { department: 'finance', note: 'x' });
    expect(errorOf(busy)).toBe('409 conflict');
    expect(detailOf(busy)).toMatchObject({ code: 'department_has_open_task', value: 'finance', handoffId: json<Handoff>(parallel).id });

    expect((await events(c.id)).filter((e) => e.type.startsWith('handoff.')).map((e) => e.type))
      .toEqual([...before.filter((e) => e.type.startsWith('handoff.')).map((e) => e.type), 'handoff.requested']);
    expect((await getHandoff(h.id)).status).toBe('open');

    for (const id of [NO_SUCH_ID, 'not-a-uuid']) {
      expect(errorOf(await pass(id, admin.token, { department: 'finance', note: 'x' }))).toBe('404 not_found');
      expect(errorOf(await giveBack(id, admin.token))).toBe('404 not_found');
    }
  });

  it('a task already answered, cancelled, passed or returned cannot be passed or returned (409 conflict)', async () => {
    const answered = (await handedTo('logistics')).h;
    await t.request('POST', `/api/v1/handoffs/${answered.id}/answer`, { token: logistics.token, body: { answer: 'Done.' } });
    const cancelled = (await handedTo('logistics')).h;
    await t.request('POST', `/api/v1/handoffs/${cancelled.id}/cancel`, { token: agent.token, body: { reason: 'solved' } });
    const passed = (await handedTo('logistics')).h;
    await passOk(passed.id, logistics.token, 'finance');
    const returned = (await handedTo('logistics')).h;
    expect((await giveBack(returned.id, logistics.token)).statusCode).toBe(200);

    for (const [h, status] of [[answered, 'answered'], [cancelled, 'cancelled'], [passed, 'passed'], [returned, 'returned']] as const) {
      for (const res of [await pass(h.id, logistics.token, { department: 'quality', note: 'x' }), await giveBack(h.id, logistics.token)]) {
        expect(errorOf(res), status).toBe('409 conflict');
        expect(detailOf(res), status).toMatchObject({ path: 'status', status, allowed: ['open', 'acknowledged'] });
      }
      // nor acknowledged, answered or taken back
      expect(errorOf(await t.request('POST', `/api/v1/handoffs/${h.id}/answer`, { token: logistics.token, body: { answer: 'late' } })), status).toBe('409 conflict');
    }
    // a passed or returned task is off the desk
    const desk = (await queue(logistics.token)).map((x) => x.id);
    expect(desk).not.toContain(passed.id);
    expect(desk).not.toContain(returned.id);
  });
});

describe('return to the front line', () => {
  it('closes the task as returned, puts the note in the conversation, sends the case back to its owner and notifies them', async () => {
    const { c, h } = await handedTo('logistics');
    t.clock.advance(3 * MIN);
    const now = t.clock.now().toISOString();
    const res = await giveBack(h.id, logistics.token, { note: 'Not ours: the order number is missing, please ask the customer.' });
    expect(res.statusCode, res.body).toBe(200);
    const returned = json<Handoff>(res);
    expect(returned).toMatchObject({
      status: 'returned', returnedAt: now, returnedBy: { id: logistics.id }, returnNote: 'Not ours: the order number is missing, please ask the customer.',
      dueAt: null, forwardOverdue: false, complaintStatus: 'in_progress', complaintAssignee: { id: agent.id, name: 'Agent Ann' },
    });
    expect(await getComplaint(c.id)).toMatchObject({ status: 'in_progress' });

    const messages = json<List<{ id: string; kind: string; body: string; author: { id: string } }>>(
      await t.request('GET', `/api/v1/complaints/${c.id}/messages`, { token: agent.token })).items;
    expect(messages.find((m) => m.id === returned.returnMessageId))
      .toMatchObject({ kind: 'internal_note', body: returned.returnNote, author: { id: logistics.id } });

    const evs = (await events(c.id)).filter((e) => e.at === now);
    expect(evs.map((e) => `${e.type}:${e.lane}`)).toEqual([
      'message.internal_note:backstage', 'handoff.returned:backstage', 'complaint.status_changed:backstage', 'notification.staff:support',
    ]);
    expect(evs[1]!.data).toMatchObject({ handoffId: h.id, department: 'logistics', reason: returned.returnNote, messageId: returned.returnMessageId, returnedToFrontLine: true });
    expect(evs[2]!.data).toMatchObject({ from: 'awaiting_department', to: 'in_progress' });
    expect(evs[3]!.data).toMatchObject({ kind: 'handoff.returned', recipients: [agent.id] });

    const inbox = json<{ items: Array<{ kind: string; complaintId: string; title: string; body: string }> }>(
      await t.request('GET', '/api/v1/notifications?limit=200', { token: agent.token })).items;
    expect(inbox.filter((n) => n.complaintId === c.id && n.kind === 'handoff.returned')).toEqual([
      expect.objectContaining({ title: `${c.number} returned by logistics`, body: returned.returnNote }),
    ]);
    // the department that returned it no longer opens the complaint
    expect((await t.request('GET', `/api/v1/complaints/${c.id}`, { token: logistics.token })).statusCode).toBe(404);
  });

  it('with another task still open the complaint keeps waiting; the owner is still told', async () => {
    const { c, h } = await handedTo('logistics');
    await t.request('POST', `/api/v1/complaints/${c.id}/handoffs`, { token: agent.token, body: { department: 'quality', note: 'Inspect' } });
    const res = await giveBack(h.id, logistics.token, { note: 'Quality has it.' });
    expect(json<Handoff>(res)).toMatchObject({ status: 'returned', complaintStatus: 'awaiting_department' });
    const ev = (await events(c.id)).find((e) => e.type === 'handoff.returned')!;
    expect(ev.data.returnedToFrontLine).toBe(false);
    const inbox = json<{ items: Array<{ kind: string; complaintId: string }> }>(await t.request('GET', '/api/v1/notifications?limit=200', { token: agent.token })).items;
    expect(inbox.some((n) => n.complaintId === c.id && n.kind === 'handoff.returned')).toBe(true);
  });
});

describe('customer contact details', () => {
  it('department staff get the customer by name and tier only; the front line still sees the address', async () => {
    const { c, h } = await handedTo('logistics');
    // What email intake stores: the sender's address in the message metadata and the email.received event.
    const [msg] = await t.db.query<{ id: string }>(
      `insert into messages (complaint_id, kind, channel, author_kind, author_id, body, attachments, metadata, created_at)
       values ($1, 'customer', 'email', 'customer', $2, 'Any news?', '[]', $3, $4) returning id`,
      [c.id, customer.id, { email: { messageId: '<m1@example.org>', from: SECRET_EMAIL, subject: 'Re: parcel' } }, t.clock.now()],
    );
    await t.db.query(
      `insert into complaint_events (complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data) values ($1, 'email.received', 'customer', 'customer', $2, 'customer', $3, $4)`,
      [c.id, customer.id, t.clock.now(), {
        inboundEmailId: NO_SUCH_ID, messageId: msg!.id, emailMessageId: '<m1@example.org>', from: SECRET_EMAIL,
        threadedBy: 'references', threadRefused: null, attachments: 0, rejectedAttachments: 0, truncated: false,
      }],
    );

    const reads = [
      `/api/v1/handoffs/${h.id}`, '/api/v1/handoffs?limit=200', `/api/v1/complaints/${c.id}`, `/api/v1/complaints/${c.id}?include=events`,
      `/api/v1/complaints/${c.id}/events`, `/api/v1/complaints/${c.id}/messages`, `/api/v1/complaints/${c.id}/notices`,
    ];
    for (const url of reads) {
      const res = await t.request('GET', url, { token: logistics.token });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(SECRET_EMAIL);
      expect(res.body, url).not.toContain(SECRET_PHONE.slice(3));
    }
    const task = await getHandoff(h.id, logistics.token);
    expect(task.customer).toEqual({ name: 'Lin', tier: 'vip' });
    expect(['general', 'serious', 'urgent']).toContain(task.complaintSeverity);
    const notices = json<List<{ recipient: string | null; channel: string }>>(await t.request('GET', `/api/v1/complaints/${c.id}/notices`, { token: logistics.token })).items;
    expect(notices.some((n) => n.channel === 'email')).toBe(true);
    expect(notices.every((n) => n.recipient === null)).toBe(true);
    for (const url of [`/api/v1/customers/${customer.id}`, `/api/v1/customers/${customer.id}/overview`]) {
      expect(errorOf(await t.request('GET', url, { token: logistics.token })), url).toBe('403 forbidden');
    }

    // the front line is unaffected
    for (const url of [`/api/v1/complaints/${c.id}/events`, `/api/v1/complaints/${c.id}/messages`, `/api/v1/complaints/${c.id}/notices`]) {
      expect((await t.request('GET', url, { token: agent.token })).body, url).toContain(SECRET_EMAIL);
    }
  });
});
