import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { recordDueHandoffAlerts } from '../handoff-deadlines.js';
import { assertCanHandoff } from '../handoff-policy.js';
import { lockHandoff, type HandoffDto } from '../handoff-row.js';
import { assertTaskStatus, markAcknowledged } from '../handoff-steps.js';
import { assertHandoffVisible, getHandoff } from '../queries/get-handoff.js';

/** The department picks the task up: the forward deadline is met (or its miss is on record). */
export async function acknowledgeHandoff(ctx: AppContext, p: Principal, id: string): Promise<HandoffDto> {
  await assertHandoffVisible(ctx.db, p, id);
  assertCanHandoff(p, 'acknowledge');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const h = await lockHandoff(tx, id);
    await recordDueHandoffAlerts(tx, h, now);
    assertTaskStatus(h, ['open'], 'acknowledged');
    await markAcknowledged(tx, h, actorOf(p), now, false);
  });
  return getHandoff(ctx, p, id);
}
