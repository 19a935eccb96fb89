import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { createSession } from '../modules/auth/sessions.js';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { createTestDatabase, testDbKind } from '../test/test-database.js';
import { startTwoInstances } from '../test/two-instances.js';
import { openLiveSocket, type LiveSocket } from './live-socket.js';

let t: TestApp;
const sockets: LiveSocket[] = [];
const open = async (token: string | null) => {
  const s = await openLiveSocket(t.server.url, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await createTestApp({ listen: true });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.stop();
});

async function newComplaint(token: string, category = 'logistics'): Promise<string> {
  const customer = await t.customer();
  const res = await t.request('POST', '/api/v1/complaints', {
    token, body: { channel: 'phone', customerId: customer.id, subject: 'Parcel stuck', description: 'Stuck for a week', category },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

describe('staff live channel', () => {
  it('wants a staff sign-in as its first frame', async () => {
    const anonymous = await open(null);
    anonymous.send({ type: 'presence', complaintId: '00000000-0000-4000-8000-000000000000', state: 'viewing' });
    expect((await anonymous.next((f) => f.type === 'error')).code).toBe('unauthenticated');

    const bad = await open('not-a-token');
    expect(bad.frames[0]).toMatchObject({ type: 'error', code: 'unauthenticated' });
    expect((await bad.closed).code).toBe(4401);

    const customer = await t.customer();
    const asCustomer = await open(customer.token);
    expect(asCustomer.frames[0]).toMatchObject({ type: 'error', code: 'forbidden' });
    expect((await asCustomer.closed).code).toBe(4403);

    const agent = await t.user('agent');
    const ok = await open(agent.token);
    expect(ok.frames[0]).toMatchObject({ type: 'ready', userId: agent.id });
    ok.send({ type: 'ping' });
    await ok.next((f) => f.type === 'pong');
    ok.send({ type: 'nonsense' });
    expect((await ok.next((f) => f.type === 'error')).code).toBe('bad_message');
  });

  it('pushes committed changes to the staff who may see them, and only to them', async () => {
    const agent = await t.user('agent');
    const logistics = await t.user('department_staff', { department: 'logistics' });
    const finance = await t.user('department_staff', { department: 'finance' });
    const [agentSocket, logisticsSocket, financeSocket] = await Promise.all([open(agent.token), open(logistics.token), open(finance.token)]);

    const id = await newComplaint(agent.token, 'logistics');
    const seenByAgent = await agentSocket.next((f) => f.type === 'complaint.changed' && f.complaintId === id);
    expect(seenByAgent.types).toEqual(expect.arrayContaining(['complaint.created', 'sla.started']));
    await logisticsSocket.next((f) => f.type === 'complaint.changed' && f.complaintId === id);

    // A change after the fact reaches them too; finance never hears of this complaint.
    await t.request('POST', `/api/v1/complaints/${id}/messages`, { token: agent.token, body: { kind: 'internal_note', body: 'calling the courier' } });
    await agentSocket.next((f) => f.complaintId === id && (f.types as string[]).includes('message.internal_note'));
    await new Promise((r) => setTimeout(r, 200));
    expect(financeSocket.frames.filter((f) => f.complaintId === id)).toEqual([]);
  });

  it('warns people who have the same complaint open (collision), and refuses presence on hidden complaints', async () => {
    const alice = await t.user('agent', { name: 'Alice' });
    const bob = await t.user('agent', { name: 'Bob' });
    const finance = await t.user('department_staff', { department: 'finance' });
    const id = await newComplaint(alice.token, 'logistics');
    const [a, b, f] = await Promise.all([open(alice.token), open(bob.token), open(finance.token)]);

    a.send({ type: 'presence', complaintId: id, state: 'viewing' });
    await new Promise((r) => setTimeout(r, 100));
    b.send({ type: 'presence', complaintId: id, state: 'viewing' });
    const arrived = await a.next((fr) => fr.type === 'presence' && fr.userId === bob.id);
    expect(arrived).toMatchObject({ complaintId: id, name: 'Bob', state: 'viewing', first: true });
    b.send({ type: 'presence', complaintId: id, state: 'typing' });
    await a.next((fr) => fr.type === 'presence' && fr.userId === bob.id && fr.state === 'typing');
    b.close();
    await a.next((fr) => fr.type === 'presence' && fr.userId === bob.id && fr.state === 'left');

    f.send({ type: 'presence', complaintId: id, state: 'viewing' });
    expect(await f.next((fr) => fr.type === 'error')).toMatchObject({ code: 'not_found', complaintId: id });
    await new Promise((r) => setTimeout(r, 150));
    expect(a.frames.some((fr) => fr.type === 'presence' && fr.userId === finance.id)).toBe(false);
  });

  it('rate-limits a flood without dropping the connection', async () => {
    const agent = await t.user('agent');
    const s = await open(agent.token);
    for (let i = 0; i < 40; i++) s.send({ type: 'ping' });
    await s.next((f) => f.type === 'error' && f.code === 'rate_limited');
    expect(s.frames.filter((f) => f.type === 'pong').length).toBeLessThanOrEqual(30);
  });
});

describe.runIf(testDbKind === 'postgres')('live channel across instances', () => {
  it('a change made on instance A reaches a tab connected to instance B', async () => {
    const { url, drop } = await createTestDatabase();
    const two = await startTwoInstances(url!, new ManualClock(), { scheduler: false, listen: true });
    try {
      const [u] = await two.a.ctx.db.query<{ id: string }>(`insert into users (email, name, role) values ('live@x.test', 'Live', 'agent') returning id`);
      const session = await createSession(two.a.ctx.db, { userId: u!.id }, { kind: 'session', expiresAt: null });
      const onB = await openLiveSocket(two.b.url, session.token);
      sockets.push(onB);
      const res = await two.a.app.inject({
        method: 'POST', url: '/api/v1/complaints', headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ channel: 'phone', customer: { name: 'Cross' }, subject: 'Cross-instance', description: 'made on A' }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = json<{ id: string }>(res).id;
      await onB.next((f) => f.type === 'complaint.changed' && f.complaintId === id);
    } finally {
      await two.stop();
      await drop();
    }
  });
});
