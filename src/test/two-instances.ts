import type { ManualClock } from '../clock.js';
import { openPostgres } from '../db/postgres-database.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { testConfig } from './test-app.js';

/**
 * Two Loopdesk instances on one PostgreSQL database, each with its own connection pool, as
 * in a scaled-out deployment: the setting in which "exactly once" has to hold.
 */
export async function startTwoInstances(
  dbUrl: string,
  clock: ManualClock,
  opts: { scheduler: boolean; listen?: boolean; config?: Record<string, string> },
): Promise<{ a: RunningServer; b: RunningServer; stop: () => Promise<void> }> {
  const dbA = await openPostgres(dbUrl, 4);
  const dbB = await openPostgres(dbUrl, 4);
  const config = testConfig({ SLA_SWEEP_INTERVAL_MS: '100', ...opts.config });
  const a = await startServer(config, { db: dbA, clock, listen: opts.listen ?? false, scheduler: opts.scheduler });
  const b = await startServer(config, { db: dbB, clock, listen: opts.listen ?? false, scheduler: opts.scheduler });
  return {
    a,
    b,
    async stop() {
      await a.stop();
      await b.stop();
      await dbA.close();
      await dbB.close();
    },
  };
}
