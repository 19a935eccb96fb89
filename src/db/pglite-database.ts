import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, SqlParam } from './database.js';
import { toParam } from './database.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { createNotifier } from './notifier.js';
import { createPgliteQueue } from './pglite-group-commit.js';
import { initPgliteDataDir } from './pglite-initdb.js';
import { usePgliteWasmTier, type PgliteWasmTier } from './pglite-wasm-tier.js';

const DEFAULT_SHARED_BUFFERS = '8MB';

/**
 * Embedded PostgreSQL. PGlite is a single connection, so every statement and transaction
 * is serialised through one queue: a transaction never interleaves with another caller's
 * statements (the bug that made kysely-pglite lose writes). Transactions waiting behind each
 * other commit together (group commit) — see pglite-group-commit.ts for how and why that is safe.
 */
export async function openPglite(dataDir: string | null, opts: { sharedBuffers?: string; wasmTier?: PgliteWasmTier } = {}): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => undefined;
  let db: PGlite;
  try {
    if (dataDir) await initPgliteDataDir(`${dataDir}/pgdata`);
    usePgliteWasmTier(opts.wasmTier ?? 'baseline');
    db = await PGlite.create(dataDir ? `${dataDir}/pgdata` : undefined, {
      extensions: { pg_trgm },
      // PGlite's own default (128MB) is allocated and touched at start: ~250 MB resident before
      // the first query. Its pages sit in the OS page cache anyway (the data dir is plain files),
      // so a smaller cache costs a copy on a miss, not a disk read.
      postgresqlconf: [`shared_buffers = ${opts.sharedBuffers ?? DEFAULT_SHARED_BUFFERS}`],
      // Match node-postgres: int8/numeric as JS numbers.
      parsers: { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v) },
    });
  } catch (err) {
    release();
    throw err;
  }
  const queue = createPgliteQueue(db, (announcements) => {
    for (const [channel, payload] of announcements) notifier.notify(channel, payload);
  });
  const serial = queue.serial;
  // One connection: no commit lock to contend for, but the same after-commit semantics as PostgreSQL.
  const notifier = createNotifier(async (channel, payloads) => {
    await serial(() => db.query('select pg_notify($1, t.p) from unnest($2::text[]) with ordinality as t(p, n) order by t.n', [channel, payloads]));
  });
  const outside: Queryable = {
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      const res = await db.query<T>(sql, params.map(toParam));
      return res.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    notify: (channel, payload) => notifier.notify(channel, payload),
  };
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => outside.query(sql, params)),
    exec: (sql) => serial(() => outside.exec(sql)),
    notify: outside.notify,
    transaction: queue.transaction,
    async listen(channel, onPayload) {
      const unlisten = await serial(() => db.listen(channel, onPayload));
      return () => serial(() => unlisten());
    },
    async close() {
      await notifier.flush();
      await serial(() => db.close());
      release();
    },
  };
}
