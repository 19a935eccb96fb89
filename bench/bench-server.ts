/**
 * Child-process entry for the benchmarks: Loopdesk exactly as `npm start` runs it (SLA
 * scheduler included) on the database named by BENCH_SERVER_DATABASE_URL (PostgreSQL) or
 * BENCH_SERVER_DATA_DIR (PGlite), plus POST /bench/bare-insert — one bare INSERT into a
 * scratch table, the ceiling intake is compared with. Its own process, so its RSS can be
 * read from /proc and the load generator does not share its event loop.
 * Prints one JSON line {"ready":true,"port","smtpPort","token","pid"} on stdout when listening.
 */
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { defineRoute } from '../src/http/define-route.js';
import { intakeGroupStats } from '../src/modules/complaints/commands/create-complaint.js';
import { createSession } from '../src/modules/auth/sessions.js';
import { startServer } from '../src/server/start-server.js';
import { experimentalRoutes } from './experimental-intake.js';
import { DEFAULT_RULES } from '../src/modules/routing/default-rules.js';
import { activateRuleSet, insertRuleSet } from '../src/modules/routing/rule-set-repo.js';
import { parseRules } from '../src/modules/routing/rule-schema.js';
import { benchRules } from './routing-rules.js';

const bareInsert = defineRoute({
  method: 'POST', url: '/bench/bare-insert', tag: 'bench', auth: 'public',
  summary: 'Benchmark ceiling: one bare INSERT per request',
  body: z.record(z.string(), z.unknown()),
  response: { status: 201 },
  async handler({ ctx, body }) {
    const [row] = await ctx.db.query<{ id: number }>('insert into bench_bare (body) values ($1) returning id', [body]);
    return { id: row!.id };
  },
});

/** How intake grouped complaints into transactions so far (create-complaint.ts). */
const intakeGroups = defineRoute({
  method: 'GET', url: '/bench/intake-groups', tag: 'bench', auth: 'public',
  summary: 'Benchmark: intake transactions (runs) and complaints (items) so far',
  handler: ({ ctx }) => Promise.resolve(intakeGroupStats(ctx)),
});

/** Where the server's memory is (V8 heap, buffers and native memory outside it), in MB. */
const memory = defineRoute({
  method: 'GET', url: '/bench/memory', tag: 'bench', auth: 'public',
  summary: 'Benchmark: process.memoryUsage() in MB',
  handler: () => {
    // With BENCH_SERVER_NODE_ARGS=--expose-gc: after a full collection, i.e. what is still live.
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1e5) / 10;
    return Promise.resolve({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) });
  },
});

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
  const dataDir = process.env.BENCH_SERVER_DATA_DIR;
  if (!databaseUrl && !dataDir) throw new Error('set BENCH_SERVER_DATABASE_URL or BENCH_SERVER_DATA_DIR');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: 'admin@bench.loopdesk.test',
    ADMIN_PASSWORD: 'bench-admin-password',
    // The inbound mail listener on a free port (the email phase sends through it).
    INBOUND_SMTP_PORT: '0',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.DATA_DIR = dataDir;
  const config = loadConfig(env);
  // BENCH_EXPERIMENT=1 adds POST /bench/intake-one-statement (see experimental-intake.ts).
  const extra = process.env.BENCH_EXPERIMENT === '1' ? experimentalRoutes() : [];
  const server = await startServer(config, { extraRoutes: [bareInsert, intakeGroups, memory, ...extra] });
  const db = server.ctx.db;
  await db.query('create table if not exists bench_bare (id bigserial primary key, body jsonb, at timestamptz default now())');
  const [agent] = await db.query<{ id: string }>(
    `insert into users (email, name, role) values ($1, 'Bench agent', 'agent') returning id`,
    [`bench-agent-${process.pid}-${Date.now()}@bench.loopdesk.test`],
  );
  const session = await createSession(db, { userId: agent!.id }, { kind: 'api', expiresAt: null, name: 'benchmark' });
  // BENCH_ROUTING_RULES=N: intake runs with the default rules plus N benchmark rules active.
  const extraRules = Number(process.env.BENCH_ROUTING_RULES ?? 0);
  if (extraRules > 0) {
    await db.transaction(async (tx) => {
      const rules = parseRules([...DEFAULT_RULES.filter((r) => !r.stop), ...benchRules(extraRules), ...DEFAULT_RULES.filter((r) => r.stop)]);
      const row = await insertRuleSet(tx, { rules, note: `bench: defaults + ${extraRules} rules`, createdBy: null, at: new Date() });
      await activateRuleSet(tx, row.id, agent!.id, new Date());
    });
  }
  const port = Number(new URL(server.url).port);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[bench-server] stop failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ ready: true, port, smtpPort: server.smtp?.port ?? null, token: session.token, pid: process.pid })}\n`);
}

main().catch((err: unknown) => {
  console.error('[bench-server] failed to start:', err);
  process.exit(1);
});
