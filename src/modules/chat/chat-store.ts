import type { Queryable } from '../../db/database.js';
import { publish } from '../../realtime/bus.js';

export const CHAT_LOCALES = ['zh-CN', 'en'] as const;
export type ChatLocale = (typeof CHAT_LOCALES)[number];
export type ChatState =
  | 'bot' | 'awaiting_feedback' | 'awaiting_clarification' | 'awaiting_order' | 'awaiting_contact'
  | 'waiting_for_agent' | 'with_agent' | 'closed';
export type Sender = 'customer' | 'bot' | 'agent' | 'system';

/** The states in which people, not the bot, answer the customer. */
export const HUMAN_STATES: readonly ChatState[] = ['waiting_for_agent', 'with_agent'];

export interface Pending {
  articleId?: string;
  slug?: string;
  topic?: string;
  reason?: 'requested' | 'emotion' | 'unanswered';
  orderNumber?: string;
}

export interface ChatSessionRow {
  id: string;
  customer_id: string | null;
  locale: ChatLocale;
  state: ChatState;
  failed_answers: number;
  pending: Pending;
  complaint_id: string | null;
  agent_id: string | null;
  handover_upto_seq: string | null;
  handover_reason: string | null;
  outcome: 'deflected' | 'handover' | null;
  created_at: Date;
  updated_at: Date;
}

export interface MessageData {
  options?: { label: string; value: string }[];
  article?: { id: string; slug: string; title: string; url: string };
  intent?: string;
  order?: { number: string; status: string };
}

interface ChatMessageRow {
  id: string;
  seq: string;
  session_id: string;
  sender: Sender;
  author_id: string | null;
  body: string;
  data: MessageData;
  client_id: string | null;
  created_at: Date;
}

export function messageToApi(r: ChatMessageRow) {
  return {
    id: r.id,
    seq: Number(r.seq),
    sessionId: r.session_id,
    sender: r.sender,
    body: r.body,
    ...(r.data.options ? { options: r.data.options } : {}),
    ...(r.data.article ? { article: r.data.article } : {}),
    ...(r.data.order ? { order: r.data.order } : {}),
    clientId: r.client_id,
    createdAt: r.created_at.toISOString(),
  };
}
export type ChatMessageDto = ReturnType<typeof messageToApi>;

export function sessionToApi(s: ChatSessionRow) {
  return {
    id: s.id,
    state: s.state,
    locale: s.locale,
    customerId: s.customer_id,
    complaintId: s.complaint_id,
    agentId: s.agent_id,
    outcome: s.outcome,
    handoverReason: s.handover_reason,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}
export type ChatSessionDto = ReturnType<typeof sessionToApi>;

export async function insertSession(tx: Queryable, s: { id: string; customerId: string | null; locale: ChatLocale; now: Date }): Promise<void> {
  await tx.query(
    `insert into chat_sessions (id, customer_id, locale, state, created_at, updated_at) values ($1, $2, $3, 'bot', $4, $4)`,
    [s.id, s.customerId, s.locale, s.now],
  );
}

export async function lockSession(tx: Queryable, id: string): Promise<ChatSessionRow | null> {
  const [row] = await tx.query<ChatSessionRow>('select * from chat_sessions where id = $1 for update', [id]);
  return row ?? null;
}

export async function getSession(db: Queryable, id: string): Promise<ChatSessionRow | null> {
  const [row] = await db.query<ChatSessionRow>('select * from chat_sessions where id = $1', [id]);
  return row ?? null;
}

export async function saveSession(tx: Queryable, s: ChatSessionRow, now: Date): Promise<void> {
  await tx.query(
    `update chat_sessions set customer_id = $2, locale = $3, state = $4, failed_answers = $5, pending = $6, complaint_id = $7,
            agent_id = $8, handover_upto_seq = $9, handover_reason = $10, outcome = $11, updated_at = $12 where id = $1`,
    [s.id, s.customer_id, s.locale, s.state, s.failed_answers, JSON.stringify(s.pending), s.complaint_id, s.agent_id,
      s.handover_upto_seq, s.handover_reason, s.outcome, now],
  );
}

/**
 * Stores one message and announces it on the bus (delivered to every instance after commit).
 * With a client id a resent message is stored once: the first copy is returned, `created` false.
 */
export async function insertMessage(
  tx: Queryable,
  m: { sessionId: string; sender: Sender; authorId?: string | null; body: string; data?: MessageData; clientId?: string | null; now: Date; complaintMessageId?: string | null },
): Promise<{ message: ChatMessageDto; created: boolean }> {
  const [row] = await tx.query<ChatMessageRow>(
    `insert into chat_messages (session_id, sender, author_id, body, data, client_id, complaint_message_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (session_id, client_id) where client_id is not null do nothing
     returning id, seq::text as seq, session_id, sender, author_id, body, data, client_id, created_at`,
    [m.sessionId, m.sender, m.authorId ?? null, m.body, JSON.stringify(m.data ?? {}), m.clientId ?? null, m.complaintMessageId ?? null, m.now],
  );
  if (!row) {
    const [prior] = await tx.query<ChatMessageRow>(
      `select id, seq::text as seq, session_id, sender, author_id, body, data, client_id, created_at
         from chat_messages where session_id = $1 and client_id = $2`,
      [m.sessionId, m.clientId ?? null],
    );
    return { message: messageToApi(prior!), created: false };
  }
  publish(tx, { topic: 'chat.message', sessionId: m.sessionId, seq: Number(row.seq) });
  return { message: messageToApi(row), created: true };
}

/** One message of a session, by the sender's client id or by its copy in the complaint. */
export async function findMessage(
  db: Queryable,
  sessionId: string,
  by: { clientId: string } | { complaintMessageId: string },
): Promise<ChatMessageDto | null> {
  const [column, value] = 'clientId' in by ? ['client_id', by.clientId] : ['complaint_message_id', by.complaintMessageId];
  const [row] = await db.query<ChatMessageRow>(
    `select id, seq::text as seq, session_id, sender, author_id, body, data, client_id, created_at
       from chat_messages where session_id = $1 and ${column} = $2`,
    [sessionId, value],
  );
  return row ? messageToApi(row) : null;
}

export async function listMessagesAfter(db: Queryable, sessionId: string, afterSeq: number, limit = 500): Promise<ChatMessageDto[]> {
  const rows = await db.query<ChatMessageRow>(
    `select id, seq::text as seq, session_id, sender, author_id, body, data, client_id, created_at
       from chat_messages where session_id = $1 and seq > $2 order by seq limit $3`,
    [sessionId, afterSeq, limit],
  );
  return rows.map(messageToApi);
}

export async function recordChatEvent(
  tx: Queryable,
  e: { sessionId: string; type: string; actorKind: 'bot' | 'user' | 'customer' | 'system'; lane: string; at: Date; data: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    'insert into chat_events (session_id, type, lane, actor_kind, at, data) values ($1, $2, $3, $4, $5, $6)',
    [e.sessionId, e.type, e.lane, e.actorKind, e.at, JSON.stringify(e.data)],
  );
}
