import { z } from 'zod';
import type { AppContext } from '../../../http/context.js';
import { line, text } from '../../../http/schemas.js';
import { email, phone } from '../../customers/customer-schema.js';
import { matchCustomer } from '../../customers/match-customer.js';
import { appendEvent } from '../../events/append-event.js';
import { LIMITS } from '../../complaints/complaint-schema.js';
import { complaintOfRef, takeIn } from '../channel-intake.js';
import type { WebhookSourceRow } from './webhook-sources.js';

export const webhookMessageSchema = z.object({
  messageId: line(200).describe("the source's own id for this message: retries with the same id are answered, not repeated"),
  customer: z.object({
    externalId: line(100).optional(),
    name: line(120).optional(),
    email: email.optional(),
    phone: phone.optional(),
  }).strict().refine((c) => c.externalId || c.email || c.phone, { message: 'give at least one of externalId, email, phone' }),
  text: text(LIMITS.description),
  subject: line(LIMITS.subject).optional(),
  orderNumber: line(64).optional(),
  inReplyTo: line(200).optional().describe('messageId of an earlier message from this source: threads into its complaint'),
}).strict();
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

export interface WebhookAnswer {
  complaintId: string;
  number: string;
  messageId: string | null;
  threaded: boolean;
}

const refOf = (source: string, messageId: string) => `webhook:${source}:${messageId}`;

/**
 * A partner or social message, already authenticated by its signature. The customer is matched
 * by external id / email / phone (and learns the source's external id); a message naming an
 * earlier one threads into that complaint when it is the same customer's.
 */
export async function receiveWebhookMessage(ctx: AppContext, source: WebhookSourceRow, msg: WebhookMessage): Promise<{ answer: WebhookAnswer; duplicate: boolean }> {
  const { customer } = await ctx.db.transaction((tx) => matchCustomer(tx, msg.customer, ctx.clock.now(), { learnExternalId: true }));
  let threadInto: string | null = null;
  if (msg.inReplyTo) {
    const earlier = await complaintOfRef(ctx.db, refOf(source.source, msg.inReplyTo));
    if (earlier) {
      const [owner] = await ctx.db.query<{ customer_id: string }>('select customer_id from complaints where id = $1', [earlier]);
      // Another customer's complaint is not threaded into: the message opens its own.
      if (owner?.customer_id === customer.id) threadInto = earlier;
    }
  }
  const outcome = await takeIn(ctx, {
    ref: refOf(source.source, msg.messageId),
    channel: source.channel,
    customer: { id: customer.id, name: customer.name },
    subject: msg.subject ?? msg.text.split('\n')[0]!,
    text: msg.text,
    orderId: msg.orderNumber,
    threadInto,
    async record(tx, ids) {
      const now = ctx.clock.now();
      if (ids.messageId) {
        await tx.query('update messages set metadata = $2 where id = $1', [ids.messageId, { webhook: { source: source.source, messageId: msg.messageId } }]);
      }
      await appendEvent(tx, {
        complaintId: ids.complaintId, type: 'webhook.received', actor: { kind: 'customer', id: customer.id, role: 'customer' }, at: now,
        data: { source: source.source, externalMessageId: msg.messageId, messageId: ids.messageId, threaded: ids.messageId !== null },
      });
    },
  });
  const [c] = await ctx.db.query<{ number: string }>('select number from complaints where id = $1', [outcome.complaintId]);
  return {
    answer: { complaintId: outcome.complaintId, number: c!.number, messageId: outcome.messageId, threaded: outcome.messageId !== null },
    duplicate: outcome.duplicate,
  };
}
