import type { AppContext } from '../../../http/context.js';
import { processInboundEmail } from './process-inbound-email.js';

/** Mail younger than this is still being processed by the listener that stored it. */
const GRACE_MS = 2 * 60_000;
const BATCH = 50;

/**
 * Picks up mail that was stored but never processed (the process stopped between the two
 * steps). Another instance may pick the same row: the Message-ID claim in channel_refs makes
 * the second attempt a recorded duplicate, never a second complaint.
 */
export async function runInboundEmailSweep(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - GRACE_MS);
  const rows = await ctx.db.query<{ id: string }>(
    `select id from inbound_emails where status = 'received' and received_at < $1 order by received_at limit ${BATCH}`, [cutoff]);
  for (const r of rows) await processInboundEmail(ctx, r.id);
  return rows.length;
}
