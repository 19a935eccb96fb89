import type { Database, Queryable } from '../../db/database.js';
import { publish, subscribe } from '../../realtime/bus.js';
import type { Principal } from './principal.js';

/** Bus topic: a session was revoked or a user changed; every instance forgets what it cached. */
export const AUTH_CHANGED_TOPIC = 'auth.changed';

interface Entry {
  principal: Principal;
  /** The session's own expiry (on the app clock), checked on every hit. */
  sessionExpiresAt: number | null;
  /** Monotonic time until which this entry may answer without the database. */
  freshUntil: number;
}

export interface ForgetWho {
  sessionId?: string;
  userId?: string;
  customerId?: string;
}

/** Every cache of this process, so a revocation here is seen by all of them at once. */
const caches = new Set<PrincipalCache>();

/**
 * Recently resolved bearer tokens of one app instance, for `ttlMs` (AUTH_CACHE_MS). Resolving
 * a token is one query on every request — a third of a complaint view's round trips — so a
 * token seen a moment ago answers from memory. Revoking a session (logout, API token revoke)
 * or changing a user (role, department, password, deactivation) calls `forgetPrincipals`,
 * which evicts in this process at once and tells other instances over the bus; the TTL bounds
 * what a lost bus message could leave behind. The session's own expiry is checked on every hit.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    caches.add(this);
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(tokenHash: string, now: Date): Principal | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (e.freshUntil <= this.monotonic() || (e.sessionExpiresAt !== null && e.sessionExpiresAt <= now.getTime())) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.principal;
  }

  set(tokenHash: string, principal: Principal, sessionExpiresAt: Date | null): void {
    if (!this.enabled) return;
    // Oldest first out: Map keeps insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal, sessionExpiresAt: sessionExpiresAt?.getTime() ?? null, freshUntil: this.monotonic() + this.ttlMs });
  }

  forget(who: ForgetWho): void {
    for (const [key, e] of this.entries) {
      const p = e.principal;
      if (
        (who.sessionId && p.sessionId === who.sessionId) ||
        (who.userId && p.kind === 'user' && p.userId === who.userId) ||
        (who.customerId && p.kind === 'customer' && p.customerId === who.customerId)
      ) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Evicts on other instances' revocations; returns the unsubscribe function. */
  async listen(db: Database): Promise<() => Promise<void>> {
    const stop = await subscribe(db, (m) => {
      if (m.topic !== AUTH_CHANGED_TOPIC) return;
      this.forget({
        ...(typeof m.sessionId === 'string' ? { sessionId: m.sessionId } : {}),
        ...(typeof m.userId === 'string' ? { userId: m.userId } : {}),
        ...(typeof m.customerId === 'string' ? { customerId: m.customerId } : {}),
      });
    });
    return async () => {
      caches.delete(this);
      await stop();
    };
  }
}

/**
 * Call after a session was revoked or a user's role, department, password or active flag
 * changed — on the database (not inside the transaction), once the change is committed, so no
 * request can re-cache the old principal after the eviction.
 */
export function forgetPrincipals(db: Queryable, who: ForgetWho): void {
  for (const c of caches) c.forget(who);
  publish(db, {
    topic: AUTH_CHANGED_TOPIC,
    ...(who.sessionId ? { sessionId: who.sessionId } : {}),
    ...(who.userId ? { userId: who.userId } : {}),
    ...(who.customerId ? { customerId: who.customerId } : {}),
  });
}
