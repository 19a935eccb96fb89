import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { testDbKind } from '../test/test-database.js';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');

/**
 * A fresh process per tier (the V8 flag is process-wide and read when the module compiles):
 * the embedded database in a new data dir runs a few thousand statements, and the process reports its resident
 * memory. Measured here: 220 against 297 MB; the test asks for a 40 MB difference.
 */
async function residentMbAfterWork(tier: 'baseline' | 'optimizing'): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-wasm-tier-'));
  const script = `
import { openPglite } from './src/db/pglite-database.ts';
const db = await openPglite(process.env.TIER_TEST_DIR, { wasmTier: process.env.TIER_TEST_TIER, sharedBuffers: '8MB' });
await db.exec('create extension if not exists pg_trgm; create table t (id serial primary key, body text, data jsonb); create index on t using gin (body gin_trgm_ops)');
for (let i = 0; i < 2500; i++) {
  await db.transaction(async (tx) => {
    await tx.query('insert into t (body, data) values ($1, $2)', ['快递三天没动 a parcel that never came ' + i, { i }]);
    await tx.query('select count(*) from t where id > $1', [i - 10]);
  });
}
console.log(Math.round(process.memoryUsage().rss / 1e6));
await db.close();`;
  try {
    const { stdout } = await run(TSX, ['--input-type=module', '--eval', script], {
      cwd: PROJECT_ROOT, timeout: 120_000, env: { ...process.env, TIER_TEST_DIR: dir, TIER_TEST_TIER: tier },
    });
    return Number(stdout.trim().split('\n').pop());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(testDbKind === 'pglite')('the embedded database compiled with the baseline tier', () => {
  it('keeps a process far smaller than the optimising tier does', async () => {
    const baseline = await residentMbAfterWork('baseline');
    const optimizing = await residentMbAfterWork('optimizing');
    console.log(`resident after the same work: baseline ${baseline} MB, optimizing ${optimizing} MB`);
    expect(baseline).toBeGreaterThan(50);
    expect(optimizing - baseline).toBeGreaterThan(40);
  }, 240_000);
});
