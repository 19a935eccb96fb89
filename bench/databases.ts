/** Where the benchmarks put their data: throw-away PostgreSQL databases and PGlite data dirs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite-database.js';
import { openPostgres } from '../src/db/postgres-database.js';
import { bootstrap } from '../src/server/bootstrap.js';

export const DEFAULT_BENCH_URL = 'postgres://root@127.0.0.1:5432/loopdesk_bench';

/** BENCH_DATABASE_URL or the default; `suffix` names a sibling database (e.g. "_intake"). */
export function benchDatabaseUrl(suffix = ''): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL);
  url.pathname = `/${databaseName(url.toString())}${suffix}`;
  return url.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`benchmark database name "${name}" must be a plain lower-case identifier`);
  return name;
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops and creates the database. Refuses names without "bench": the benchmark destroys what is there. */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!name.includes('bench')) throw new Error(`refusing to drop "${name}": benchmark databases must have "bench" in their name`);
  await onServer(url, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
}

export async function postgresDatabaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onServer(url, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

export function pgliteDir(name: string): string {
  return path.join(process.env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), 'loopdesk-bench'), name);
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Opens a benchmark database with Loopdesk's schema and departments in place. */
export async function openBenchDatabase(where: { databaseUrl: string } | { dataDir: string }): Promise<Database> {
  const db = 'databaseUrl' in where ? await openPostgres(where.databaseUrl, 4) : await openPglite(where.dataDir);
  try {
    await migrate(db);
    await bootstrap(db, { adminEmail: 'admin@bench.loopdesk.test', adminPassword: 'bench-admin-password' });
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
