import type { Queryable } from '../../db/database.js';
import type { AppContext } from '../../http/context.js';
import { publish } from '../../realtime/bus.js';
import type { Principal } from '../auth/principal.js';
import { createComplaint } from '../complaints/commands/create-complaint.js';
import { appendEvent } from '../events/append-event.js';
import { LIMITS } from '../complaints/complaint-schema.js';
import { getSession, lockSession, recordChatEvent, saveSession, type ChatSessionRow } from './chat-store.js';

type Reason = 'requested' | 'emotion' | 'unanswered';

/** Acting for the chat's customer when their chat becomes (part of) a complaint. */
export async function chatCustomerPrincipal(db: Queryable, s: ChatSessionRow): Promise<Principal & { kind: 'customer' }> {
  const [c] = await db.query<{ name: string }>('select name from customers where id = $1', [s.customer_id]);
  return { kind: 'customer', sessionId: s.id, customerId: s.customer_id!, name: c?.name ?? '' };
}

interface Line { seq: string; sender: string; body: string }

/**
 * The order the chat was about, when there is exactly one: the bot only names an order
 * (data.order on its reply) after checking it belongs to this customer, so those replies are
 * the evidence. Two different orders discussed, or none, link nothing — an agent can set it.
 */
export async function discussedOrder(db: Queryable, s: ChatSessionRow): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `select o.id from orders o
      where o.customer_id = $2
        and o.number in (select m.data->'order'->>'number' from chat_messages m
                          where m.session_id = $1 and m.sender = 'bot' and m.seq <= $3 and m.data ? 'order')`,
    [s.id, s.customer_id, s.handover_upto_seq],
  );
  return rows.length === 1 ? rows[0]!.id : null;
}

/**
 * The second half of a hand-over (the first, in the bot's turn, fixed `handover_upto_seq` and
 * the waiting state): creates the complaint from the transcript through normal intake —
 * classified, routed, SLA started — or finds the one this session already has, then copies
 * every message not yet copied into the complaint's conversation (channel chat) and logs
 * `bot.handover`. Safe to repeat: intake is idempotent per session and copied messages are
 * marked, so a crash in between is finished by the next attempt.
 */
export async function completeHandover(ctx: AppContext, sessionId: string): Promise<ChatSessionRow> {
  const s = await getSession(ctx.db, sessionId);
  if (!s || !s.customer_id || s.handover_upto_seq === null) throw new Error(`chat session ${sessionId} is not ready for hand-over`);
  const principal = await chatCustomerPrincipal(ctx.db, s);
  let complaintId = s.complaint_id;
  let created = false;
  if (!complaintId) {
    const lines = await ctx.db.query<Line>(
      `select seq::text as seq, sender, body from chat_messages where session_id = $1 and sender = 'customer' and seq <= $2 order by seq`,
      [s.id, s.handover_upto_seq],
    );
    const said = lines.map((l) => l.body);
    const first = said.find((b) => b.length > 4) ?? said[0] ?? (s.locale === 'en' ? 'Chat with the assistant' : '在线咨询');
    const subject = first.replace(/\s+/g, ' ').slice(0, LIMITS.subject);
    const description = said.join('\n').slice(0, LIMITS.description) || subject;
    const orderId = await discussedOrder(ctx.db, s);
    const result = await createComplaint(ctx, principal, { channel: 'chat', subject, description, ...(orderId ? { orderId } : {}) }, `chat-${s.id}`);
    complaintId = result.complaint.id;
    created = !result.replayed;
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = (await lockSession(tx, s.id))!;
    const isNew = row.complaint_id === null;
    row.complaint_id = complaintId;
    const pending = await tx.query<{ id: string; sender: string; author_id: string | null; body: string; created_at: Date }>(
      `select id, sender, author_id, body, created_at from chat_messages
        where session_id = $1 and complaint_message_id is null and sender in ('customer', 'bot') order by seq for update`,
      [s.id],
    );
    for (const m of pending) {
      const customer = m.sender === 'customer';
      const [copy] = await tx.query<{ id: string }>(
        `insert into messages (complaint_id, kind, channel, author_kind, author_id, body, attachments, created_at)
         values ($1, $2, 'chat', $3, $4, $5, '[]', $6) returning id`,
        [complaintId, customer ? 'customer' : 'public_reply', customer ? 'customer' : 'bot', customer ? row.customer_id : null, m.body, m.created_at],
      );
      await tx.query('update chat_messages set complaint_message_id = $2 where id = $1', [m.id, copy!.id]);
    }
    const reason = (row.handover_reason ?? 'requested') as Reason;
    if (isNew || pending.length) {
      const data = { sessionId: s.id, reason, transcriptMessages: pending.length, created: created && isNew };
      await appendEvent(tx, { complaintId: complaintId, type: 'bot.handover', actor: { kind: 'bot', id: null, role: 'bot' }, at: now, data });
      await recordChatEvent(tx, { sessionId: s.id, type: 'bot.handover', actorKind: 'bot', lane: 'frontstage', at: now, data: { ...data, complaintId } });
    }
    await saveSession(tx, row, now);
    publish(tx, { topic: 'chat.session', sessionId: s.id, state: row.state });
    return row;
  });
}
