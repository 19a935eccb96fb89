import type { AppContext } from '../../http/context.js';
import { AppError, notFound } from '../../errors.js';
import { publish } from '../../realtime/bus.js';
import type { Principal } from '../auth/principal.js';
import { FRONT_LINE, requireRole } from '../auth/require-role.js';
import { addMessage } from '../complaints/commands/add-message.js';
import { matchOrCreateCustomer } from '../customers/match-customer.js';
import { say } from '../bot/bot-texts.js';
import { botTurn, type BotSettings, type TurnResult } from '../bot/bot-turn.js';
import { completeHandover, chatCustomerPrincipal } from './handover.js';
import { listStaffSessions } from './chat-staff-queries.js';
import {
  HUMAN_STATES, findMessage, getSession, insertMessage, lockSession, recordChatEvent, saveSession, sessionToApi,
  type ChatMessageDto, type ChatSessionDto, type ChatSessionRow,
} from './chat-store.js';

export interface PostResult {
  session: ChatSessionDto;
  /** The customer's message, then whatever the bot answered, in order. */
  messages: ChatMessageDto[];
  duplicate: boolean;
}

function botSettings(ctx: AppContext): BotSettings {
  return { emotionThreshold: ctx.config.BOT_EMOTION_HANDOVER, minCoverage: 0.5, maxFailures: 2 };
}

/**
 * A customer's chat line: stored first (so it is never lost), then answered by the bot in the
 * same transaction — or, once a person has the chat, copied into the complaint. A resent line
 * (same client id) is stored and answered once. Hand-over finishes after the commit.
 */
export async function postCustomerMessage(
  ctx: AppContext,
  sessionId: string,
  input: { text: string; clientId?: string },
): Promise<PostResult> {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const s = await lockSession(tx, sessionId);
    if (!s) throw notFound('No such chat session.');
    if (s.state === 'closed') throw new AppError('conflict', 'This chat has ended; start a new one.');
    const windowStart = new Date(now.getTime() - ctx.config.CHAT_RATE_WINDOW_MS);
    const [recent] = await tx.query<{ n: number }>(
      `select count(*)::int as n from chat_messages where session_id = $1 and sender = 'customer' and created_at > $2`,
      [s.id, windowStart],
    );
    if (recent!.n >= ctx.config.CHAT_RATE_LIMIT) {
      throw new AppError('rate_limited', 'Too many messages; wait a few seconds.', [], { 'retry-after': String(Math.ceil(ctx.config.CHAT_RATE_WINDOW_MS / 1000)) });
    }
    const own = await insertMessage(tx, { sessionId: s.id, sender: 'customer', body: input.text, clientId: input.clientId, now });
    if (!own.created) return { s, messages: [own.message], duplicate: true, turn: null as TurnResult | null };
    const messages = [own.message];
    if (HUMAN_STATES.includes(s.state)) {
      // A person has (or is about to have) the chat: no bot; a line sent mid-hand-over is copied with the transcript.
      await saveSession(tx, s, now);
      return { s, messages, duplicate: false, turn: null };
    }
    const turn = await botTurn(tx, s, input.text, botSettings(ctx));
    if (turn.handover) {
      if (!s.customer_id) {
        // The visitor left contact details (or skipped): match them to a customer, or record them as a new one.
        const { customer } = await matchOrCreateCustomer(
          tx,
          { name: s.locale === 'en' ? 'Chat visitor' : '在线访客', email: turn.contact?.email, phone: turn.contact?.phone, locale: s.locale },
          now,
        );
        s.customer_id = customer.id;
      }
      s.state = 'waiting_for_agent';
      s.handover_reason = turn.handover;
      s.outcome = 'handover';
      s.pending = {};
      turn.replies.push({ body: say(turn.handover === 'emotion' ? 'handingOverEmotion' : 'handingOver', s.locale), data: { intent: 'handover' } });
    }
    // Each reply a millisecond after the line it answers: every conversation sorted by time keeps the turn order.
    for (const [i, r] of turn.replies.entries()) {
      const at = new Date(now.getTime() + i + 1);
      messages.push((await insertMessage(tx, { sessionId: s.id, sender: 'bot', body: r.body, data: r.data, now: at })).message);
    }
    if (turn.handover) s.handover_upto_seq = String(messages.at(-1)!.seq);
    if (turn.answered) {
      await recordChatEvent(tx, { sessionId: s.id, type: 'bot.answered', actorKind: 'bot', lane: 'frontstage', at: now, data: { sessionId: s.id, ...turn.answered } });
    }
    if (turn.deflected) {
      await recordChatEvent(tx, { sessionId: s.id, type: 'bot.deflected', actorKind: 'bot', lane: 'frontstage', at: now, data: { sessionId: s.id, articleId: turn.deflected.articleId, reason: 'customer confirmed the answer helped' } });
    }
    await saveSession(tx, s, now);
    return { s, messages, duplicate: false, turn };
  });
  let session = outcome.s;
  if (!outcome.duplicate) {
    if (outcome.turn?.handover || (session.state === 'waiting_for_agent' && !session.complaint_id)) {
      session = await completeHandover(ctx, session.id);
    } else if (HUMAN_STATES.includes(session.state) && session.complaint_id) {
      await mirrorCustomerLine(ctx, session, outcome.messages[0]!);
    }
  }
  return { session: sessionToApi(session), messages: outcome.messages, duplicate: outcome.duplicate };
}

/** A line the customer writes while a person has the chat goes into the complaint like any customer message. */
async function mirrorCustomerLine(ctx: AppContext, s: ChatSessionRow, m: ChatMessageDto): Promise<void> {
  const principal = await chatCustomerPrincipal(ctx.db, s);
  const copy = await addMessage(ctx, principal, s.complaint_id!, { body: m.body, channel: 'chat' });
  await ctx.db.query('update chat_messages set complaint_message_id = $2 where id = $1', [m.id, copy.id]);
}

/** An agent takes a handed-over chat: the customer sees who joined. */
export async function joinSession(ctx: AppContext, p: Principal, sessionId: string): Promise<{ session: ChatSessionDto; message: ChatMessageDto | null }> {
  const agent = requireRole(p, FRONT_LINE, 'take chats');
  const now = ctx.clock.now();
  let s = await getSession(ctx.db, sessionId);
  if (!s || !HUMAN_STATES.includes(s.state)) throw notFound('No chat is waiting with this id.');
  if (!s.complaint_id) s = await completeHandover(ctx, s.id);
  return ctx.db.transaction(async (tx) => {
    const row = (await lockSession(tx, sessionId))!;
    if (!HUMAN_STATES.includes(row.state)) throw notFound('No chat is waiting with this id.');
    if (row.agent_id === agent.userId && row.state === 'with_agent') return { session: sessionToApi(row), message: null };
    row.agent_id = agent.userId;
    row.state = 'with_agent';
    const { message } = await insertMessage(tx, {
      sessionId, sender: 'system', authorId: agent.userId, body: say('agentJoined', row.locale, { name: agent.name }), data: { intent: 'agent_joined' }, now,
    });
    await saveSession(tx, row, now);
    publish(tx, { topic: 'chat.session', sessionId, state: row.state });
    return { session: sessionToApi(row), message };
  });
}

/** Thrown inside the reply's transaction to undo it when the line turns out to be a resend. */
class ResentLine extends Error {
  constructor(readonly prior: ChatMessageDto) {
    super('resent chat line');
  }
}

/**
 * An agent's chat line: a public reply on the complaint (the first one meets the
 * first-response clock). The reply's own listener (chat-reply-mirror.ts) says it in the chat,
 * in the same transaction; here the chat line gets the sender's client id, so a resent line
 * is stored once. If the chat ended meanwhile, nothing is stored (409).
 */
export async function postAgentMessage(
  ctx: AppContext,
  p: Principal,
  sessionId: string,
  input: { text: string; clientId?: string },
): Promise<ChatMessageDto> {
  const agent = requireRole(p, FRONT_LINE, 'answer chats');
  let s = await getSession(ctx.db, sessionId);
  if (!s || !HUMAN_STATES.includes(s.state)) throw notFound('No chat with a person in it has this id.');
  if (input.clientId) {
    const prior = await findMessage(ctx.db, sessionId, { clientId: input.clientId });
    if (prior) return prior;
  }
  if (s.agent_id !== agent.userId || s.state !== 'with_agent' || !s.complaint_id) {
    await joinSession(ctx, p, sessionId);
    s = (await getSession(ctx.db, sessionId))!;
  }
  try {
    const reply = await addMessage(ctx, p, s.complaint_id!, { kind: 'public_reply', body: input.text, channel: 'chat' }, {
      // Replies to one complaint are serialised by its row lock, so this check cannot race a resend.
      inTransaction: async (tx, { messageId }) => {
        if (input.clientId) {
          const prior = await findMessage(tx, sessionId, { clientId: input.clientId });
          if (prior) throw new ResentLine(prior);
        }
        const [line] = await tx.query<{ id: string }>(
          'update chat_messages set client_id = $3 where session_id = $1 and complaint_message_id = $2 returning id',
          [sessionId, messageId, input.clientId ?? null],
        );
        if (!line) throw new AppError('conflict', 'This chat has ended; reply on the complaint instead.');
      },
    });
    return (await findMessage(ctx.db, sessionId, { complaintMessageId: reply.id }))!;
  } catch (err) {
    if (err instanceof ResentLine) return err.prior;
    throw err;
  }
}

/** The chats people are needed in, oldest wait first. */
export async function listHumanSessions(ctx: AppContext, p: Principal, state?: 'waiting_for_agent' | 'with_agent') {
  requireRole(p, FRONT_LINE, 'see chats');
  return { items: await listStaffSessions(ctx.db, state), nextCursor: null };
}

/** The agent ends the chat; the complaint carries on in its own workflow. */
export async function closeSession(ctx: AppContext, p: Principal, sessionId: string): Promise<ChatSessionDto> {
  requireRole(p, FRONT_LINE, 'close chats');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockSession(tx, sessionId);
    if (!row) throw notFound('No such chat session.');
    if (row.state !== 'closed') {
      row.state = 'closed';
      await insertMessage(tx, { sessionId, sender: 'system', body: row.locale === 'en' ? 'The chat has ended.' : '本次会话已结束。', data: { intent: 'closed' }, now });
      await saveSession(tx, row, now);
      publish(tx, { topic: 'chat.session', sessionId, state: row.state });
    }
    return sessionToApi(row);
  });
}
