import type { Queryable } from '../../db/database.js';
import type { ComplaintEvent } from '../events/append-event.js';
import { onEvents } from '../events/event-listeners.js';
import { insertMessage } from './chat-store.js';

/**
 * One conversation across channels: a public reply on a complaint whose chat is still open
 * with people (waiting or with an agent) is also said in that chat, in the same transaction
 * as the reply — whether it was typed in the chat screen or in the complaint view. This is
 * the only place a public reply becomes a chat line, so it appears there exactly once
 * (a line already linked to the reply is never copied again).
 *
 * Logged phone calls are left out: the customer heard that conversation already.
 */
export async function mirrorReplyToChat(tx: Queryable, event: ComplaintEvent): Promise<void> {
  const { messageId, channel } = event.data as { messageId: string; channel: string };
  if (channel === 'phone') return;
  // Locked so a chat being closed at the same moment either gets the line before it ends or not at all.
  const sessions = await tx.query<{ id: string }>(
    `select id from chat_sessions where state in ('waiting_for_agent', 'with_agent') and complaint_id = $1 order by id for update`,
    [event.complaintId],
  );
  if (!sessions.length) return;
  const [reply] = await tx.query<{ body: string; author_id: string | null; created_at: Date }>(
    'select body, author_id, created_at from messages where id = $1',
    [messageId],
  );
  if (!reply) return;
  for (const s of sessions) {
    const [already] = await tx.query<{ id: string }>(
      'select id from chat_messages where session_id = $1 and complaint_message_id = $2',
      [s.id, messageId],
    );
    if (already) continue;
    await insertMessage(tx, {
      sessionId: s.id, sender: 'agent', authorId: reply.author_id, body: reply.body, complaintMessageId: messageId, now: reply.created_at,
    });
  }
}

export const chatReplyListener = onEvents('chat-reply-mirror', ['message.public_reply'], mirrorReplyToChat);
