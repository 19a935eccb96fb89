import type { Database } from './database.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

/** DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite in dataDir (null = in memory). */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string | null;
  poolSize?: number;
  pgliteSharedBuffers?: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize);
  return openPglite(opts.dataDir, { sharedBuffers: opts.pgliteSharedBuffers });
}
