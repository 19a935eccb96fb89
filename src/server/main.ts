import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { startServer } from './start-server.js';

async function main() {
  const config = loadConfig();
  let server;
  try {
    server = await startServer(config, { logger: true });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`loopdesk: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const db = server.ctx.db.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  console.log(`Loopdesk is running at ${server.url} (database: ${db})`);
  if (server.generatedAdminPassword) {
    console.log(`First start: admin ${config.ADMIN_EMAIL} / password ${server.generatedAdminPassword} — shown once, change it after signing in.`);
  }
  if (config.LOOPDESK_DEMO === '1') {
    const { seedDemo } = await import('../demo/seed-demo.js');
    const report = await seedDemo(server.ctx);
    if (report) console.log(report);
    const { seedKnowledgeBase } = await import('../modules/kb/seed-kb.js');
    const articles = await seedKnowledgeBase(server.ctx.db, new Date());
    if (articles) console.log(`Demo knowledge base: ${articles} articles in zh-CN and en.`);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`loopdesk: ${signal}, shutting down`);
    server.stop().then(() => process.exit(0), (err: unknown) => {
      console.error('loopdesk: shutdown failed', err);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('loopdesk: failed to start:', err);
  process.exit(1);
});
