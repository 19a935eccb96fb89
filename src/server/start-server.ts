import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { buildApp } from '../http/app.js';
import type { AppContext } from '../http/context.js';
import type { AnyRoute } from '../http/define-route.js';
import { startBackground } from './background.js';
import { bootstrap } from './bootstrap.js';
import { loadClassifier } from '../modules/triage/classifier.js';
import { loadSigningSecret } from '../security/signed-tokens.js';
import { syncActiveModel } from '../modules/training/active-model.js';
import { startSmtpListener, type SmtpListener } from '../modules/channels/email/smtp-listener.js';
import { startImapPoller } from '../modules/channels/email/imap-poller.js';
import { closeNoticeTransports } from '../modules/notify/notice-senders.js';
import { startNoticeWaker } from '../modules/notify/notice-waker.js';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** The inbound SMTP listener, when INBOUND_SMTP_PORT is set (port 0 picks a free one). */
  smtp: SmtpListener | null;
  generatedAdminPassword: string | null;
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates, bootstraps, serves HTTP and runs the background
 * scheduler. Used by `npm start`, the tests and the benchmarks alike.
 */
export async function startServer(
  config: Config,
  opts: { clock?: Clock; db?: Database; listen?: boolean; scheduler?: boolean; logger?: boolean; extraRoutes?: AnyRoute[] } = {},
): Promise<RunningServer> {
  const db = opts.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE, pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS, pgliteWasmTier: config.PGLITE_WASM_TIER }));
  try {
    await migrate(db);
    const boot = await bootstrap(db, { adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD });
    loadClassifier(); // word segmenter and model now, not on the first complaint
    await syncActiveModel(db); // the active trained version, if an admin activated one
    const signingSecret = await loadSigningSecret(db);
    const ctx: AppContext = { db, clock: opts.clock ?? systemClock, config, instanceId: randomUUID(), signingSecret };
    const app = await buildApp(ctx, { logger: opts.logger, extraRoutes: opts.extraRoutes });
    const logError = (msg: string, err?: unknown) => app.log.error({ err }, msg);
    const scheduler = opts.scheduler === false ? null : startBackground(ctx, config.SLA_SWEEP_INTERVAL_MS, logError);
    const waker = opts.scheduler === false ? null : await startNoticeWaker(ctx, logError);
    const smtp = config.INBOUND_SMTP_PORT !== undefined
      ? await startSmtpListener(ctx, { port: config.INBOUND_SMTP_PORT, host: config.HOST, log: logError })
      : null;
    const imap = config.IMAP_URL ? startImapPoller(ctx, config.IMAP_URL, config.IMAP_POLL_INTERVAL_MS, logError) : null;
    let url = '';
    if (opts.listen !== false) {
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      url = `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST}:${port}`;
    }
    return {
      app, ctx, url, smtp, generatedAdminPassword: boot.generatedPassword,
      async stop() {
        await smtp?.close();
        await imap?.stop();
        await waker?.stop();
        await scheduler?.stop();
        await app.close();
        closeNoticeTransports(ctx);
        if (!opts.db) await db.close();
      },
    };
  } catch (err) {
    if (!opts.db) await db.close();
    throw err;
  }
}
