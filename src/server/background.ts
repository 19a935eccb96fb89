import type { AppContext } from '../http/context.js';
import { runInboundEmailSweep } from '../modules/channels/email/inbound-email-sweep.js';
import { runApprovalSweep } from '../modules/approvals/approval-sweep.js';
import { runHandoffSweep } from '../modules/handoffs/handoff-sweep.js';
import { deliverDueNotices } from '../modules/notify/deliver-notices.js';
import { runSlaSweep } from '../modules/sla/sla-scheduler.js';
import { runSurveySweep } from '../modules/surveys/survey-sweep.js';
import { syncActiveModel } from '../modules/training/active-model.js';

/**
 * The durable background work. Each sweep reads what is due from the database (so work that
 * fell due while no server ran is picked up on start) and claims rows with SKIP LOCKED, so
 * any number of instances on one PostgreSQL can run them side by side.
 */
export const SWEEPS: Array<{ name: string; run: (ctx: AppContext) => Promise<number> }> = [
  { name: 'sla', run: runSlaSweep },
  { name: 'approvals', run: runApprovalSweep },
  { name: 'handoffs', run: runHandoffSweep },
  { name: 'surveys', run: runSurveySweep },
  // Not a sweep: follows another instance's model activation (src/modules/training/active-model.ts).
  { name: 'classifier-model', run: (ctx) => syncActiveModel(ctx.db) },
  { name: 'inbound-email', run: runInboundEmailSweep },
  { name: 'notices', run: deliverDueNotices },
];

/** Runs every sweep now (catching up after downtime) and then every `intervalMs`. */
export function startBackground(ctx: AppContext, intervalMs: number, log: (msg: string, err?: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running = (async () => {
      for (const sweep of SWEEPS) {
        if (stopped) return;
        try {
          await sweep.run(ctx);
        } catch (err) {
          log(`${sweep.name} sweep failed; retrying next tick`, err);
        }
      }
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
