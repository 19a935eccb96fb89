import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Queryable, SqlParam } from './database.js';
import { toParam } from './database.js';

/**
 * The one queue in front of a PGlite instance, with group commit.
 *
 * PGlite is a single connection, so every statement and transaction runs one after another
 * in arrival order (a transaction never interleaves with another caller's statements — the
 * bug that made kysely-pglite lose writes). For a small transaction, BEGIN/COMMIT are a good
 * share of its cost. So transactions that are waiting in the queue behind one another (up
 * to GROUP_LIMIT) share ONE PGlite transaction, run with PGlite's own `transaction()` (it
 * skips PGlite's file-system sync after each statement; on a Node data dir that sync is
 * cheap, so measured it is about as fast as exec('begin')/exec('commit')). Each caller's
 * function after the first runs in its own SAVEPOINT — RELEASE on success, ROLLBACK TO on
 * error (that caller gets its error at once; the others go on) — and the group COMMITs once.
 * The first needs none: if it fails, nothing else has run yet and the whole transaction is
 * rolled back. Callers hear "done" only after that COMMIT succeeded, and only then are their
 * announcements handed to the notifier; if the COMMIT fails, every member still waiting gets
 * that error.
 *
 * What it buys depends on the load: groups form only when transactions queue directly
 * behind each other. On the intake benchmark almost every group has one member (each
 * request's plain queries sit between the transactions) and the time goes to the ~16
 * statements of each intake transaction, not to BEGIN/COMMIT.
 *
 * Why this keeps `Database.transaction`'s semantics:
 * - Isolation: members run strictly one after another, each to completion, exactly as before
 *   (one connection; nothing is interleaved). A member sees the earlier members' writes —
 *   as it did before, when they had committed just ahead of it.
 * - All or nothing per caller: a failed member is undone to its savepoint (the first: the
 *   whole transaction is rolled back); a member that swallowed an error and left the
 *   transaction aborted is undone and rejected the same way — detected by its RELEASE, for
 *   the first by the next member's SAVEPOINT or by PGlite's COMMIT (before, its COMMIT
 *   silently became a ROLLBACK and the caller heard success).
 * - Durability: nobody is resolved before the COMMIT that covers its writes.
 * - Locks: `pg_advisory_xact_lock` (routing rule sets, model versions) and `FOR UPDATE` are
 *   held until the group's COMMIT instead of the member's; on one connection a lock never
 *   blocks its own session (advisory locks are re-entrant), so members cannot deadlock each
 *   other and there is no other session to wait.
 * - Not safe, and not used anywhere in Loopdesk (checked: no `SET LOCAL`, no
 *   `set_config(…, true)` in a transaction, no deferrable constraints, no explicit
 *   SAVEPOINT/COMMIT inside a transaction function): `SET LOCAL` would outlive a RELEASE and
 *   leak into the next members; a deferred constraint is checked at the group's COMMIT, so
 *   one member's violation fails the whole group. `now()` is the group's start time (at
 *   most one group — ≤ GROUP_LIMIT members — earlier than the member's); Loopdesk passes
 *   its clock's time explicitly almost everywhere, `default now()` covers only a few
 *   created_at columns.
 * Plain `query()`/`exec()` calls keep their place in the queue: a group takes only the
 * transactions queued directly behind each other, so a query waiting meanwhile runs after
 * the group, never inside it. A member that takes long holds the group (and the queue) up,
 * exactly as a long transaction held the queue up before.
 */
export const GROUP_LIMIT = 32;

export type Announcements = Array<[channel: string, payload: string]>;

type TxJob = {
  kind: 'transaction';
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
};
type PlainJob = {
  kind: 'plain';
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
};

export interface PgliteQueue {
  /** Runs `job` alone, in queue order (statements outside transactions, listen, close). */
  serial: <T>(job: () => Promise<T>) => Promise<T>;
  /** `Database.transaction`, possibly grouped with the transactions queued behind it. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
}

export function createPgliteQueue(
  db: PGlite,
  onCommitted: (announcements: Announcements) => void,
  groupLimit = GROUP_LIMIT,
): PgliteQueue {
  const queue: Array<TxJob | PlainJob> = [];
  let pumping = false;

  function enqueue(job: TxJob | PlainJob) {
    queue.push(job);
    if (!pumping) {
      pumping = true;
      // Start on a later microtask, as the promise chain did: callers in the same tick queue up first.
      queueMicrotask(() => void pump());
    }
  }

  async function pump() {
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        if (job.kind === 'plain') {
          try {
            job.resolve(await job.run());
          } catch (err) {
            job.reject(err);
          }
        } else {
          await runGroup(job);
        }
      }
    } finally {
      pumping = false;
    }
  }

  async function runGroup(first: TxJob) {
    const members: TxJob[] = [];
    const done: Array<{ job: TxJob; result: unknown; announcements: Announcements }> = [];
    try {
      await db.transaction(async (pgTx) => {
        // The first member runs without a savepoint (the common case is a group of one, and a
        // savepoint pair costs ~25% of a small transaction): if it fails, nothing else is in
        // the transaction yet, so the whole transaction is rolled back (the catch below).
        members.push(first);
        const head = memberQueryable(pgTx);
        let headResult: unknown;
        try {
          headResult = await first.fn(head.queryable);
        } finally {
          head.close();
        }
        done.push({ job: first, result: headResult, announcements: head.announcements });
        for (let job = next(); job; job = next()) {
          try {
            await pgTx.exec('savepoint loopdesk_member');
          } catch (err) {
            // Only the first member can leave the transaction aborted here (it swallowed an
            // error; later members are checked by their RELEASE): undo it all and reject it.
            // `job` has not run: it goes back to the head of the queue for the next group.
            queue.unshift(job);
            throw err;
          }
          members.push(job);
          const member = memberQueryable(pgTx);
          let result: unknown;
          try {
            result = await job.fn(member.queryable);
          } catch (err) {
            member.close();
            await pgTx.exec('rollback to savepoint loopdesk_member; release savepoint loopdesk_member');
            job.reject(err);
            continue;
          }
          member.close();
          try {
            // Fails if the function swallowed an error and left the transaction aborted.
            await pgTx.exec('release savepoint loopdesk_member');
          } catch (err) {
            await pgTx.exec('rollback to savepoint loopdesk_member; release savepoint loopdesk_member');
            job.reject(err);
            continue;
          }
          done.push({ job, result, announcements: member.announcements });
        }
        // PGlite's COMMIT follows; if it turns into a ROLLBACK (the first member, alone, left
        // the transaction aborted) PGlite throws 25P02 "Transaction was rolled back …".
      });
    } catch (err) {
      // The first member failed, or the COMMIT (or the savepoint bookkeeping) did: nothing of
      // this group is committed. Members already rejected with their own error keep it (a
      // promise settles once).
      for (const job of members) job.reject(err);
      return;
    }
    for (const { announcements } of done) if (announcements.length) onCommitted(announcements);
    for (const { job, result } of done) job.resolve(result);

    function next(): TxJob | undefined {
      if (members.length >= groupLimit || queue[0]?.kind !== 'transaction') return undefined;
      return queue.shift() as TxJob;
    }
  }

  return {
    serial<T>(run: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => enqueue({ kind: 'plain', run, resolve: resolve as (v: unknown) => void, reject }));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return new Promise<T>((resolve, reject) => enqueue({ kind: 'transaction', fn, resolve: resolve as (v: unknown) => void, reject }));
    },
  };
}

/**
 * What one member's function sees: the group's PGlite transaction, its own announcement list,
 * and a guard — once its function has settled, a stray call (a promise it did not await) is
 * refused instead of running inside the next member's savepoint.
 */
function memberQueryable(pgTx: Transaction) {
  const announcements: Announcements = [];
  let closed = false;
  const open = () => {
    if (closed) throw new Error('transaction is closed: statement issued after the transaction function settled');
  };
  const queryable: Queryable = {
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      open();
      const res = await pgTx.query<T>(sql, params.map(toParam));
      return res.rows;
    },
    async exec(sql: string) {
      open();
      await pgTx.exec(sql);
    },
    notify(channel, payload) {
      open();
      announcements.push([channel, payload]);
    },
  };
  return { queryable, announcements, close: () => void (closed = true) };
}
