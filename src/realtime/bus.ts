import type { Database, Queryable } from '../db/database.js';

/**
 * Live updates across app instances: PostgreSQL LISTEN/NOTIFY (PGlite has it too). A change
 * publishes a small message on its own transaction, which sends it only once committed
 * (db/notifier.ts) — and every instance on the database hears it, not just the one that made it.
 * Payloads are kept small (ids and kinds, not records): NOTIFY is limited to 8000 bytes, and
 * a listener re-reads what it needs with its own permissions.
 */
export const BUS_CHANNEL = 'loopdesk_live';

export interface BusMessage {
  /** What happened, e.g. 'complaint.updated', 'notice.created', 'chat.message'. */
  topic: string;
  /** Ids a subscriber filters on (complaintId, customerId, userId, departmentId, sessionId…). */
  [key: string]: string | number | boolean | null;
}

export function publish(tx: Queryable, message: BusMessage): void {
  tx.notify(BUS_CHANNEL, JSON.stringify(message));
}

/** Calls `onMessage` for every bus message from any instance; returns an unsubscribe function. */
export function subscribe(db: Database, onMessage: (m: BusMessage) => void): Promise<() => Promise<void>> {
  return db.listen(BUS_CHANNEL, (payload) => {
    let m: unknown;
    try {
      m = JSON.parse(payload);
    } catch {
      return; // not ours
    }
    if (m && typeof m === 'object' && typeof (m as BusMessage).topic === 'string') onMessage(m as BusMessage);
  });
}
