import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { seedKnowledgeBase } from '../kb/seed-kb.js';

type Msg = { id: string; seq: number; sender: string; body: string; options?: { label: string; value: string }[]; article?: { slug: string }; order?: { number: string; status: string } };
type Reply = { session: { id: string; state: string; complaintId: string | null; outcome: string | null; handoverReason: string | null }; messages: Msg[]; sessionToken: string; duplicate: boolean };
type User = { id: string; token: string };

let t: TestApp;
let agent: User;
let alice: User;
let bob: User;

beforeAll(async () => {
  t = await createTestApp();
  await seedKnowledgeBase(t.db, t.clock.now());
  agent = await t.user('agent', { name: 'Agent Li' });
  alice = await t.customer({ name: 'Alice', email: 'alice@example.com' });
  bob = await t.customer({ name: 'Bob', email: 'bob@example.com' });
  await t.db.query(
    `insert into orders (number, customer_id, status, placed_at, delivered_at) values
       ('LD2026030100001', $1, 'shipped', '2026-02-27T02:00:00Z', null),
       ('LD2026030100002', $2, 'delivered', '2026-02-20T02:00:00Z', '2026-02-23T05:00:00Z')`,
    [alice.id, bob.id],
  );
});
afterAll(async () => t.stop());

/** Each conversation gets its own moment so the per-session flood limit never trips by accident. */
async function say(text: string, o: { token?: string; sessionToken?: string; locale?: string; clientId?: string } = {}): Promise<Reply> {
  t.clock.advance(1000);
  const res = await t.request('POST', '/api/v1/bot/messages', {
    token: o.token ?? null,
    body: { text, locale: o.locale ?? 'zh-CN', ...(o.sessionToken ? { sessionToken: o.sessionToken } : {}), ...(o.clientId ? { clientId: o.clientId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return json<Reply>(res);
}
const botLines = (r: Reply) => r.messages.filter((m) => m.sender === 'bot');

describe('bot', () => {
  it('greets, answers from the knowledge base, and records a deflection when the answer helped', async () => {
    const hi = await say('你好');
    expect(botLines(hi)[0]!.body).toContain('您好');
    const answer = await say('退款多久到账？', { sessionToken: hi.sessionToken });
    const [article, ask] = botLines(answer);
    expect(article!.article?.slug).toBe('refund-timeline');
    expect(article!.body).toContain('退款多久到账');
    expect(ask!.options?.map((o) => o.label)).toEqual(['是', '否']);
    expect(answer.session.state).toBe('awaiting_feedback');
    const yes = await say('是', { sessionToken: hi.sessionToken });
    expect(yes.session).toMatchObject({ state: 'bot', outcome: 'deflected', complaintId: null });
    const events = await t.db.query<{ type: string; lane: string }>('select type, lane from chat_events where session_id = $1 order by id', [hi.session.id]);
    expect(events).toEqual([{ type: 'bot.answered', lane: 'frontstage' }, { type: 'bot.deflected', lane: 'frontstage' }]);
  });

  it('answers English questions from English articles', async () => {
    const r = await say('I was charged twice for one order', { locale: 'en' });
    expect(botLines(r)[0]!.article?.slug).toBe('double-charge');
    expect(botLines(r)[1]!.options?.map((o) => o.label)).toEqual(['Yes', 'No']);
  });

  it('asks a clarifying question with options for vague input, then answers the chosen one', async () => {
    const r = await say('快递');
    const options = botLines(r)[0]!.options!.map((o) => o.label);
    expect(options).toEqual(expect.arrayContaining(['快递没收到', '商品运输中损坏', '物流太慢不更新', '快递员态度差']));
    expect(r.session.state).toBe('awaiting_clarification');
    const chosen = await say('商品运输中损坏', { sessionToken: r.sessionToken });
    expect(botLines(chosen)[0]!.article?.slug).toBe('damaged-in-transit');
    const en = await say('delivery', { locale: 'en' });
    expect(botLines(en)[0]!.options!.map((o) => o.label)).toContain('Parcel not received');
  });

  it("answers a signed-in customer's order status and never another customer's", async () => {
    const own = await say('我的订单到哪了', { token: alice.token });
    expect(botLines(own)[0]!.order).toEqual({ number: 'LD2026030100001', status: 'shipped' });
    expect(botLines(own)[0]!.body).toContain('已发货');
    const other = await say('查一下订单 LD2026030100002 到哪了', { token: alice.token, sessionToken: own.sessionToken });
    const line = botLines(other)[0]!;
    expect(line.order).toBeUndefined();
    expect(line.body).not.toContain('签收');
    expect(line.body).toContain('没有找到');
  });

  it('asks an anonymous visitor for order number plus email or phone and only matches both', async () => {
    const ask = await say('where is my order LD2026030100002', { locale: 'en' });
    expect(botLines(ask)[0]!.body).toContain('order number and the phone number or email');
    const wrong = await say('LD2026030100002 alice@example.com', { sessionToken: ask.sessionToken, locale: 'en' });
    expect(botLines(wrong)[0]!.order).toBeUndefined();
    const right = await say('LD2026030100002 bob@example.com', { sessionToken: ask.sessionToken, locale: 'en' });
    expect(botLines(right)[0]!.order).toEqual({ number: 'LD2026030100002', status: 'delivered' });
    expect(botLines(right)[0]!.body).toContain('delivered on 2026-02-23');
  });

  it('转人工 hands over: a chat complaint with the full transcript, classified by intake, session waiting', async () => {
    const first = await say('我的订单到哪了', { token: alice.token });
    const r = await say('快递三天没更新了，转人工', { token: alice.token, sessionToken: first.sessionToken });
    expect(r.session).toMatchObject({ state: 'waiting_for_agent', outcome: 'handover', handoverReason: 'requested' });
    expect(r.session.complaintId).toBeTruthy();
    const c = json<{ channel: string; category: string; customer?: { id: string } }>(await t.request('GET', `/api/v1/complaints/${r.session.complaintId}`, { token: agent.token }));
    expect(c.channel).toBe('chat');
    expect(c.category).toBe('logistics');
    const msgs = json<{ items: Array<{ kind: string; channel: string; body: string; author: { kind: string } }> }>(
      await t.request('GET', `/api/v1/complaints/${r.session.complaintId}/messages`, { token: agent.token }),
    ).items;
    expect(msgs.map((m) => [m.author.kind, m.body.slice(0, 8)])).toEqual([
      ['customer', '我的订单到哪了'],
      ['bot', '订单 LD202'],
      ['customer', '快递三天没更新了'],
      ['bot', '正在为您转接人工'],
    ]);
    expect(msgs.every((m) => m.channel === 'chat')).toBe(true);
    const events = json<{ items: Array<{ type: string; lane: string; actor: { kind: string } }> }>(
      await t.request('GET', `/api/v1/complaints/${r.session.complaintId}/events`, { token: agent.token }),
    ).items;
    expect(events.find((e) => e.type === 'bot.handover')).toMatchObject({ lane: 'frontstage', actor: { kind: 'bot' } });
    expect(events.map((e) => e.type)).toContain('complaint.classified');

    // While waiting, lines go to the complaint, not the bot.
    const more = await say('订单号是 LD2026030100001', { token: alice.token, sessionToken: first.sessionToken });
    expect(botLines(more)).toEqual([]);
    // An agent joins and answers: a public reply on the complaint, seen in the chat.
    const join = await t.request('POST', `/api/v1/chat/sessions/${r.session.id}/join`, { token: agent.token });
    expect(join.statusCode, join.body).toBe(200);
    const reply = await t.request('POST', `/api/v1/chat/sessions/${r.session.id}/messages`, { token: agent.token, body: { text: '您好，我来帮您查。' } });
    expect(reply.statusCode, reply.body).toBe(201);
    const after = json<{ items: Array<{ kind: string; body: string }> }>(await t.request('GET', `/api/v1/complaints/${r.session.complaintId}/messages`, { token: agent.token })).items;
    expect(after.slice(-2).map((m) => [m.kind, m.body])).toEqual([['customer', '订单号是 LD2026030100001'], ['public_reply', '您好，我来帮您查。']]);
    const transcript = json<{ items: Msg[] }>(await t.request('GET', `/api/v1/chat/sessions/${r.session.id}/messages`, { token: agent.token })).items;
    expect(transcript.map((m) => m.sender).slice(-3)).toEqual(['customer', 'system', 'agent']);
    // Customers cannot use the agent side.
    expect((await t.request('POST', `/api/v1/chat/sessions/${r.session.id}/join`, { token: alice.token })).statusCode).toBe(403);
  });

  it('hands over on high emotion, asking an anonymous visitor for contact details first', async () => {
    const r = await say('你们这什么破服务！！！气死我了，再不处理我就投诉到12315！');
    expect(botLines(r).map((m) => m.body).join()).toContain('非常抱歉');
    expect(r.session.state).toBe('awaiting_contact');
    const done = await say('13900001111', { sessionToken: r.sessionToken });
    expect(done.session).toMatchObject({ state: 'waiting_for_agent', handoverReason: 'emotion' });
    const [c] = await t.db.query<{ channel: string; phone: string; severity: string }>(
      'select c.channel, cu.phone, c.severity from complaints c join customers cu on cu.id = c.customer_id where c.id = $1', [done.session.complaintId],
    );
    expect(c).toMatchObject({ channel: 'chat', phone: '13900001111', severity: 'serious' });
  });

  it('hands over after two unanswered questions', async () => {
    const a = await say('xyzzy frobnicate the quux', { token: bob.token, locale: 'en' });
    expect(botLines(a)[0]!.options?.map((o) => o.label)).toContain('Talk to an agent');
    const b = await say('plugh zork grue', { token: bob.token, locale: 'en', sessionToken: a.sessionToken });
    expect(b.session).toMatchObject({ state: 'waiting_for_agent', handoverReason: 'unanswered' });
  });

  it('keeps sessions private and stores a resent line once', async () => {
    const mine = await say('你好', { token: alice.token });
    const other = await t.request('POST', '/api/v1/bot/messages', { token: bob.token, body: { sessionId: mine.session.id, text: 'hi' } });
    expect(other.statusCode).toBe(404);
    const forged = await t.request('POST', '/api/v1/bot/messages', { body: { sessionToken: mine.sessionToken.slice(0, -2) + 'xx', text: 'hi' } });
    expect(forged.statusCode).toBe(404);
    const once = await say('退款多久到账', { sessionToken: mine.sessionToken, clientId: 'c-1' });
    const again = await say('退款多久到账', { sessionToken: mine.sessionToken, clientId: 'c-1' });
    expect(again.duplicate).toBe(true);
    expect(again.messages.map((m) => m.id)).toEqual([once.messages[0]!.id]);
    const script = await say('<script>alert(1)</script>', { sessionToken: mine.sessionToken });
    expect(script.messages[0]!.body).toBe('<script>alert(1)</script>');
    const big = await t.request('POST', '/api/v1/bot/messages', { body: { text: 'x'.repeat(2001) } });
    expect(big.statusCode).toBe(422);
  });

  it('refuses a flood with 429 rate_limited and keeps what was accepted', async () => {
    const first = await say('你好');
    let limited = 0;
    for (let i = 0; i < 12; i++) {
      const res = await t.request('POST', '/api/v1/bot/messages', { body: { sessionToken: first.sessionToken, text: `消息 ${i}` } });
      if (res.statusCode === 429) {
        limited++;
        expect(json<{ error: { code: string } }>(res).error.code).toBe('rate_limited');
      } else expect(res.statusCode).toBe(200);
    }
    expect(limited).toBe(3);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from chat_messages where session_id = $1 and sender = 'customer'`, [first.session.id]) as [{ n: number }];
    expect(n).toBe(10);
  });
});
