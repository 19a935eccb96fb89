import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { openLiveSocket, type LiveSocket } from './live-socket.js';
import { MAX_WATCHED_CHATS } from './chat-relay.js';

/** Chats on the staff live channel: who hears about waiting chats and about the lines in them. */
let t: TestApp;
const sockets: LiveSocket[] = [];
const open = async (token: string) => {
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

async function say(token: string, text: string, sessionToken?: string) {
  t.clock.advance(1000);
  const res = await t.request('POST', '/api/v1/bot/messages', { token, body: { text, ...(sessionToken ? { sessionToken } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ session: { id: string }; sessionToken: string }>(res);
}

describe('chat on the staff live channel', () => {
  it('tells agents, supervisors and admins that a chat waits, and lines only to tabs that have it open', async () => {
    const [agent, supervisor, admin, dept, analyst] = await Promise.all([
      t.user('agent'), t.user('supervisor'), t.user('admin'), t.user('department_staff', { department: 'logistics' }), t.user('analyst'),
    ]);
    const [a, s, ad, d, an] = await Promise.all([open(agent.token), open(supervisor.token), open(admin.token), open(dept.token), open(analyst.token)]);
    const customer = await t.customer({ name: 'Gao' });

    // A chat that only talks to the bot is nobody's business yet.
    const bot = await say(customer.token, '你好');
    const chat = await say(customer.token, '转人工', bot.sessionToken);
    const sessionId = chat.session.id;
    for (const sock of [a, s, ad]) {
      expect(await sock.next((f) => f.type === 'chat.session' && f.sessionId === sessionId)).toMatchObject({ state: 'waiting_for_agent' });
    }

    // Lines reach the agent once the tab follows the chat.
    a.send({ type: 'chat.watch', sessionId, watching: true });
    await a.next((f) => f.type === 'chat.watching' && f.sessionId === sessionId);
    await say(customer.token, '我的包裹丢了', chat.sessionToken);
    const line = await a.next((f) => f.type === 'chat.message' && f.sessionId === sessionId);
    expect(line.seq).toEqual(expect.any(Number));
    // The hint is enough to catch up through the API.
    const after = json<{ items: Array<{ seq: number; body: string }> }>(
      await t.request('GET', `/api/v1/chat/sessions/${sessionId}/messages?after=${Number(line.seq) - 1}`, { token: agent.token }),
    ).items;
    expect(after[0]).toMatchObject({ seq: line.seq, body: '我的包裹丢了' });

    // Department staff and analysts may not follow chats.
    for (const sock of [d, an]) {
      sock.send({ type: 'chat.watch', sessionId, watching: true });
      expect(await sock.next((f) => f.type === 'error' && f.sessionId === sessionId)).toMatchObject({ code: 'forbidden' });
    }

    // Stop following: no more lines; joining is still announced to everyone who takes chats.
    a.send({ type: 'chat.watch', sessionId, watching: false });
    a.send({ type: 'ping' });
    await a.next((f) => f.type === 'pong');
    const before = a.frames.length;
    await say(customer.token, '还有人吗', chat.sessionToken);
    await t.request('POST', `/api/v1/chat/sessions/${sessionId}/join`, { token: supervisor.token });
    await a.next((f) => f.type === 'chat.session' && f.sessionId === sessionId && f.state === 'with_agent');
    expect(a.frames.slice(before).filter((f) => f.type === 'chat.message')).toEqual([]);
    // The supervisor never opened the chat in that tab: no lines there either.
    expect(s.frames.filter((f) => f.type === 'chat.message')).toEqual([]);
    // Nothing about chats ever reached department staff or analysts.
    for (const sock of [d, an]) expect(sock.frames.filter((f) => String(f.type).startsWith('chat.'))).toEqual([]);
  });

  it('refuses malformed watch frames and bounds how many chats one tab follows', async () => {
    const agent = await t.user('agent');
    const a = await open(agent.token);
    a.send({ type: 'chat.watch', sessionId: 'not-a-uuid', watching: true });
    expect(await a.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_message' });
    for (let i = 0; i <= MAX_WATCHED_CHATS; i++) {
      a.send({ type: 'chat.watch', sessionId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, watching: true });
    }
    expect(await a.next((f) => f.type === 'error' && f.code === 'too_many')).toMatchObject({ sessionId: `00000000-0000-4000-8000-${String(MAX_WATCHED_CHATS).padStart(12, '0')}` });
    expect(a.frames.filter((f) => f.type === 'chat.watching')).toHaveLength(MAX_WATCHED_CHATS);
  });
});
