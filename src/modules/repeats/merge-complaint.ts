import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { transition } from '../complaints/commands/change-status.js';
import { assertCan } from '../complaints/complaint-policy.js';
import { lockComplaint, saveComplaint } from '../complaints/complaint-row.js';
import { isOpen } from '../complaints/lifecycle.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { appendEvent } from '../events/append-event.js';

/**
 * Merges a complaint into another of the same customer (one problem reported twice). The
 * source is cancelled with merged_into set; its messages and events stay where they are and
 * the target lists them, so no history is rewritten.
 */
export async function mergeComplaint(ctx: AppContext, p: Principal, sourceId: string, targetId: string, reason: string | null): Promise<void> {
  await assertVisible(ctx.db, p, sourceId);
  await assertVisible(ctx.db, p, targetId);
  assertCan(p, 'cancel');
  if (sourceId === targetId) throw new AppError('validation_failed', 'A complaint cannot be merged into itself.', [{ path: 'body.into', message: 'same complaint' }]);
  const now = ctx.clock.now();
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
    const a = await lockComplaint(tx, first);
    const b = await lockComplaint(tx, second);
    const source = a.id === sourceId ? a : b;
    const target = a.id === sourceId ? b : a;
    if (source.customer_id !== target.customer_id) {
      throw new AppError('validation_failed', 'Only complaints of the same customer can be merged.', [{ path: 'body.into', message: 'another customer' }]);
    }
    if (target.merged_into_id || !isOpen(target.status)) throw new AppError('conflict', `Complaint ${target.number} is ${target.merged_into_id ? 'merged' : target.status}; merge into an open one.`);
    if (source.merged_into_id) throw new AppError('conflict', `Complaint ${source.number} is already merged.`);
    const sla = await transition(tx, source, 'cancelled', actor, now, `merged into ${target.number}`);
    await sla.persist({ merged_into_id: target.id });
    await appendEvent(tx, { complaintId: source.id, type: 'complaint.merged', actor, at: now, data: { intoId: target.id, intoNumber: target.number, reason } });
    await appendEvent(tx, { complaintId: target.id, type: 'complaint.merge_received', actor, at: now, data: { fromId: source.id, fromNumber: source.number } });
    await saveComplaint(tx, target.id, { updated_at: now });
    await tx.query(
      `update duplicate_suggestions set status = 'merged'
        where (complaint_id = $1 and candidate_id = $2) or (complaint_id = $2 and candidate_id = $1)`,
      [source.id, target.id],
    );
  });
}

/** Links (or unlinks, with null) a complaint as a repeat of an earlier one by hand. */
export async function linkRepeat(ctx: AppContext, p: Principal, id: string, repeatOfId: string | null): Promise<void> {
  await assertVisible(ctx.db, p, id);
  if (repeatOfId) await assertVisible(ctx.db, p, repeatOfId);
  assertCan(p, 'reclassify');
  if (repeatOfId === id) throw new AppError('validation_failed', 'A complaint cannot repeat itself.', [{ path: 'body.repeatOf', message: 'same complaint' }]);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, id);
    const [other] = repeatOfId ? await tx.query<{ number: string; customer_id: string }>('select number, customer_id from complaints where id = $1', [repeatOfId]) : [];
    if (other && other.customer_id !== row.customer_id) {
      throw new AppError('validation_failed', 'A repeat links complaints of the same customer.', [{ path: 'body.repeatOf', message: 'another customer' }]);
    }
    await saveComplaint(tx, id, { repeat_of_id: repeatOfId, updated_at: now });
    await appendEvent(tx, { complaintId: id, type: 'complaint.linked', actor: actorOf(p), at: now, data: { repeatOfId, repeatOfNumber: other?.number ?? null } });
  });
}
