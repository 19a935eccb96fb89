import type { Database } from './database.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';
import type { PgliteWasmTier } from './pglite-wasm-tier.js';

/** DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite in dataDir (null = in memory). */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string | null;
  poolSize?: number;
  pgliteSharedBuffers?: string;
  pgliteWasmTier?: PgliteWasmTier;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize);
  return openPglite(opts.dataDir, {
    ...(opts.pgliteSharedBuffers ? { sharedBuffers: opts.pgliteSharedBuffers } : {}),
    ...(opts.pgliteWasmTier ? { wasmTier: opts.pgliteWasmTier } : {}),
  });
}
