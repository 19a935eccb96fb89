import type { Clock } from '../clock.js';
import type { Database, Queryable } from './database.js';

export const SWEEP_BATCH = 200;

/**
 * The loop every durable sweep shares: claim up to `SWEEP_BATCH` due rows (the callback uses
 * FOR UPDATE SKIP LOCKED, so instances split the work), handle them in one transaction, and go
 * again while batches come back full. Returns how many rows were handled.
 */
export async function sweepInBatches(
  ctx: { db: Database; clock: Clock },
  handleBatch: (tx: Queryable, now: Date, limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock.now();
    const handled = await ctx.db.transaction((tx) => handleBatch(tx, now, SWEEP_BATCH));
    total += handled;
    if (handled < SWEEP_BATCH) return total;
  }
}
