/**
 * Sends LISTEN/NOTIFY messages outside the transactions that cause them, batched.
 *
 * Why not `pg_notify` inside the transaction: PostgreSQL takes one database-wide lock from a
 * notifying transaction's pre-commit until its commit record is flushed, so every notifying
 * transaction commits one after another. Measured here with 50 connections: 240 tx/s with a
 * NOTIFY in the transaction against 900–1,500 tx/s without. Loopdesk announces almost every
 * change (live updates, notices, chat), so that lock capped all write throughput.
 *
 * Instead a transaction collects its messages and hands them over only after COMMIT (so a
 * rolled-back change is never announced, as before); here they are sent together in one
 * statement per tick. If the process dies between the commit and the send, a live update is
 * missed — clients re-read on reconnect and every sweep re-checks the database, so nothing
 * that matters depends on a notification arriving.
 */
export interface Notifier {
  notify(channel: string, payload: string): void;
  /** Resolves once everything queued so far has been sent (tests, shutdown). */
  flush(): Promise<void>;
}

export type SendBatch = (channel: string, payloads: string[]) => Promise<void>;

export function createNotifier(send: SendBatch): Notifier {
  let queue: Array<[string, string]> = [];
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    // Wait one macrotask: commits finishing in the same tick share one statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length) {
      const batch = queue;
      queue = [];
      const byChannel = new Map<string, string[]>();
      for (const [channel, payload] of batch) byChannel.set(channel, [...(byChannel.get(channel) ?? []), payload]);
      for (const [channel, payloads] of byChannel) {
        try {
          await send(channel, payloads);
        } catch (err) {
          // Best effort by design (see above): log and carry on with the next batch.
          console.error(`[db] notify on ${channel} failed (${payloads.length} messages):`, (err as Error).message);
        }
      }
    }
  }

  return {
    notify(channel, payload) {
      queue.push([channel, payload]);
      running ??= drain().finally(() => {
        running = null;
      });
    },
    async flush() {
      while (running) await running;
    },
  };
}

/**
 * One statement for a batch: pg_notify per payload, in order. The statement is its own
 * transaction; it need not wait for its commit record to reach disk (a lost notification is
 * harmless, see above), which keeps the notify lock's hold time short.
 */
export const NOTIFY_BATCH_SQL = `select pg_notify($1, t.p)
  from (select set_config('synchronous_commit', 'off', true)) s, unnest($2::text[]) with ordinality as t(p, n)
  order by t.n`;
