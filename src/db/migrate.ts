import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../project-root.js';
import type { Database } from './database.js';

const MIGRATIONS_DIR = projectPath('src/db/migrations');
// Any constant works; it only has to be the same for every Loopdesk instance.
const MIGRATION_LOCK = 4_180_052;

/**
 * Applies pending forward-only migrations, each in its own transaction. An advisory lock
 * makes concurrently starting instances on one PostgreSQL take turns.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

