import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { startServer } from '../../server/start-server.js';
import { createTestApp, json, testConfig, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { surveyToken } from './survey-link.js';
import { runSurveySweep } from './survey-sweep.js';

/**
 * Issue 4 §6, satisfaction survey and reopen: a survey N hours after resolution by the
 * customer's channel, one answer through a signed link, one reminder; a low CSAT reopens the
 * case for a supervisor, a good one closes it; no answer → closed when the window ends; the
 * customer may reopen within the window. Exactly once across instances.
 */

type Person = { id: string; token: string };
type Survey = {
  id: string; cycle: number; status: string; channel: string; resolvedAt: string; sendAt: string; sentAt: string | null;
  reminderAt: string | null; expiresAt: string; csat: number | null; nps: number | null; comment: string | null; reopenedAt: string | null;
  agentId: string | null;
};
type EventItem = { type: string; lane: string; at: string; actor: { kind: string; id: string | null }; data: Record<string, unknown> };
type Complaint = { id: string; number: string; status: string; tags: string[]; assignee: { id: string } | null; resolvedAt: string | null; sla: { cycle?: number } };
type ErrorBody = { error: { code: string; message: string; details: Array<{ path?: string }> } };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let admin: Person;
let agent: Person;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent');
});
afterAll(() => t.stop());

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(json<ErrorBody>(res).error.code).toBe(code);
  return json<ErrorBody>(res).error;
}

async function complaint(app: TestApp, customerId: string, extra: Record<string, unknown> = {}, token = agent.token): Promise<Complaint> {
  const res = await app.request('POST', '/api/v1/complaints', {
    token, body: { channel: 'email', subject: `Parcel late ${++seq}`, description: 'The parcel is a week late.', customerId, category: 'logistics', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Complaint>(res);
}

async function setStatus(app: TestApp, id: string, status: string, token = agent.token, reason?: string) {
  const res = await app.request('POST', `/api/v1/complaints/${id}/status`, { token, body: { status, ...(reason ? { reason } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return json<Complaint>(res);
}

async function resolved(app: TestApp = t, extra: Record<string, unknown> = {}, customer?: Person): Promise<{ c: Complaint; customer: Person }> {
  const cu = customer ?? (await app.customer());
  const c = await complaint(app, cu.id, extra);
  await setStatus(app, c.id, 'resolved');
  return { c, customer: cu };
}

async function surveysOf(id: string, app: TestApp = t): Promise<Survey[]> {
  const res = await app.request('GET', `/api/v1/complaints/${id}/surveys`, { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Survey[] }>(res).items;
}

async function lastSurvey(id: string, app: TestApp = t): Promise<Survey> {
  const items = await surveysOf(id, app);
  expect(items.length).toBeGreaterThan(0);
  return items[items.length - 1]!;
}

const tokenOf = (s: Survey, app: TestApp = t) => surveyToken(app.server.ctx.signingSecret, s.id, new Date(s.expiresAt));

async function events(id: string, app: TestApp = t): Promise<EventItem[]> {
  const res = await app.request('GET', `/api/v1/complaints/${id}/events`, { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: EventItem[] }>(res).items;
}
const ofType = (evs: EventItem[], type: string) => evs.filter((e) => e.type === type);

async function getComplaint(id: string, app: TestApp = t): Promise<Complaint> {
  return json<Complaint>(await app.request('GET', `/api/v1/complaints/${id}`, { token: admin.token }));
}

const sweep = (app: TestApp = t) => runSurveySweep(app.server.ctx);
const answer = (token: string, body: Record<string, unknown>, app: TestApp = t) => app.request('POST', `/api/v1/surveys/${token}`, { body });

describe('the survey timeline', () => {
  it('resolve → +24 h requested once → +48 h one reminder → CSAT 1 reopens as a supervisor’s recovery case; a second answer → 409', async () => {
    // the complaint's department (technology) has a busy and a free supervisor: the free one gets it
    const busy = await t.user('supervisor', { department: 'technology' });
    const free = await t.user('supervisor', { department: 'technology' });
    const other = await t.customer();
    const load = await complaint(t, other.id, { category: 'technical', subject: 'App crash' });
    expect((await t.request('PATCH', `/api/v1/complaints/${load.id}`, { token: admin.token, body: { assigneeId: busy.id } })).statusCode).toBe(200);

    const start = t.clock.now();
    const { c } = await resolved(t, { category: 'technical', subject: 'Login fails' });
    let s = await lastSurvey(c.id);
    expect(s).toMatchObject({ status: 'scheduled', cycle: 1, channel: 'email', agentId: agent.id });
    expect(new Date(s.sendAt).getTime() - start.getTime()).toBe(24 * HOUR);
    expect(new Date(s.expiresAt).getTime() - start.getTime()).toBe(7 * DAY);

    t.clock.advance(24 * HOUR - 60_000);
    await sweep();
    expect(ofType(await events(c.id), 'survey.requested')).toHaveLength(0);
    t.clock.advance(60_000);
    await sweep();
    await sweep();
    const requested = ofType(await events(c.id), 'survey.requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]!.data).toEqual({ surveyId: s.id, channel: 'email', expiresAt: s.expiresAt });
    s = await lastSurvey(c.id);
    expect(s.status).toBe('sent');
    expect(new Date(s.reminderAt!).getTime() - new Date(s.sentAt!).getTime()).toBe(48 * HOUR);

    const token = tokenOf(s);
    const page = await t.request('GET', `/api/v1/surveys/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(json(page)).toMatchObject({ complaintNumber: c.number, subject: 'Login fails', status: 'sent', locale: 'zh-CN', alreadyAnswered: false });

    t.clock.advance(48 * HOUR);
    await sweep();
    await sweep();
    t.clock.advance(24 * HOUR);
    await sweep();
    const reminded = ofType(await events(c.id), 'survey.reminded');
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.data).toEqual({ surveyId: s.id, expiresAt: s.expiresAt });
    expect(ofType(await events(c.id), 'survey.requested')).toHaveLength(1);

    const res = await answer(token, { csat: 1, nps: 2, comment: 'Still cannot log in.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toEqual({ surveyId: s.id, status: 'answered', outcome: 'reopened' });
    const after = await getComplaint(c.id);
    expect(after.status).toBe('reopened');
    expect(after.tags).toContain('recovery');
    expect(after.assignee?.id).toBe(free.id);
    const evs = await events(c.id);
    const answered = ofType(evs, 'survey.answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ lane: 'customer', actor: { kind: 'customer' }, data: { surveyId: s.id, csat: 1, nps: 2, hasComment: true } });
    expect(ofType(evs, 'complaint.status_changed').at(-1)!.data).toEqual({ from: 'resolved', to: 'reopened', reason: 'survey: CSAT 1' });
    expect(ofType(evs, 'sla.started').map((e) => e.data.cycle)).toEqual([1, 2]);
    expect(ofType(evs, 'complaint.assigned').at(-1)!.data).toMatchObject({ from: null, to: free.id });
    expect(ofType(evs, 'survey.recovery')[0]!.data).toEqual({ surveyId: s.id, csat: 1, threshold: 2, supervisorId: free.id });
    expect(ofType(evs, 'notification.staff').at(-1)!.data).toEqual({ kind: 'survey.recovery', recipients: [free.id], cause: 'survey' });
    const inbox = json<{ items: Array<{ kind: string; complaintId: string }> }>(await t.request('GET', '/api/v1/notifications', { token: free.token }));
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'survey.recovery', complaintId: c.id }));

    s = await lastSurvey(c.id);
    expect(s).toMatchObject({ status: 'answered', csat: 1, nps: 2, comment: 'Still cannot log in.' });
    expect(s.reopenedAt).not.toBeNull();
    expectError(await answer(token, { csat: 5 }), 409, 'survey_already_answered');
    expect(json(await t.request('GET', `/api/v1/surveys/${token}`))).toMatchObject({ status: 'answered', alreadyAnswered: true });
    expect((await lastSurvey(c.id)).csat).toBe(1);
    expect(ofType(await events(c.id), 'survey.answered')).toHaveLength(1);

    // resolved again: a second survey for the second cycle
    await setStatus(t, c.id, 'resolved');
    const all = await surveysOf(c.id);
    expect(all.map((x) => [x.cycle, x.status])).toEqual([[1, 'answered'], [2, 'scheduled']]);
  });

  it('CSAT above the threshold closes the complaint', async () => {
    const { c } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const res = await answer(tokenOf(await lastSurvey(c.id)), { csat: 5, nps: 10 });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ outcome: 'closed' });
    expect((await getComplaint(c.id)).status).toBe('closed');
    expect(ofType(await events(c.id), 'complaint.status_changed').at(-1)).toMatchObject({ lane: 'customer', data: { from: 'resolved', to: 'closed', reason: 'survey: CSAT 5' } });
  });

  it('confirmed by the customer before the survey: still asked; a low score makes it a recovery case without reopening', async () => {
    const { c, customer } = await resolved();
    const confirm = await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: customer.token, body: { status: 'closed' } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    t.clock.advance(24 * HOUR);
    await sweep();
    expect(ofType(await events(c.id), 'survey.requested')).toHaveLength(1);
    const res = await answer(tokenOf(await lastSurvey(c.id)), { csat: 2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ outcome: 'recorded' });
    const after = await getComplaint(c.id);
    expect(after.status).toBe('closed');
    expect(after.tags).toContain('recovery');
    expect(after.assignee).not.toBeNull();
    expect(ofType(await events(c.id), 'survey.recovery')).toHaveLength(1);
  });

  it('no answer: the window ends, the survey expires and the complaint is closed automatically; the link answers 410', async () => {
    const { c, customer } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const s = await lastSurvey(c.id);
    t.clock.advance(6 * DAY - 60_000);
    await sweep();
    expect((await getComplaint(c.id)).status).toBe('resolved');
    t.clock.advance(60_000);
    expectError(await t.request('GET', `/api/v1/surveys/${tokenOf(s)}`), 410, 'survey_expired');
    expectError(await answer(tokenOf(s), { csat: 4 }), 410, 'survey_expired');
    await sweep();
    await sweep();
    const after = await getComplaint(c.id);
    expect(after.status).toBe('closed');
    expect((await lastSurvey(c.id)).status).toBe('expired');
    const evs = await events(c.id);
    expect(ofType(evs, 'survey.expired')).toHaveLength(1);
    const closes = ofType(evs, 'complaint.status_changed').filter((e) => e.data.to === 'closed');
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ actor: { kind: 'system' }, data: { from: 'resolved', to: 'closed', reason: 'survey window ended' } });
    // the customer's reopen window ended with it
    expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { token: customer.token, body: { reason: 'still broken' } }), 409, 'reopen_window_closed');
  });

  it('reopened before the survey is sent: the survey is cancelled and never sent', async () => {
    const { c } = await resolved();
    await setStatus(t, c.id, 'reopened', agent.token, 'customer called back');
    expect((await lastSurvey(c.id)).status).toBe('cancelled');
    t.clock.advance(25 * HOUR);
    await sweep();
    const evs = await events(c.id);
    expect(ofType(evs, 'survey.requested')).toHaveLength(0);
    expect(ofType(evs, 'survey.cancelled')[0]!.data).toMatchObject({ reason: 'complaint reopened' });
    expect((await lastSurvey(c.id)).reopenedAt).toBeNull(); // it never reached the customer
  });

  it('tampered, unknown or foreign links → 404 survey_not_found; nothing is written', async () => {
    const { c } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const s = await lastSurvey(c.id);
    const token = tokenOf(s);
    const [body, sig] = token.split('.') as [string, string];
    const flip = (x: string) => (x[0] === 'A' ? 'B' : 'A') + x.slice(1);
    const forged = Buffer.from(JSON.stringify({ surveyId: s.id, exp: 4102444800 })).toString('base64url');
    const bad = [
      `${body}.${flip(sig)}`, `${flip(body)}.${sig}`, `${forged}.${sig}`, 'not-a-token', `${body}.`, `${token}.x`,
      surveyToken('another-secret', s.id, new Date(s.expiresAt)),
      // correctly signed but naming no survey
      surveyToken(t.server.ctx.signingSecret, '00000000-0000-4000-8000-000000000000', new Date(s.expiresAt)),
    ];
    for (const tk of bad) {
      expectError(await t.request('GET', `/api/v1/surveys/${encodeURIComponent(tk)}`), 404, 'survey_not_found');
      expectError(await answer(encodeURIComponent(tk), { csat: 1 }), 404, 'survey_not_found');
    }
    expect((await lastSurvey(c.id)).status).toBe('sent');
    expect((await getComplaint(c.id)).status).toBe('resolved');
  });

  it('bad answers → 422 with the field; the survey stays open', async () => {
    const { c } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const token = tokenOf(await lastSurvey(c.id));
    const bad = async (b: unknown, path: string) => {
      const err = expectError(await t.request('POST', `/api/v1/surveys/${token}`, { body: b as Record<string, unknown> }), 422, 'validation_failed');
      expect(err.details.map((d) => d.path)).toContain(path);
    };
    await bad({ csat: 0 }, 'body.csat');
    await bad({ csat: 6 }, 'body.csat');
    await bad({ csat: 2.5 }, 'body.csat');
    await bad({ nps: 5 }, 'body.csat');
    await bad({ csat: 3, nps: 11 }, 'body.nps');
    await bad({ csat: 3, comment: 'x'.repeat(2001) }, 'body.comment');
    await bad({ csat: 3, extra: 1 }, 'body.extra');
    expect((await lastSurvey(c.id)).status).toBe('sent');
    // script in a comment is kept as text
    const res = await answer(token, { csat: 3, comment: '<script>alert(1)</script>' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await lastSurvey(c.id)).comment).toBe('<script>alert(1)</script>');
  });

  it('two answers at once: exactly one wins, the other gets 409', async () => {
    const { c } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const token = tokenOf(await lastSurvey(c.id));
    const results = await Promise.all([answer(token, { csat: 1 }), answer(token, { csat: 5 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(ofType(await events(c.id), 'survey.answered')).toHaveLength(1);
  });

  it('a restarted instance does not send again what was sent, and picks up what fell due while it was down', async () => {
    const { c } = await resolved();
    const { c: later } = await resolved();
    t.clock.advance(24 * HOUR);
    await sweep();
    const restarted = await startServer(testConfig(), { db: t.db, clock: t.clock, listen: false, scheduler: false });
    try {
      await runSurveySweep(restarted.ctx);
      expect(ofType(await events(c.id), 'survey.requested')).toHaveLength(1);
      t.clock.advance(48 * HOUR);
      await runSurveySweep(restarted.ctx);
      await sweep();
      expect(ofType(await events(later.id), 'survey.reminded')).toHaveLength(1);
    } finally {
      await restarted.app.close();
    }
  });
});

describe('the customer reopens', () => {
  it('within the window: reopened with the customer’s reason; the survey is cancelled and counted as reopened after survey', async () => {
    const { c, customer } = await resolved();
    t.clock.advance(30 * HOUR);
    await sweep();
    const s = await lastSurvey(c.id);
    const res = await t.request('POST', `/api/v1/portal/complaints/${c.number}/reopen`, { token: customer.token, body: { reason: 'The parcel never came.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Complaint>(res).status).toBe('reopened');
    expect(ofType(await events(c.id), 'complaint.status_changed').at(-1)).toMatchObject({ lane: 'customer', data: { to: 'reopened', reason: 'The parcel never came.' } });
    const after = await lastSurvey(c.id);
    expect(after.status).toBe('cancelled');
    expect(after.reopenedAt).not.toBeNull();
    expectError(await t.request('GET', `/api/v1/surveys/${tokenOf(s)}`), 410, 'survey_expired');
  });

  it('after the window → 409 reopen_window_closed, also through the status API; nothing changes', async () => {
    await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { autoClose: false } });
    try {
      const { c, customer } = await resolved();
      t.clock.advance(7 * DAY);
      const err = expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { token: customer.token, body: { reason: 'again' } }), 409, 'reopen_window_closed');
      expect(err.details[0]).toMatchObject({ windowDays: 7 });
      expectError(await t.request('POST', `/api/v1/complaints/${c.id}/status`, { token: customer.token, body: { status: 'reopened' } }), 409, 'reopen_window_closed');
      await sweep();
      expect((await getComplaint(c.id)).status).toBe('resolved'); // auto-close off
      expect((await lastSurvey(c.id)).status).toBe('expired');
      // staff can still reopen it
      await setStatus(t, c.id, 'reopened', agent.token, 'customer phoned');
    } finally {
      await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { autoClose: true } });
    }
  });

  it('another customer’s complaint → 404; staff use the status API (403 here); bad input → 422', async () => {
    const { c, customer } = await resolved();
    const stranger = await t.customer();
    expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { token: stranger.token, body: { reason: 'mine?' } }), 404, 'not_found');
    expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { token: agent.token, body: { reason: 'x' } }), 403, 'forbidden');
    expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { body: { reason: 'x' } }), 401, 'unauthenticated');
    expectError(await t.request('POST', `/api/v1/portal/complaints/${c.id}/reopen`, { token: customer.token, body: {} }), 422, 'validation_failed');
    expect((await getComplaint(c.id)).status).toBe('resolved');
    // an open complaint cannot be reopened
    const open = await complaint(t, customer.id);
    expectError(await t.request('POST', `/api/v1/portal/complaints/${open.id}/reopen`, { token: customer.token, body: { reason: 'x' } }), 409, 'invalid_transition');
  });

  it('customers and other staff do not read surveys of complaints they cannot see', async () => {
    const { c, customer } = await resolved();
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/surveys`, { token: customer.token }), 403, 'forbidden');
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/surveys`, { token: (await t.customer()).token }), 404, 'not_found');
    const finance = await t.user('department_staff', { department: 'finance' });
    expectError(await t.request('GET', `/api/v1/complaints/${c.id}/surveys`, { token: finance.token }), 404, 'not_found');
  });
});

describe('survey settings', () => {
  it('defaults; admins edit them; the new delay applies to the next resolution; bad combinations → 422', async () => {
    const res = await t.request('GET', '/api/v1/admin/survey-settings', { token: admin.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ enabled: true, delayHours: 24, reminderAfterHours: 48, windowDays: 7, csatReopenThreshold: 2, autoClose: true });
    for (const who of [agent, await t.user('supervisor'), await t.user('analyst')]) {
      expectError(await t.request('PUT', '/api/v1/admin/survey-settings', { token: who.token, body: { delayHours: 1 } }), 403, 'forbidden');
    }
    expectError(await t.request('GET', '/api/v1/admin/survey-settings', { token: agent.token }), 403, 'forbidden');
    expectError(await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { delayHours: 200 } }), 422, 'validation_failed');
    expectError(await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { csatReopenThreshold: 6 } }), 422, 'validation_failed');
    expectError(await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { windowDays: 0 } }), 422, 'validation_failed');
    try {
      const put = await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { delayHours: 2, csatReopenThreshold: 3 } });
      expect(put.statusCode, put.body).toBe(200);
      expect(json(put)).toMatchObject({ delayHours: 2, csatReopenThreshold: 3, windowDays: 7 });
      const { c } = await resolved();
      t.clock.advance(2 * HOUR);
      await sweep();
      expect(ofType(await events(c.id), 'survey.requested')).toHaveLength(1);
      const r = await answer(tokenOf(await lastSurvey(c.id)), { csat: 3 });
      expect(json(r)).toMatchObject({ outcome: 'reopened' });
      // disabled: no survey at all
      await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { enabled: false } });
      const { c: quiet } = await resolved();
      expect(await surveysOf(quiet.id)).toEqual([]);
    } finally {
      await t.request('PUT', '/api/v1/admin/survey-settings', { token: admin.token, body: { enabled: true, delayHours: 24, csatReopenThreshold: 2 } });
    }
  });
});

describe('satisfaction report', () => {
  it('counts, response rate, CSAT, CSAT %, NPS and reopens per agent, department and category', async () => {
    // a period of its own: nothing else in this file was resolved in it
    t.clock.advance(30 * DAY);
    const from = t.clock.now().toISOString();
    const to = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const ann = await t.user('agent', { name: 'Ann' });
    const bob = await t.user('agent', { name: 'Bob' });
    // [agent, category, answer]: csat / nps; null = never answered
    const plan: Array<[Person, string, { csat: number; nps?: number } | null]> = [
      [ann, 'logistics', { csat: 5, nps: 10 }],
      [ann, 'logistics', { csat: 4, nps: 9 }],
      [ann, 'refund', { csat: 1, nps: 0 }],
      [ann, 'logistics', null],
      [bob, 'refund', { csat: 3, nps: 7 }],
      [bob, 'refund', { csat: 2 }],
    ];
    const ids: string[] = [];
    for (const [who, category] of plan) {
      const cu = await t.customer();
      const c = await complaint(t, cu.id, { category }, who.token);
      await setStatus(t, c.id, 'resolved', who.token);
      ids.push(c.id);
    }
    // resolved in the period but not surveyed yet: not counted
    const pending = await complaint(t, (await t.customer()).id, {}, ann.token);
    t.clock.advance(24 * HOUR);
    await sweep();
    await setStatus(t, pending.id, 'resolved', ann.token);
    for (const [i, [, , a]] of plan.entries()) {
      if (!a) continue;
      const res = await answer(tokenOf(await lastSurvey(ids[i]!)), a);
      expect(res.statusCode, res.body).toBe(201);
    }
    const report = async (q: string) => {
      const res = await t.request('GET', `/api/v1/reports/satisfaction?${q}`, { token: admin.token });
      expect(res.statusCode, res.body).toBe(200);
      return json<{ items: Array<Record<string, unknown>>; total: Record<string, unknown> }>(res);
    };
    const byAgent = await report(`groupBy=agent&${period}`);
    expect(byAgent.items.map((r) => r.key).sort()).toEqual([ann.id, bob.id].sort());
    // Ann: 4 sent, 3 answered (5, 4, 1): avg 3.33, CSAT% 66.7; NPS answers 10, 9, 0 → (2 − 1) / 3 = 33.3; one reopened (csat 1)
    expect(byAgent.items.find((r) => r.key === ann.id)).toEqual({
      key: ann.id, label: 'Ann', sent: 4, answered: 3, responseRate: 0.75, avgCsat: 3.33, csatPercent: 66.7, npsResponses: 3, nps: 33.3, reopenedAfterSurvey: 1,
    });
    // Bob: 2 sent, 2 answered (3, 2): avg 2.5, CSAT% 0; NPS 7 is passive → 0; csat 2 ≤ 2 reopened
    expect(byAgent.items.find((r) => r.key === bob.id)).toEqual({
      key: bob.id, label: 'Bob', sent: 2, answered: 2, responseRate: 1, avgCsat: 2.5, csatPercent: 0, npsResponses: 1, nps: 0, reopenedAfterSurvey: 1,
    });
    expect(byAgent.total).toEqual({ sent: 6, answered: 5, responseRate: 0.8333, avgCsat: 3, csatPercent: 40, npsResponses: 4, nps: 25, reopenedAfterSurvey: 2 });
    const byDept = await report(`groupBy=department&${period}`);
    expect(byDept.items.map((r) => [r.key, r.sent, r.answered, r.avgCsat])).toEqual([['finance', 3, 3, 2], ['logistics', 3, 2, 4.5]]);
    const byCat = await report(`groupBy=category&${period}`);
    expect(byCat.items.map((r) => [r.key, r.csatPercent, r.nps])).toEqual([['logistics', 100, 100], ['refund', 0, -50]]);
    // the period is by resolution time
    expect((await report(`groupBy=agent&from=${encodeURIComponent(to)}`)).total.sent).toBe(0);
    expectError(await t.request('GET', `/api/v1/reports/satisfaction?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, { token: admin.token }), 422, 'validation_failed');
    expectError(await t.request('GET', '/api/v1/reports/satisfaction?groupBy=moon', { token: admin.token }), 422, 'validation_failed');
    expectError(await t.request('GET', '/api/v1/reports/satisfaction', { token: ann.token }), 403, 'forbidden');
    expect((await t.request('GET', '/api/v1/reports/satisfaction', { token: (await t.user('analyst')).token })).statusCode).toBe(200);
  });
});

describe('exactly once across instances', () => {
  it('two app instances on one PostgreSQL send, remind and expire each survey exactly once', async () => {
    if (testDbKind !== 'postgres') return; // PGlite is one process by design (its data dir is locked)
    const clock = new ManualClock('2026-08-03T00:00:00Z');
    const base = await createTestApp({ clock });
    const a = await base.user('agent');
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const cu = await base.customer();
      const c = await complaint(base, cu.id, {}, a.token);
      await setStatus(base, c.id, 'resolved', a.token);
      ids.push(c.id);
    }
    const { a: instA, b: instB, stop } = await startTwoInstances(base.dbUrl!, clock, { scheduler: true });
    try {
      const count = async (type: string) => base.db.query<{ complaint_id: string; n: number }>(
        `select complaint_id, count(*)::int as n from complaint_events where type = $1 group by 1`, [type],
      );
      const race = () => Promise.all([runSurveySweep(instA.ctx), runSurveySweep(instB.ctx), runSurveySweep(instA.ctx), runSurveySweep(instB.ctx)]);
      for (const [advance, type] of [[24 * HOUR, 'survey.requested'], [48 * HOUR, 'survey.reminded'], [5 * DAY, 'survey.expired']] as const) {
        clock.advance(advance);
        await race();
        await new Promise((r) => setTimeout(r, 300)); // the instances' own timers sweep too
        const rows = await count(type);
        expect(rows.map((r) => r.complaint_id).sort(), type).toEqual([...ids].sort());
        expect(rows.every((r) => r.n === 1), type).toBe(true);
      }
      const closed = await base.db.query<{ n: number }>(
        `select count(*)::int as n from complaint_events where type = 'complaint.status_changed' and data->>'to' = 'closed'`,
      );
      expect(closed[0]!.n).toBe(25);
    } finally {
      await stop();
      await base.stop();
    }
  });
});
