import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { HELDOUT_FILE } from './train-and-evaluate.js';
import { loadCorpus } from '../triage/train-model.js';
import { testDbKind } from '../../test/test-database.js';

/**
 * `loopdesk` CLI (scripts/loopdesk.ts), spawned as an operator runs it: against a temporary
 * PGlite data dir, or the test PostgreSQL database through DATABASE_URL.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let env: Record<string, string>;
let cleanup: () => Promise<void>;

function loopdesk(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/loopdesk.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  const { DATABASE_URL: _ignored, ...base } = process.env as Record<string, string>;
  if (testDbKind === 'postgres') {
    const { db, url, drop } = await createTestDatabase();
    await db.close(); // the CLI opens its own connection
    env = { ...base, DATABASE_URL: url! };
    cleanup = async () => {
      await drop().catch(() => undefined); // already closed above: drop() only needs the server
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-cli-'));
    env = { ...base, DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

afterAll(async () => cleanup());

describe('loopdesk CLI', () => {
  // Each run is a fresh process that opens the database (PGlite: seconds; minutes on a loaded
  // machine), so the test keeps to five runs; the API tests cover the same commands in depth.
  it('train (prints metrics, --activate) → models → rollback; bad usage and bad data exit non-zero', { timeout: 600_000 }, async () => {
    const usage = await loopdesk('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/unknown command frobnicate[\s\S]*usage: loopdesk/);

    const csvFile = path.join(os.tmpdir(), `loopdesk-cli-${process.pid}.csv`);
    fs.writeFileSync(csvFile, 'text,label\n"parcel stuck",logistics\n"charged twice",billing\n');
    try {
      const badColumn = await loopdesk('train', '--csv', csvFile, '--text', 'narrative', '--label', 'label');
      expect(badColumn.code).toBe(1);
      expect(badColumn.err).toMatch(/invalid_training_data: No column "narrative"/);
    } finally {
      fs.rmSync(csvFile, { force: true });
    }

    const trained = await loopdesk('train', '--epochs', '4', '--folds', '2', '--activate');
    expect(trained.code, trained.err).toBe(0);
    expect(trained.out).toMatch(/Version 1 .*source builtin \(corpus \d+, corrections 0/);
    expect(trained.out).toMatch(/2-fold cross-validation: \d+\.\d %/);
    expect(trained.out).toMatch(new RegExp(`held-out \\(corpus/heldout\\.jsonl, ${loadCorpus(HELDOUT_FILE).length} items\\): \\d+\\.\\d %`));
    expect(trained.out).toMatch(/safety\s+\d+\.\d %/);
    expect(trained.out).toMatch(new RegExp(`severity held-out \\(corpus/heldout\\.jsonl, ${loadCorpus(HELDOUT_FILE).length} items, whole classifier\\): \\d+\\.\\d %`));
    expect(trained.out).toMatch(/urgent recall: \d+\.\d % \(\d+ of \d+ urgent items not called urgent\)/);
    expect(trained.out).toMatch(/urgent\s+\d+\.\d %\s+\d+\.\d %/);
    expect(trained.out).toMatch(/Activated version 1\./);

    const models = await loopdesk('models');
    expect(models.code, models.err).toBe(0);
    expect(models.out).toMatch(/^1\s+active\s+builtin.*\d+\.\d %\s+\d+\.\d %\s+\d+\.\d %/m);

    const back = await loopdesk('rollback');
    expect(back.code, back.err).toBe(0);
    expect(back.out).toMatch(/Rolled back version 1; active now: the built-in model\./);
  });
});
