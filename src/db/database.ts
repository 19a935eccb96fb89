/**
 * The one database seam. Everything above talks SQL through `Queryable`; which engine
 * runs it (embedded PGlite or PostgreSQL) is decided once at start-up.
 */
export type SqlParam = string | number | boolean | null | Date | string[] | Record<string, unknown> | unknown[];

export interface Queryable {
  query: <T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) => Promise<T[]>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
  /**
   * Announces `payload` on a LISTEN/NOTIFY channel. On a transaction it is sent only after
   * the transaction commits (never for a rollback); on the database, at once. Fire and
   * forget, batched — see notifier.ts for why it is not a NOTIFY inside the transaction.
   */
  notify: (channel: string, payload: string) => void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: every change and its event commit together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: `onPayload` gets every NOTIFY payload sent to it by any instance on
   * this database (sent with `notify`, after commit). Returns a function that stops
   * listening. See realtime/bus.ts.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Serialises JS values the way both drivers agree on (JSON objects as text, arrays as SQL
 * arrays). A JSON array for a jsonb column must be passed as JSON.stringify(value).
 */
export function toParam(value: SqlParam): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
    return JSON.stringify(value);
  }
  return value;
}
