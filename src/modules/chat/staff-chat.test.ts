import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { isMessage, TestSocket } from '../../test/ws-client.js';

/**
 * The staff side of chat: the list agents pick from, one conversation between the chat and
 * its complaint (replies either way appear once on each side, live for the customer), and the
 * order the bot talked about linked to the complaint it hands over.
 */
type Msg = { id: string; seq: number; sender: string; body: string; clientId: string | null };
type ComplaintMsg = { id: string; kind: string; channel: string; body: string };
type StaffChat = {
  id: string; state: string; customerName: string | null; complaintId: string | null; complaintNumber: string | null;
  handoverReason: string | null; waitingSince: string; agentName: string | null;
};
type User = { id: string; token: string };

let t: TestApp;
let agent: User;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  agent = await t.user('agent', { name: 'Agent Zhao' });
});
afterAll(async () => {
  for (const s of sockets) await s.close();
  await t.stop();
});

async function botSay(token: string, text: string, sessionToken?: string) {
  t.clock.advance(1000);
  const res = await t.request('POST', '/api/v1/bot/messages', { token, body: { text, ...(sessionToken ? { sessionToken } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ session: { id: string; state: string; complaintId: string | null }; sessionToken: string; messages: Msg[] }>(res);
}

/** A signed-in customer asks for a person over REST; returns the waiting session. */
async function handedOver(name: string) {
  const c = await t.customer({ name });
  const r = await botSay(c.token, '包裹三天没动了，转人工');
  expect(r.session.state).toBe('waiting_for_agent');
  return { customer: c, sessionId: r.session.id, sessionToken: r.sessionToken, complaintId: r.session.complaintId! };
}

const transcript = async (sessionId: string) =>
  json<{ session: StaffChat; items: Msg[] }>(await t.request('GET', `/api/v1/chat/sessions/${sessionId}/messages`, { token: agent.token }));
const complaintMessages = async (complaintId: string) =>
  json<{ items: ComplaintMsg[] }>(await t.request('GET', `/api/v1/complaints/${complaintId}/messages`, { token: agent.token })).items;

describe('chats for staff', () => {
  it('lists waiting chats by how long they have waited, with customer, reason and complaint number', async () => {
    const first = await handedOver('Early Bird');
    const second = await handedOver('Late Comer');
    // The first customer keeps typing while waiting: that must not cost them their place.
    await botSay(first.customer.token, '还在吗？', first.sessionToken);

    const res = await t.request('GET', '/api/v1/chat/sessions?state=waiting_for_agent', { token: agent.token });
    expect(res.statusCode, res.body).toBe(200);
    const mine = json<{ items: StaffChat[] }>(res).items.filter((s) => [first.sessionId, second.sessionId].includes(s.id));
    expect(mine.map((s) => s.customerName)).toEqual(['Early Bird', 'Late Comer']);
    const [number] = await t.db.query<{ number: string }>('select number from complaints where id = $1', [first.complaintId]);
    expect(mine[0]).toMatchObject({ handoverReason: 'requested', complaintNumber: number!.number, agentName: null });
    expect(Date.parse(mine[0]!.waitingSince)).toBeLessThan(Date.parse(mine[1]!.waitingSince));

    await t.request('POST', `/api/v1/chat/sessions/${second.sessionId}/join`, { token: agent.token });
    const withAgent = json<{ items: StaffChat[] }>(await t.request('GET', '/api/v1/chat/sessions?state=with_agent', { token: agent.token })).items;
    expect(withAgent.find((s) => s.id === second.sessionId)).toMatchObject({ state: 'with_agent', agentName: 'Agent Zhao' });
    // The transcript carries the same summary, bot turns included.
    const tr = await transcript(first.sessionId);
    expect(tr.session).toMatchObject({ customerName: 'Early Bird', complaintNumber: number!.number });
    expect(tr.items.map((m) => m.sender)).toEqual(['customer', 'bot', 'customer']);

    // Deny by default: department staff, analysts and customers see no chats.
    const dept = await t.user('department_staff', { department: 'logistics' });
    const analyst = await t.user('analyst');
    for (const token of [dept.token, analyst.token, first.customer.token]) {
      expect((await t.request('GET', '/api/v1/chat/sessions', { token })).statusCode).toBe(403);
      expect((await t.request('GET', `/api/v1/chat/sessions/${first.sessionId}/messages`, { token })).statusCode).toBe(403);
    }
    const bogus = await t.request('GET', '/api/v1/chat/sessions?state=bogus', { token: agent.token });
    expect(bogus.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(bogus).error.code).toBe('validation_failed');
  });

  it('a public reply from the complaint view reaches the open chat live, and every line is on both sides exactly once', async () => {
    const carol = await t.customer({ name: 'Carol' });
    const c = await TestSocket.open(`${t.server.url.replace(/^http/, 'ws')}/api/v1/chat/ws?token=${carol.token}`);
    sockets.push(c);
    const welcome = await c.next((f) => f.type === 'welcome');
    const sessionId = (welcome.session as { id: string }).id;
    c.send({ type: 'message', text: '我要转人工', clientId: 'c1' });
    await c.next(isMessage('bot', (b) => b.includes('转接人工')));
    const complaintId = await (async () => {
      for (let i = 0; i < 250; i++) {
        const [row] = await t.db.query<{ complaint_id: string | null }>('select complaint_id from chat_sessions where id = $1', [sessionId]);
        if (row?.complaint_id) return row.complaint_id;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('no complaint for the chat');
    })();
    const [{ number }] = await t.db.query<{ number: string }>('select number from complaints where id = $1', [complaintId]) as [{ number: string }];

    // From the complaint view (by number, as the UI links it), while the chat still waits for a person.
    const fromComplaint = await t.request('POST', `/api/v1/complaints/${number}/messages`, { token: agent.token, body: { kind: 'public_reply', body: '您好，您的投诉我们已收到，正在处理。' } });
    expect(fromComplaint.statusCode, fromComplaint.body).toBe(201);
    await c.next(isMessage('agent', (b) => b === '您好，您的投诉我们已收到，正在处理。'));
    // Internal notes stay internal.
    await t.request('POST', `/api/v1/complaints/${complaintId}/messages`, { token: agent.token, body: { kind: 'internal_note', body: '内部备注：先查物流' } });

    // From the chat screen, with a resend of the same line.
    const line = { text: '我是赵，正在帮您查物流。', clientId: 'agent-1' };
    const sent = await t.request('POST', `/api/v1/chat/sessions/${sessionId}/messages`, { token: agent.token, body: line });
    expect(sent.statusCode, sent.body).toBe(201);
    const resent = await t.request('POST', `/api/v1/chat/sessions/${sessionId}/messages`, { token: agent.token, body: line });
    expect(json<Msg>(resent).id).toBe(json<Msg>(sent).id);
    await c.next(isMessage('agent', (b) => b === line.text));
    c.send({ type: 'message', text: '好的，谢谢', clientId: 'c2' });
    await c.next((f) => f.type === 'ack' && f.clientId === 'c2');

    const chatLines = (await transcript(sessionId)).items;
    const count = (items: Array<{ body: string }>, body: string) => items.filter((m) => m.body === body).length;
    const inComplaint = await (async () => {
      // The customer's line is copied into the complaint right after it is acknowledged.
      for (let i = 0; i < 250; i++) {
        const items = await complaintMessages(complaintId);
        if (count(items, '好的，谢谢')) return items;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('customer line not copied');
    })();
    for (const body of ['您好，您的投诉我们已收到，正在处理。', line.text, '好的，谢谢']) {
      expect(count(chatLines, body), `chat: ${body}`).toBe(1);
      expect(count(inComplaint, body), `complaint: ${body}`).toBe(1);
    }
    expect(chatLines.find((m) => m.body === line.text)).toMatchObject({ sender: 'agent', clientId: 'agent-1' });
    expect(inComplaint.find((m) => m.body === line.text)).toMatchObject({ kind: 'public_reply', channel: 'chat' });
    expect(count(chatLines, '内部备注：先查物流')).toBe(0);

    // Once the chat is closed, complaint replies stay on the complaint (the customer gets them as notices).
    expect((await t.request('POST', `/api/v1/chat/sessions/${sessionId}/close`, { token: agent.token })).statusCode).toBe(200);
    await t.request('POST', `/api/v1/complaints/${complaintId}/messages`, { token: agent.token, body: { kind: 'public_reply', body: '后续处理结果会邮件通知您。' } });
    expect(count((await transcript(sessionId)).items, '后续处理结果会邮件通知您。')).toBe(0);
    const late = await t.request('POST', `/api/v1/chat/sessions/${sessionId}/messages`, { token: agent.token, body: { text: '还在吗？' } });
    expect(late.statusCode).toBe(404);
    expect(count(await complaintMessages(complaintId), '还在吗？')).toBe(0);
  });

  it('links the complaint to the order the bot talked about, only when it was one order', async () => {
    const one = await t.customer({ name: 'Dan' });
    const two = await t.customer({ name: 'Erin' });
    const orders = await t.db.query<{ id: string; number: string }>(
      `insert into orders (number, customer_id, status, placed_at) values
         ('LD2026030200011', $1, 'shipped', '2026-02-27T02:00:00Z'),
         ('LD2026030200012', $1, 'delivered', '2026-02-20T02:00:00Z'),
         ('LD2026030200021', $2, 'shipped', '2026-02-26T02:00:00Z'),
         ('LD2026030200022', $2, 'shipped', '2026-02-25T02:00:00Z')
       returning id, number`,
      [one.id, two.id],
    );
    const idOf = (n: string) => orders.find((o) => o.number === n)!.id;
    const orderOf = async (complaintId: string) =>
      json<{ orderId: string | null }>(await t.request('GET', `/api/v1/complaints/${complaintId}`, { token: agent.token })).orderId;

    // Dan has two orders; the bot asks which, he names one, then wants a person.
    const ask = await botSay(one.token, '我的订单到哪了');
    expect(ask.messages.at(-1)!.body).not.toContain('LD2026030200011：');
    const picked = await botSay(one.token, 'LD2026030200011', ask.sessionToken);
    expect(picked.messages.some((m) => m.sender === 'bot' && m.body.includes('LD2026030200011'))).toBe(true);
    const dan = await botSay(one.token, '一直没到，转人工', ask.sessionToken);
    expect(await orderOf(dan.session.complaintId!)).toBe(idOf('LD2026030200011'));

    // Erin asks about both of hers: which one the complaint is about is for a person to decide.
    const a = await botSay(two.token, '查一下订单 LD2026030200021');
    await botSay(two.token, '还有订单 LD2026030200022', a.sessionToken);
    const erin = await botSay(two.token, '转人工', a.sessionToken);
    expect(erin.session.complaintId).toBeTruthy();
    expect(await orderOf(erin.session.complaintId!)).toBeNull();

    // No order talk, no order.
    const plain = await handedOver('Fay');
    expect(await orderOf(plain.complaintId)).toBeNull();
  });
});
