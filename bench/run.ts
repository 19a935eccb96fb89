/**
 * `npm run bench`: intake next to its ceiling, and read latencies on a generated database,
 * on PostgreSQL and on PGlite. stdout: one JSON figure per line; stderr: progress.
 *
 * Env: BENCH_ONLY (intake,email,latency,routing,portal,ui,chat,notify,bundle), BENCH_EMAIL_SECONDS (15), BENCH_EMAIL_CONNECTIONS (10), BENCH_ROUTING_RULES (intake with N extra routing rules active), BENCH_DATABASES (postgres,pglite), BENCH_DATABASE_URL
 * (a disposable database, name must contain "bench"; default postgres://root@127.0.0.1:5432/loopdesk_bench,
 * intake uses <name>_intake), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (50),
 * BENCH_COMPLAINTS (PostgreSQL scale, 1000000), BENCH_PGLITE_COMPLAINTS (PGlite scale, 250000),
 * BENCH_REQUESTS (300), BENCH_WARMUP_REQUESTS (30), BENCH_REUSE=1 (keep generated data of the same
 * scale from an earlier run), BENCH_PGLITE_DIR (PGlite data dirs, default $TMPDIR/loopdesk-bench).
 */
import os from 'node:os';
import type { Database } from '../src/db/database.js';
import {
  benchDatabaseUrl, openBenchDatabase, pgliteDir, postgresDatabaseExists, recreatePostgresDatabase, removeDir,
} from './databases.js';
import { generateData, type GenerateResult } from './generate-data.js';
import { emitAll, runIntake } from './intake.js';
import { runInboundEmail } from './inbound-email.js';
import { runChat } from './chat.js';
import { runNotify } from './notify.js';
import { seedKnowledgeBase } from '../src/modules/kb/seed-kb.js';
import { runLatency, sampleTargets, type LatencyTargets } from './latency.js';
import { runPortalLatency, samplePortalTargets } from './portal-latency.js';
import { runUiTimings } from './ui-timings.js';
import { emit, progress, round, type Figure } from './report.js';
import { runRouting } from './routing.js';
import { runBundleSize } from './bundle-size.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

type Kind = 'postgres' | 'pglite';
type Where = { databaseUrl: string } | { dataDir: string };

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return Math.floor(v);
}

function listEnv(name: string, all: readonly string[], defaults: readonly string[] = all): Set<string> {
  const chosen = (process.env[name] ?? defaults.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of chosen) if (!all.includes(c)) throw new Error(`${name}: unknown "${c}" (choose from ${all.join(', ')})`);
  return new Set(chosen);
}

// `ui` drives Chromium over the built UI, so it runs only when asked for.
const only = listEnv('BENCH_ONLY', ['intake', 'email', 'latency', 'routing', 'portal', 'ui', 'chat', 'notify', 'bundle'], ['intake', 'email', 'latency', 'routing', 'portal', 'chat', 'notify', 'bundle']);
const databases = listEnv('BENCH_DATABASES', ['postgres', 'pglite']) as Set<Kind>;
const reuse = process.env.BENCH_REUSE === '1';

async function withServer<T>(where: Where, fn: (s: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServerProcess(where);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function intake(kind: Kind): Promise<void> {
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl('_intake') } : { dataDir: pgliteDir('intake') };
  progress(`intake on ${kind}: fresh database ${'databaseUrl' in where ? where.databaseUrl : where.dataDir}`);
  if ('databaseUrl' in where) await recreatePostgresDatabase(where.databaseUrl);
  else removeDir(where.dataDir);
  await (await openBenchDatabase(where)).close();
  const figures = await withServer(where, (server) =>
    runIntake(server, {
      database: kind,
      seconds: intEnv('BENCH_SECONDS', 15),
      warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 3),
      connections: intEnv('BENCH_CONNECTIONS', 50),
    }),
  );
  emitAll(figures);
  if ('dataDir' in where) removeDir(where.dataDir);
}

/** Inbound email through the server's own SMTP listener, on a fresh database. */
async function email(kind: Kind): Promise<void> {
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl('_email') } : { dataDir: pgliteDir('email') };
  if ('databaseUrl' in where) await recreatePostgresDatabase(where.databaseUrl);
  else removeDir(where.dataDir);
  await (await openBenchDatabase(where)).close();
  const figures = await withServer(where, (server) =>
    runInboundEmail(server, { database: kind, seconds: intEnv('BENCH_EMAIL_SECONDS', 15), connections: intEnv('BENCH_EMAIL_CONNECTIONS', 10) }));
  emitAll(figures);
  if ('dataDir' in where) removeDir(where.dataDir);
}

/** The generated database: reused when BENCH_REUSE=1 and it holds the same scale, else made afresh. */
async function generated(kind: Kind, complaints: number, where: Where): Promise<LatencyTargets> {
  let db: Database | null = null;
  try {
    const exists = 'databaseUrl' in where ? await postgresDatabaseExists(where.databaseUrl) : false;
    if (reuse && (exists || 'dataDir' in where)) {
      db = await openBenchDatabase(where);
      const [meta] = await db.query<{ complaints: number }>(
        `select (select complaints from bench_meta limit 1) as complaints where to_regclass('bench_meta') is not null`,
      ).catch(() => []);
      if (meta?.complaints === complaints) {
        progress(`latency on ${kind}: reusing ${complaints} generated complaints`);
        return await sampleTargets(db);
      }
      await db.close();
      db = null;
    }
    if ('databaseUrl' in where) await recreatePostgresDatabase(where.databaseUrl);
    else removeDir(where.dataDir);
    db = await openBenchDatabase(where);
    progress(`latency on ${kind}: generating ${complaints} complaints`);
    const r: GenerateResult = await generateData(db, { complaints, log: progress });
    await db.query('create table bench_meta (complaints int not null, result jsonb not null, generated_at timestamptz not null default now())');
    await db.query('insert into bench_meta (complaints, result) values ($1, $2)', [complaints, { ...r }]);
    const common = { database: kind, complaints, customers: r.customers, orders: r.orders, events: r.events, messages: r.messages, slaAlerts: r.slaAlerts };
    emit({ name: `generate.${kind}.seconds`, value: r.seconds, unit: 's', ...common, phases: r.phases });
    emit({ name: `generate.${kind}.complaints_per_second`, value: round(complaints / r.seconds), unit: 'complaints/s', ...common });
    emit({ name: `generate.${kind}.events_per_complaint`, value: round(r.events / complaints, 2), unit: 'events', ...common });
    return await sampleTargets(db);
  } finally {
    await db?.close();
  }
}

async function latency(kind: Kind): Promise<void> {
  const complaints = kind === 'postgres' ? intEnv('BENCH_COMPLAINTS', 1_000_000) : intEnv('BENCH_PGLITE_COMPLAINTS', 250_000);
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl() } : { dataDir: pgliteDir(`latency-${complaints}`) };
  const targets = await generated(kind, complaints, where);
  const figures: Figure[] = await withServer(where, (server) =>
    runLatency(server, targets, {
      database: kind,
      complaints,
      requests: intEnv('BENCH_REQUESTS', 300),
      warmup: intEnv('BENCH_WARMUP_REQUESTS', 30),
    }),
  );
  emitAll(figures);
}

/** The staff UI in Chromium on the generated database: sign-in → queue, live update to another page. */
async function ui(kind: Kind): Promise<void> {
  const complaints = kind === 'postgres' ? intEnv('BENCH_COMPLAINTS', 1_000_000) : intEnv('BENCH_PGLITE_COMPLAINTS', 250_000);
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl() } : { dataDir: pgliteDir(`latency-${complaints}`) };
  const targets = await generated(kind, complaints, where);
  const figures = await withServer(where, (server) =>
    runUiTimings(server, { database: kind, complaints, runs: intEnv('BENCH_UI_RUNS', 10), complaintIds: targets.ids.slice(0, 50) }),
  );
  emitAll(figures);
}

/** Service hall pages (first screen, progress) as customers, on the same generated database. */
async function portal(kind: Kind): Promise<void> {
  const complaints = kind === 'postgres' ? intEnv('BENCH_COMPLAINTS', 1_000_000) : intEnv('BENCH_PGLITE_COMPLAINTS', 250_000);
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl() } : { dataDir: pgliteDir(`latency-${complaints}`) };
  await generated(kind, complaints, where);
  const db = await openBenchDatabase(where);
  let targets;
  try {
    targets = await samplePortalTargets(db);
  } finally {
    await db.close();
  }
  const figures = await withServer(where, (server) =>
    runPortalLatency(server, targets, {
      database: kind,
      complaints,
      requests: intEnv('BENCH_REQUESTS', 300),
      warmup: intEnv('BENCH_WARMUP_REQUESTS', 30),
    }),
  );
  emitAll(figures);
}

/** Chat: BENCH_CHAT_SESSIONS WebSocket sessions (1000), BENCH_CHAT_MESSAGES (2000) at BENCH_CHAT_RATE messages/s (100). */
async function chat(kind: Kind): Promise<void> {
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl('_chat') } : { dataDir: pgliteDir('chat') };
  progress(`chat on ${kind}: fresh database with the starter knowledge base`);
  if ('databaseUrl' in where) await recreatePostgresDatabase(where.databaseUrl);
  else removeDir(where.dataDir);
  const db = await openBenchDatabase(where);
  try {
    await seedKnowledgeBase(db, new Date());
  } finally {
    await db.close();
  }
  const figures = await withServer(where, (server) =>
    runChat(server, {
      database: kind,
      sessions: intEnv('BENCH_CHAT_SESSIONS', 1000),
      messages: intEnv('BENCH_CHAT_MESSAGES', 2000),
      ratePerSecond: intEnv('BENCH_CHAT_RATE', 100),
    }),
  );
  emitAll(figures);
  if ('dataDir' in where) removeDir(where.dataDir);
}

/** Notification deliveries/s to a local SMTP sink, on a fresh database. */
async function notify(kind: Kind): Promise<void> {
  const where: Where = kind === 'postgres' ? { databaseUrl: benchDatabaseUrl('_notify') } : { dataDir: pgliteDir('notify') };
  if ('databaseUrl' in where) await recreatePostgresDatabase(where.databaseUrl);
  else removeDir(where.dataDir);
  const db = await openBenchDatabase(where);
  try {
    emitAll(await runNotify(db, {
      database: kind,
      notices: intEnv('BENCH_NOTICES', 5000),
      complaints: intEnv('BENCH_NOTICE_COMPLAINTS', 200),
      concurrency: intEnv('NOTICE_SEND_CONCURRENCY', 64),
      connections: intEnv('BENCH_SMTP_CONNECTIONS', 8),
    }));
  } finally {
    await db.close();
  }
  if ('dataDir' in where) removeDir(where.dataDir);
}

function machine(when: string): void {
  const [one, five] = os.loadavg();
  emit({ name: `machine.loadavg_1m.${when}`, value: round(one ?? 0, 2), unit: 'load', cpus: os.cpus().length, loadavg5m: round(five ?? 0, 2), totalMemMb: Math.round(os.totalmem() / 2 ** 20) });
}

async function main(): Promise<void> {
  machine('start');
  // In process, no database: rule evaluation per complaint (issue 3: ≤ 1 ms with 200 rules).
  if (only.has('routing')) emitAll(runRouting());
  // No database either: the first screen's JavaScript from the built UI's chunk graph (issue 5: ≤ 300 kB gzipped).
  if (only.has('bundle')) emitAll(runBundleSize());
  for (const kind of ['postgres', 'pglite'] as const) {
    if (!databases.has(kind)) continue;
    if (only.has('intake')) await intake(kind);
    if (only.has('email')) await email(kind);
  }
  for (const kind of ['postgres', 'pglite'] as const) {
    if (!databases.has(kind)) continue;
    if (only.has('latency')) await latency(kind);
    if (only.has('portal')) await portal(kind);
    if (only.has('ui')) await ui(kind);
    if (only.has('chat')) await chat(kind);
    if (only.has('notify')) await notify(kind);
  }
  machine('end');
}

main().catch((err: unknown) => {
  console.error('[bench] failed:', err);
  process.exit(1);
});
