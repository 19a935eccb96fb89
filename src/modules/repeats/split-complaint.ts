import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { createComplaint } from '../complaints/commands/create-complaint.js';
import { assertCan } from '../complaints/complaint-policy.js';
import { lockComplaint, saveComplaint } from '../complaints/complaint-row.js';
import { LIMITS } from '../complaints/complaint-schema.js';
import type { Channel } from '../complaints/taxonomy.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { appendEvents } from '../events/append-event.js';

export interface SplitInput {
  messageIds: string[];
  subject: string;
  category?: string;
  reason?: string;
}

/**
 * Splits a second problem out of a complaint (a customer who wrote about a late parcel and,
 * in the same mail, a double charge): the chosen messages move to a new complaint of the same
 * customer, which is classified, routed and timed like any intake. Both complaints record the
 * split; the events already written stay where they were, so no history is rewritten.
 */
export async function splitComplaint(ctx: AppContext, p: Principal, sourceId: string, input: SplitInput): Promise<{ id: string; number: string; movedMessages: number }> {
  await assertVisible(ctx.db, p, sourceId);
  assertCan(p, 'create');
  assertCan(p, 'reclassify');
  const ids = [...new Set(input.messageIds)];
  const [source] = await ctx.db.query<{ customer_id: string; order_id: string | null; channel: Channel; number: string }>(
    'select customer_id, order_id, channel, number from complaints where id = $1', [sourceId],
  );
  const msgs = await ctx.db.query<{ id: string; kind: string; body: string }>(
    'select id, kind, body from messages where complaint_id = $1 and id = any($2::uuid[]) order by created_at, seq', [sourceId, ids],
  );
  if (msgs.length !== ids.length) {
    throw new AppError('validation_failed', 'Every message to split out must belong to this complaint.', [{ path: 'body.messageIds', message: 'not messages of this complaint' }]);
  }
  // The new complaint's description is what the customer said in the moved messages.
  const said = msgs.filter((m) => m.kind === 'customer').map((m) => m.body).join('\n\n') || msgs.map((m) => m.body).join('\n\n');
  const created = await createComplaint(ctx, p, {
    channel: source!.channel,
    customerId: source!.customer_id,
    ...(source!.order_id ? { orderId: source!.order_id } : {}),
    subject: input.subject,
    description: said.slice(0, LIMITS.description),
    ...(input.category ? { category: input.category } : {}),
  });
  const target = created.complaint;
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, sourceId);
    const moved = await tx.query('update messages set complaint_id = $1 where complaint_id = $2 and id = any($3::uuid[]) returning id', [target.id, sourceId, ids]);
    if (moved.length !== ids.length) throw new AppError('conflict', 'Some messages moved while splitting; nothing was moved. Try again.');
    await appendEvents(tx, [
      { complaintId: row.id, type: 'complaint.split', actor, at: now, data: { intoId: target.id, intoNumber: target.number, messageIds: ids, reason: input.reason ?? null } },
      { complaintId: target.id, type: 'complaint.split_from', actor, at: now, data: { fromId: row.id, fromNumber: row.number, messageIds: ids } },
    ]);
    await saveComplaint(tx, row.id, { updated_at: now });
  });
  return { id: target.id, number: target.number, movedMessages: ids.length };
}
