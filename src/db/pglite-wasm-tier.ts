import v8 from 'node:v8';

/**
 * How V8 compiles the embedded PostgreSQL (a 9 MB WebAssembly module).
 *
 * - `baseline` (default): V8's baseline compiler only (Liftoff). Measured on two cores: the
 *   server holds ~100 MB less resident memory — about 250 MB instead of 350–380 MB after a few
 *   thousand statements — for ~20 % more CPU per statement.
 * - `optimizing`: V8's default: hot functions are recompiled by the optimising compiler
 *   (TurboFan). Its machine code and compile zones stay resident, and the compile threads'
 *   malloc arenas keep what they freed.
 *
 * The embedded database is for one process serving one service desk, where memory is the
 * scarcer resource; a desk that needs more speed runs PostgreSQL (DATABASE_URL), where none of
 * this applies. The flag is process-wide and must be set before the module is compiled, i.e.
 * before the first PGlite of the process is created; it affects no other code (the server has
 * no other WebAssembly).
 */
export type PgliteWasmTier = 'baseline' | 'optimizing';

let current: PgliteWasmTier = 'optimizing';

export function usePgliteWasmTier(tier: PgliteWasmTier): void {
  if (tier === current) return;
  v8.setFlagsFromString(tier === 'baseline' ? '--liftoff-only' : '--no-liftoff-only');
  current = tier;
}
