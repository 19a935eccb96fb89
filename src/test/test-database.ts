import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';

export const testDbKind = (process.env.LOOPDESK_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh, empty database for one test file: an in-memory PGlite, or a throw-away database
 * on the PostgreSQL server in TEST_DATABASE_URL (dropped afterwards).
 */
export async function createTestDatabase(): Promise<{ db: Database; url: string | null; drop: () => Promise<void> }> {
  if (testDbKind === 'pglite') {
    const db = await openPglite(null);
    return { db, url: null, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('LOOPDESK_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `loopdesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
