import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../test/test-database.js';
import { openPglite } from './pglite-database.js';
import { initPgliteDataDir } from './pglite-initdb.js';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-initdb-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.runIf(testDbKind === 'pglite')('a new PGlite data dir', () => {
  it('is created in a child process, complete, and this process does not carry initdb\'s memory', async () => {
    const dir = tempDir();
    const pgdata = path.join(dir, 'pgdata');
    const before = process.memoryUsage().rss;
    expect(await initPgliteDataDir(pgdata)).toBe('created');
    // initdb in this process grows it by ~300 MB (a second WebAssembly PostgreSQL).
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
    expect(fs.existsSync(path.join(pgdata, 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(`${pgdata}.init`)).toBe(false);
    expect(await initPgliteDataDir(pgdata)).toBe('exists');

    const db = await openPglite(dir);
    try {
      await db.query('create table kept (v int)');
      await db.query('insert into kept values (7)');
    } finally {
      await db.close();
    }
    const again = await openPglite(dir);
    try {
      expect(await again.query('select v from kept')).toEqual([{ v: 7 }]);
    } finally {
      await again.close();
    }
  });

  it('replaces what a first start killed half-way left behind', async () => {
    const dir = tempDir();
    const pgdata = path.join(dir, 'pgdata');
    fs.mkdirSync(`${pgdata}.init/base`, { recursive: true });
    fs.writeFileSync(`${pgdata}.init/base/junk`, 'half-written');
    const db = await openPglite(dir);
    try {
      expect(await db.query<{ ok: number }>('select 1 as ok')).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(`${pgdata}.init`)).toBe(false);
    expect(fs.existsSync(path.join(pgdata, 'base/junk'))).toBe(false);
  });

  it('fails with a message naming the directory, and leaves nothing behind, when it cannot be made', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-dir');
    fs.writeFileSync(blocker, '');
    const pgdata = path.join(blocker, 'pgdata');
    await expect(initPgliteDataDir(pgdata)).rejects.toThrow(`Could not create the embedded database in ${pgdata}`);
    expect(fs.readdirSync(dir)).toEqual(['not-a-dir']);
  });
});
