import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDbKind } from '../test/test-database.js';
import type { Database, Queryable } from './database.js';
import { GROUP_LIMIT } from './pglite-group-commit.js';
import { openPglite } from './pglite-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const txid = async (tx: Queryable) => (await tx.query<{ id: number }>('select txid_current() as id'))[0]!.id;
const values = async (q: Queryable) => (await q.query<{ v: string }>('select v from g order by v')).map((r) => r.v);

describe.runIf(testDbKind === 'pglite')('PGlite group commit', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
  });
  beforeEach(async () => {
    await db.exec('drop table if exists g, child, parent; create table g (v text primary key)');
  });
  afterAll(async () => {
    await db.close();
  });

  /** Everything announced on `channel`, read up to a sentinel sent afterwards by a committed transaction. */
  async function heard(channel: string, run: () => Promise<unknown>): Promise<string[]> {
    const got: string[] = [];
    const stop = await db.listen(channel, (p) => void got.push(p));
    try {
      await run();
      await db.transaction(async (tx) => tx.notify(channel, 'sentinel'));
      for (let i = 0; i < 200 && !got.includes('sentinel'); i++) await sleep(10);
      expect(got).toContain('sentinel');
      return got.filter((p) => p !== 'sentinel');
    } finally {
      await stop();
    }
  }

  it('groups the transactions queued behind each other into one PGlite transaction, at most GROUP_LIMIT each', async () => {
    const n = GROUP_LIMIT + 8;
    const ids = await Promise.all(Array.from({ length: n }, (_, i) => db.transaction(async (tx) => {
      await tx.query('insert into g values ($1)', [`r${String(i).padStart(2, '0')}`]);
      return txid(tx);
    })));
    expect(new Set(ids.slice(0, GROUP_LIMIT)).size).toBe(1);
    expect(new Set(ids.slice(GROUP_LIMIT)).size).toBe(1);
    expect(ids[GROUP_LIMIT]).not.toBe(ids[0]);
    expect(await values(db)).toHaveLength(n);
    // Alone, a transaction is its own group.
    const a = await db.transaction(txid);
    const b = await db.transaction(txid);
    expect(a).not.toBe(b);
  });

  it('a failing member is undone and gets its own error; the others commit and get their results', async () => {
    const boom = new Error('member 2 fails');
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => db.transaction(async (tx) => {
      await tx.query('insert into g values ($1)', [`ok${i}`]);
      if (i === 2) {
        await tx.query('insert into g values ($1)', ['also-from-2']);
        throw boom;
      }
      return { i, id: await txid(tx) };
    })));
    expect(results[2]).toEqual({ status: 'rejected', reason: boom });
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    expect(ok.map((r) => r.i)).toEqual([0, 1, 3, 4]);
    expect(new Set(ok.map((r) => r.id)).size).toBe(1); // really one group
    expect(await values(db)).toEqual(['ok0', 'ok1', 'ok3', 'ok4']);
  });

  it('when the first member of a group fails, its transaction is rolled back and the members queued behind it commit', async () => {
    const boom = new Error('first fails');
    const results = await Promise.allSettled([0, 1, 2].map((i) => db.transaction(async (tx) => {
      await tx.query('insert into g values ($1)', [`v${i}`]);
      if (i === 0) throw boom;
      return txid(tx);
    })));
    expect(results[0]).toEqual({ status: 'rejected', reason: boom });
    expect(results[1]!.status).toBe('fulfilled');
    expect(results[2]).toEqual(results[1]); // one group
    expect(await values(db)).toEqual(['v1', 'v2']);
  });

  it('a member failing on a SQL error (transaction aborted) is rolled back to its savepoint; the next member runs normally', async () => {
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.query('insert into g values ($1)', ['a'])),
      db.transaction(async (tx) => {
        await tx.query('insert into g values ($1)', ['b']);
        await tx.query('insert into g values ($1)', ['a']); // duplicate key
      }),
      db.transaction((tx) => tx.query('insert into g values ($1) returning v', ['c'])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual([{ v: 'c' }]);
    expect(await values(db)).toEqual(['a', 'c']);
  });

  it('a member that swallows a SQL error and returns is rejected, not reported as committed', async () => {
    await db.query('insert into g values ($1)', ['a']);
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.query('insert into g values ($1)', ['b'])),
      db.transaction(async (tx) => {
        await tx.query('insert into g values ($1)', ['x']);
        await tx.query('insert into g values ($1)', ['a']).catch(() => undefined); // leaves the transaction aborted
        return 'looks fine';
      }),
      db.transaction((tx) => tx.query('insert into g values ($1)', ['c'])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/aborted/);
    expect(await values(db)).toEqual(['a', 'b', 'c']);
  });

  it('a first member that swallows a SQL error is rejected, alone or with members queued behind it', async () => {
    await db.query('insert into g values ($1)', ['a']);
    const swallow = (v: string) => db.transaction(async (tx) => {
      await tx.query('insert into g values ($1)', [v]);
      await tx.query('insert into g values ($1)', ['a']).catch(() => undefined);
      return 'looks fine';
    });
    await expect(swallow('alone')).rejects.toMatchObject({ code: '25P02' });
    const results = await Promise.allSettled([swallow('head'), db.transaction((tx) => tx.query('insert into g values ($1)', ['next']))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/aborted/);
    expect(await values(db)).toEqual(['a', 'next']);
  });

  it('announces only the committed members of a group, in order', async () => {
    const got = await heard('group_test', () => Promise.allSettled([0, 1, 2, 3].map((i) => db.transaction(async (tx) => {
      await tx.query('insert into g values ($1)', [`v${i}`]);
      tx.notify('group_test', `m${i}`);
      if (i === 1) throw new Error('rolled back');
    }))));
    expect(got).toEqual(['m0', 'm2', 'm3']);
  });

  it('a failing COMMIT (deferred constraint) rejects every member of the group, announces nothing, and the queue goes on', async () => {
    await db.exec(`create table parent (id int primary key);
      create table child (parent_id int references parent (id) deferrable initially deferred)`);
    let results: PromiseSettledResult<unknown>[] = [];
    const got = await heard('commit_test', async () => {
      results = await Promise.allSettled([
        db.transaction(async (tx) => {
          await tx.query('insert into g values ($1)', ['innocent']);
          tx.notify('commit_test', 'innocent');
          return 'innocent';
        }),
        db.transaction(async (tx) => {
          await tx.query('insert into child values (42)'); // no parent 42: fails only at COMMIT
          tx.notify('commit_test', 'guilty');
        }),
      ]);
    });
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    expect(got).toEqual([]);
    expect(await values(db)).toEqual([]);
    expect(await db.query('select * from child')).toEqual([]);
    // The next group commits normally.
    expect(await db.transaction(async (tx) => (await tx.query('insert into g values ($1) returning v', ['after']))[0])).toEqual({ v: 'after' });
    expect(await values(db)).toEqual(['after']);
  });

  it('runs members one after another in arrival order, never interleaved, even across awaits; a plain query waits for the group', async () => {
    const log: string[] = [];
    const member = (i: number) => db.transaction(async (tx) => {
      log.push(`start ${i}`);
      await tx.query('insert into g values ($1)', [`v${i}`]);
      await sleep(i === 0 ? 60 : 5); // the first is slow: the rest queue up behind it
      const seen = await values(tx);
      log.push(`end ${i}`);
      return seen;
    });
    const first = member(0);
    const second = member(1);
    const query = db.query<{ v: string }>('select v from g order by v').then((rows) => {
      log.push('query');
      return rows.map((r) => r.v);
    });
    const rest = [member(2), member(3)];
    const seen = await Promise.all([first, second, ...rest]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'query', 'start 2', 'end 2', 'start 3', 'end 3']);
    // Each member sees exactly the members before it; the plain query sees the first group, committed.
    expect(seen).toEqual([['v0'], ['v0', 'v1'], ['v0', 'v1', 'v2'], ['v0', 'v1', 'v2', 'v3']]);
    expect(await query).toEqual(['v0', 'v1']);
  });

  it('members may take the same advisory transaction lock (held until the group commits, re-entrant on one connection)', async () => {
    const ids = await Promise.all([1, 2, 3].map((i) => db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [4242]);
      await tx.query('insert into g values ($1)', [`v${i}`]);
      return txid(tx);
    })));
    expect(new Set(ids).size).toBe(1);
    expect(await values(db)).toEqual(['v1', 'v2', 'v3']);
    expect(await db.query("select * from pg_locks where locktype = 'advisory'")).toEqual([]);
  });

  it('refuses a statement a member issues after its function settled instead of running it inside the next member', async () => {
    let leaked: Queryable | null = null;
    await Promise.all([
      db.transaction(async (tx) => {
        leaked = tx;
      }),
      db.transaction(async (tx) => {
        await expect(leaked!.query('insert into g values ($1)', ['stray'])).rejects.toThrow(/transaction is closed/);
        await tx.query('insert into g values ($1)', ['own']);
      }),
    ]);
    expect(await values(db)).toEqual(['own']);
  });
});
