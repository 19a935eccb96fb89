/**
 * EXPERIMENT (BENCH_PREPARED=1), not the product: the same Database seam as
 * src/db/postgres-database.ts, but every parameterised statement is sent as a named
 * prepared statement, so PostgreSQL parses and plans each distinct SQL text once per
 * connection instead of on every call. Used to measure what that would save.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { toParam, type Database, type Queryable, type SqlParam } from '../src/db/database.js';

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      const name = params.length ? `b${createHash('sha1').update(sql).digest('hex').slice(0, 20)}` : undefined;
      const res = await client.query({ name, text: sql, values: params.map(toParam) });
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPreparedPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  const base = wrap(pool);
  await base.query('select 1');
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch((rollbackErr: unknown) => console.error('[db] rollback failed:', rollbackErr));
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
