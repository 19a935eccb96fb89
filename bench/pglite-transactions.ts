/**
 * Micro-benchmark: transaction overhead on embedded PGlite (not part of `npm run bench`).
 *
 *   npx tsx bench/pglite-transactions.ts [transactions=500]
 *
 * Raw PGlite, one transaction at a time, one insert each: exec('begin')/exec('commit'),
 * PGlite's own db.transaction(), and db.transaction() with a savepoint around the work.
 * Then Loopdesk's openPglite: the same inserts as concurrent Database.transaction() calls
 * (50 in flight, like the intake benchmark's connections), with 1 and 10 inserts each, and
 * one at a time. Data dir on disk, like a real instance. Everything runs once unreported
 * first (warm-up). ROUNDS=n repeats the openPglite figures (alternating with PGLITE_IMPL).
 * Prints one JSON line per figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite-database.js';

const N = Number(process.argv[2] ?? 500);
/** PGLITE_IMPL=path/to/module.ts: measure another openPglite (e.g. an older version) side by side. */
const other = process.env.PGLITE_IMPL ? ((await import(path.resolve(process.env.PGLITE_IMPL))) as { openPglite: typeof openPglite }).openPglite : null;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-pglite-tx-'));

let quiet = false;
function report(name: string, transactions: number, ms: number, extra: Record<string, unknown> = {}) {
  if (quiet) return;
  console.log(JSON.stringify({ name, transactions, txPerSecond: Math.round((transactions / ms) * 1000), ms: Math.round(ms), load: os.loadavg().map((l) => Math.round(l * 100) / 100), cores: os.cpus().length, ...extra }));
}

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function raw(dir: string) {
  const db = await PGlite.create(path.join(root, dir));
  await db.exec('create table t (id serial primary key, v text)');
  report('raw exec begin/commit', N, await time(async () => {
    for (let i = 0; i < N; i++) {
      await db.exec('begin');
      await db.query('insert into t (v) values ($1)', [`v${i}`]);
      await db.exec('commit');
    }
  }));
  report('raw db.transaction', N, await time(async () => {
    for (let i = 0; i < N; i++) await db.transaction(async (tx) => void (await tx.query('insert into t (v) values ($1)', [`v${i}`])));
  }));
  report('raw db.transaction + savepoint/release', N, await time(async () => {
    for (let i = 0; i < N; i++) {
      await db.transaction(async (tx) => {
        await tx.exec('savepoint s');
        await tx.query('insert into t (v) values ($1)', [`v${i}`]);
        await tx.exec('release savepoint s');
      });
    }
  }));
  await db.close();
}

async function loopdesk(dir: string, open: (dataDir: string) => Promise<Database>, label: string) {
  const db = await open(path.join(root, dir));
  await db.exec('create table t (id serial primary key, v text)');
  const insert = (tx: { query: (s: string, p: string[]) => Promise<unknown> }, i: number) => tx.query('insert into t (v) values ($1)', [`v${i}`]);
  async function concurrent(total: number, inFlight: number, job: (i: number) => Promise<unknown>) {
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < total) await job(next++);
    }));
  }
  report(label + ' transaction, one at a time, 1 insert', N, await time(async () => {
    for (let i = 0; i < N; i++) await db.transaction((tx) => insert(tx, i));
  }));
  report(label + ' transaction, 50 in flight, 1 insert', N, await time(() => concurrent(N, 50, (i) => db.transaction((tx) => insert(tx, i)))));
  report(label + ' transaction, 50 in flight, 10 inserts', N, await time(() => concurrent(N, 50, (i) => db.transaction(async (tx) => {
    for (let k = 0; k < 10; k++) await insert(tx, i * 10 + k);
  }))), { inserts: N * 10 });
  report(label + ' 50 in flight: query + transaction of 1 insert', N, await time(() => concurrent(N, 50, async (i) => {
    await db.query('select count(*) from t where id = $1', [i]);
    await db.transaction((tx) => insert(tx, i));
  })));
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from t');
  const n = row?.n;
  if (n !== N * 13) throw new Error(`expected ${N * 13} rows, found ${n}`);
  await db.close();
}

try {
  // A first pass unreported, so the figures do not include JIT warm-up.
  quiet = true;
  await raw('warm-raw');
  await loopdesk('warm-loopdesk', openPglite, '');
  if (other) await loopdesk('warm-other', other, '');
  quiet = false;
  await raw('raw');
  for (let round = 1; round <= Number(process.env.ROUNDS ?? (other ? 2 : 1)); round++) {
    await loopdesk(`loopdesk-${round}`, openPglite, 'openPglite');
    if (other) await loopdesk(`other-${round}`, other, `${process.env.PGLITE_IMPL} openPglite`);
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
