import type { AppContext } from '../../http/context.js';
import { subscribe } from '../../realtime/bus.js';
import { deliverDueNotices } from './deliver-notices.js';

/**
 * Delivers notices as soon as they are queued (on any instance) instead of waiting for the
 * next background tick: one run at a time per instance, and one more if notices arrived
 * while it ran. The timer sweep in background.ts stays the safety net.
 */
export async function startNoticeWaker(ctx: AppContext, log: (msg: string, err?: unknown) => void): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverDueNotices(ctx)
      .then(() => undefined, (err: unknown) => log('notice delivery failed; the sweep retries', err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const unsubscribe = await subscribe(ctx.db, (m) => {
    if (m.topic === 'notice.queued') run();
  });
  return {
    async stop() {
      stopped = true;
      await unsubscribe();
      if (running) await running;
    },
  };
}
