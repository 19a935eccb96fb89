import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { openPostgres } from '../../db/postgres-database.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { testDbKind } from '../../test/test-database.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { isMessage, TestSocket, type Frame } from '../../test/ws-client.js';
import { seedKnowledgeBase } from '../kb/seed-kb.js';

type Msg = { id: string; seq: number; sender: string; body: string; options?: { label: string }[] };
type User = { id: string; token: string };

let t: TestApp;
let base: string;
let agent: User;
let customer: User;
const sockets: TestSocket[] = [];

async function until<T>(probe: () => Promise<T | null>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function open(path: string): Promise<TestSocket> {
  const s = await TestSocket.open(`${base}${path}`);
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedKnowledgeBase(t.db, t.clock.now());
  agent = await t.user('agent', { name: 'Agent Wang' });
  customer = await t.customer({ name: 'Carol' });
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.server.app.server.address() as { port: number };
  base = `ws://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  for (const s of sockets) await s.close();
  await t.stop();
});

describe('chat over WebSocket', () => {
  it('bot answers, hands over on 转人工, an agent joins and both sides see each other live', async () => {
    const c = await open('/api/v1/chat/ws');
    const welcome = await c.next((f) => f.type === 'welcome');
    expect(welcome.sessionToken).toEqual(expect.any(String));
    const sessionId = (welcome.session as { id: string }).id;

    c.send({ type: 'message', text: '退款多久到账', clientId: 'm1' });
    expect(await c.next((f) => f.type === 'ack')).toMatchObject({ clientId: 'm1', duplicate: false });
    const answer = await c.next(isMessage('bot', (b) => b.includes('退款多久到账')));
    expect((answer.message as { article?: { slug: string } }).article?.slug).toBe('refund-timeline');

    t.clock.advance(1000);
    c.send({ type: 'message', text: '没用，转人工', clientId: 'm2' });
    await c.next(isMessage('bot', (b) => b.includes('跳过')));
    t.clock.advance(1000);
    c.send({ type: 'message', text: 'carol.chat@example.com', clientId: 'm3' });
    await c.next(isMessage('bot', (b) => b.includes('转接人工')));
    // The hand-over line may arrive (via the bus) just before the complaint is written: wait for it.
    const s = await until(async () => {
      const [row] = await t.db.query<{ state: string; complaint_id: string | null }>('select state, complaint_id from chat_sessions where id = $1', [sessionId]);
      return row?.complaint_id ? row : null;
    });
    expect(s.state).toBe('waiting_for_agent');

    // The agent's lobby hears about waiting chats; joining brings the history.
    const a = await open(`/api/v1/chat/ws?role=agent&token=${agent.token}`);
    await a.next((f) => f.type === 'welcome');
    a.send({ type: 'join', sessionId });
    const joined = await a.next((f) => f.type === 'joined');
    expect((joined.messages as Msg[]).map((m) => m.body)).toContain('退款多久到账');
    await c.next(isMessage('system', (b) => b.includes('Agent Wang')));

    a.send({ type: 'message', sessionId, text: '您好，我是王，马上帮您查退款。', clientId: 'a1' });
    await c.next(isMessage('agent', (b) => b.includes('马上帮您查退款')));
    t.clock.advance(1000);
    c.send({ type: 'message', text: '好的，订单号 LD123456', clientId: 'm4' });
    await a.next(isMessage('customer', (b) => b.includes('LD123456')));

    // The line reaches the agent live first; its copy in the complaint follows the same request.
    const msgs = await until(async () => {
      const items = json<{ items: Array<{ kind: string; body: string }> }>(
        await t.request('GET', `/api/v1/complaints/${s.complaint_id}/messages`, { token: agent.token }),
      ).items;
      return items.some((m) => m.body.includes('LD123456')) ? items : null;
    });
    expect(msgs.map((m) => m.body)).toEqual(expect.arrayContaining(['退款多久到账', '您好，我是王，马上帮您查退款。', '好的，订单号 LD123456']));
  });

  it('resumes a chat with its token; another token or a customer who is not the owner gets nothing', async () => {
    const c = await open(`/api/v1/chat/ws?token=${customer.token}&locale=en`);
    const w = await c.next((f) => f.type === 'welcome');
    c.send({ type: 'message', text: 'hello', clientId: 'x1' });
    await c.next(isMessage('bot'));
    const again = await open(`/api/v1/chat/ws?session=${encodeURIComponent(String(w.sessionToken))}`);
    const w2 = await again.next((f) => f.type === 'welcome');
    expect((w2.messages as Msg[]).map((m) => m.body)).toContain('hello');
    const forged = await open(`/api/v1/chat/ws?session=${encodeURIComponent(String(w.sessionToken).slice(0, -3) + 'abc')}`);
    expect(await forged.next((f) => f.type === 'error')).toMatchObject({ code: 'not_found' });
    const bad = await open('/api/v1/chat/ws?role=agent&token=nope');
    expect(await bad.next((f) => f.type === 'error')).toMatchObject({ code: 'unauthenticated' });
    const asCustomer = await open(`/api/v1/chat/ws?role=agent&token=${customer.token}`);
    expect(await asCustomer.next((f) => f.type === 'error')).toMatchObject({ code: 'forbidden' });
  });

  it('a flood gets rate_limited frames, bad frames get clear errors, the server keeps going and stores only what it accepted', async () => {
    const c = await open('/api/v1/chat/ws');
    const w = await c.next((f) => f.type === 'welcome');
    const sessionId = (w.session as { id: string }).id;
    for (let i = 0; i < 25; i++) c.send({ type: 'message', text: `flood ${i}`, clientId: `f${i}` });
    c.send('not json');
    c.send({ type: 'message', text: 'x'.repeat(2001) });
    c.send('y'.repeat(20_000));
    const limited = await c.next((f) => f.type === 'error' && f.code === 'rate_limited');
    expect(limited.clientId).toMatch(/^f\d+$/);
    await c.next((f) => f.type === 'error' && f.code === 'invalid_json');
    await c.next((f) => f.type === 'error' && f.code === 'payload_too_large');
    // Wait until every accepted message is acknowledged, then compare with the database.
    await new Promise((r) => setTimeout(r, 1500));
    const acked = c.frames.filter((f) => f.type === 'ack').map((f) => f.clientId);
    const refused = c.frames.filter((f: Frame) => f.type === 'error' && f.code === 'rate_limited' && f.clientId).map((f) => f.clientId);
    expect(acked.length + refused.length).toBe(25);
    expect(acked.length).toBeLessThanOrEqual(10);
    const stored = await t.db.query<{ client_id: string }>(`select client_id from chat_messages where session_id = $1 and sender = 'customer' order by seq`, [sessionId]);
    expect(stored.map((r) => r.client_id)).toEqual(acked);
    // Still serving: a new connection works.
    const ok = await open('/api/v1/chat/ws');
    await ok.next((f) => f.type === 'welcome');
    expect((await t.request('GET', '/healthz')).statusCode).toBe(200);
  });

  it('serves the widget script, which renders text with textContent only', async () => {
    const res = await t.request('GET', '/widget.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body).toContain('/api/v1/chat/ws');
    expect(res.body).toContain('attachShadow');
    expect(res.body).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});

describe.runIf(testDbKind === 'postgres')('chat across two instances on PostgreSQL', () => {
  it('an agent on instance B receives the customer message sent on instance A, and the other way round', async () => {
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const two = await startTwoInstances(t.dbUrl!, clock, { scheduler: false });
    const db = await openPostgres(t.dbUrl!, 1);
    try {
      await two.a.app.listen({ port: 0, host: '127.0.0.1' });
      await two.b.app.listen({ port: 0, host: '127.0.0.1' });
      const portOf = (s: typeof two.a) => (s.app.server.address() as { port: number }).port;
      const c = await TestSocket.open(`ws://127.0.0.1:${portOf(two.a)}/api/v1/chat/ws?token=${customer.token}`);
      sockets.push(c);
      const w = await c.next((f) => f.type === 'welcome');
      const sessionId = (w.session as { id: string }).id;
      c.send({ type: 'message', text: '转人工', clientId: 'p1' });
      await c.next(isMessage('bot', (b) => b.includes('转接人工')));

      const a = await TestSocket.open(`ws://127.0.0.1:${portOf(two.b)}/api/v1/chat/ws?role=agent&token=${agent.token}`);
      sockets.push(a);
      await a.next((f) => f.type === 'welcome');
      a.send({ type: 'join', sessionId });
      await a.next((f) => f.type === 'joined');
      await c.next(isMessage('system'));

      clock.advance(1000);
      c.send({ type: 'message', text: '我在 A 实例上', clientId: 'p2' });
      await a.next(isMessage('customer', (b) => b === '我在 A 实例上'));
      a.send({ type: 'message', sessionId, text: '我在 B 实例上', clientId: 'b1' });
      await c.next(isMessage('agent', (b) => b === '我在 B 实例上'));
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from chat_messages where session_id = $1`, [sessionId]);
      expect(row!.n).toBeGreaterThanOrEqual(5);
    } finally {
      await db.close();
      await two.stop();
    }
  });
});
