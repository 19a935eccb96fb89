import type { Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { appendEvent } from '../../events/append-event.js';
import { SlaTransaction } from '../../sla/sla-commands.js';
import { assertCan } from '../complaint-policy.js';
import { lockComplaint } from '../complaint-row.js';
import type { MessageInput } from '../complaint-schema.js';
import { isOpen } from '../lifecycle.js';
import { assertVisible } from '../queries/get-complaint.js';
import { getMessage, type MessageDto } from '../queries/list-messages.js';
import { transition } from './change-status.js';
import { notifyMentions } from '../../workspace/mentions.js';

type Kind = 'customer' | 'public_reply' | 'internal_note';

/**
 * Adds to the conversation. The first public reply is the first response (stops that
 * clock and moves a new complaint into progress); a customer answering a question
 * resumes a complaint that was waiting for them.
 */
export async function addMessage(
  ctx: AppContext,
  p: Principal,
  complaintId: string,
  input: MessageInput,
  opts: { inTransaction?: (tx: Queryable, ids: { complaintId: string; messageId: string }) => Promise<void> } = {},
): Promise<MessageDto> {
  await assertVisible(ctx.db, p, complaintId);
  const kind: Kind = p.kind === 'customer' ? 'customer' : (input.kind ?? 'public_reply');
  if (p.kind === 'customer' && input.kind && input.kind !== 'customer') {
    throw new AppError('forbidden', 'Customers can only add their own messages.');
  }
  assertCan(p, kind === 'public_reply' ? 'reply_public' : kind === 'internal_note' ? 'note_internal' : 'log_customer_message');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  const messageId = await ctx.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, complaintId);
    if (!isOpen(row.status) && kind !== 'internal_note' && row.status !== 'resolved') {
      throw new AppError('conflict', `The complaint is ${row.status}; it takes no more replies.`);
    }
    const channel = input.channel ?? (kind === 'customer' ? row.channel : 'web');
    const [msg] = await tx.query<{ id: string }>(
      `insert into messages (complaint_id, kind, channel, author_kind, author_id, body, attachments, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      // jsonb arrays go as JSON text: node-postgres would send a JS array as a SQL array.
      [complaintId, kind, channel, p.kind, p.kind === 'user' ? p.userId : p.customerId, input.body, JSON.stringify(input.attachments ?? []), now],
    );
    const id = msg!.id;
    const sla = new SlaTransaction(tx, row, now);
    if (kind === 'internal_note') {
      await appendEvent(tx, { complaintId, type: 'message.internal_note', actor, at: now, data: { messageId: id, length: input.body.length } });
      if (p.kind === 'user') await notifyMentions(tx, { complaintId, messageId: id, body: input.body, authorId: p.userId, authorName: p.name, at: now });
    } else if (kind === 'customer') {
      await appendEvent(tx, { complaintId, type: 'message.customer', actor, at: now, data: { messageId: id, channel, length: input.body.length } });
      if (row.status === 'awaiting_customer') await transition(tx, row, 'in_progress', actor, now, 'customer replied', sla);
    } else {
      const first = row.first_response_at === null && isOpen(row.status);
      await appendEvent(tx, { complaintId, type: 'message.public_reply', actor, at: now, data: { messageId: id, channel, length: input.body.length, firstResponse: first } });
      if (first) await sla.firstResponse();
      if (row.status === 'new') await transition(tx, row, 'in_progress', actor, now, 'first reply', sla);
    }
    await sla.persist();
    // A channel's own records (email headers, attachments, call details) commit with the message.
    if (opts.inTransaction) await opts.inTransaction(tx, { complaintId, messageId: id });
    return id;
  });
  return getMessage(ctx.db, p, messageId);
}
