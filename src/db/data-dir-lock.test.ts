import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../test/test-database.js';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';
import { openPglite } from './pglite-database.js';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-lock-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.runIf(testDbKind === 'pglite')('PGlite data dir lock', () => {
  it('a second process on the same data dir fails at once with a clear message, and the first keeps its data', async () => {
    const dir = tempDir();
    const db = await openPglite(dir);
    try {
      await db.query('create table keep (v int)');
      await db.query('insert into keep values (42)');
      const started = Date.now();
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, DATA_DIR: dir, PORT: '0', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(/in use by another Loopdesk process \(pid \d+\)/);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await db.query('select v from keep')).toEqual([{ v: 42 }]);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(path.join(dir, 'loopdesk.lock'))).toBe(false);
  });

  it('refuses a second lock in the same process and takes over a stale lock of a dead process', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    fs.writeFileSync(path.join(dir, 'loopdesk.lock'), '999999999');
    const again = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'loopdesk.lock'), 'utf8')).toBe(String(process.pid));
    again();
  });
});
