import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { PrincipalCache } from './principal-cache.js';

const agent = (sessionId: string, userId = 'u1'): Principal => ({
  kind: 'user', sessionId, userId, role: 'agent', departmentId: null, name: 'Agent', email: 'a@example.com',
});
const customer = (sessionId: string, customerId = 'c1'): Principal => ({ kind: 'customer', sessionId, customerId, name: 'C' });
const NOW = new Date('2026-03-02T01:00:00Z');

function cacheWithClock(ttlMs: number, max?: number) {
  let t = 0;
  const cache = new PrincipalCache(ttlMs, max, () => t);
  return { cache, advance: (ms: number) => (t += ms) };
}

describe('principal cache', () => {
  it('answers a token seen within the TTL and forgets it after', () => {
    const { cache, advance } = cacheWithClock(5000);
    cache.set('h1', agent('s1'), null);
    advance(4999);
    expect(cache.get('h1', NOW)?.sessionId).toBe('s1');
    advance(1);
    expect(cache.get('h1', NOW)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("never outlives the session's own expiry on the app clock", () => {
    const { cache } = cacheWithClock(60_000);
    cache.set('h1', agent('s1'), new Date(NOW.getTime() + 1000));
    expect(cache.get('h1', NOW)).not.toBeNull();
    expect(cache.get('h1', new Date(NOW.getTime() + 1000))).toBeNull();
  });

  it('forgets by session, by user (every session of theirs) and by customer', () => {
    const { cache } = cacheWithClock(60_000);
    cache.set('a', agent('s1', 'u1'), null);
    cache.set('b', agent('s2', 'u1'), null);
    cache.set('c', agent('s3', 'u2'), null);
    cache.set('d', customer('s4', 'c1'), null);
    cache.forget({ sessionId: 's3' });
    expect(cache.get('c', NOW)).toBeNull();
    expect(cache.get('a', NOW)).not.toBeNull();
    cache.forget({ userId: 'u1' });
    expect(cache.get('a', NOW)).toBeNull();
    expect(cache.get('b', NOW)).toBeNull();
    expect(cache.get('d', NOW)).not.toBeNull();
    // A customer id that equals a user id must not evict the user, and the other way round.
    cache.set('e', agent('s5', 'c1'), null);
    cache.forget({ customerId: 'c1' });
    expect(cache.get('d', NOW)).toBeNull();
    expect(cache.get('e', NOW)).not.toBeNull();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheWithClock(60_000, 2);
    cache.set('a', agent('s1'), null);
    cache.set('b', agent('s2'), null);
    cache.set('c', agent('s3'), null);
    expect(cache.size).toBe(2);
    expect(cache.get('a', NOW)).toBeNull();
    expect(cache.get('c', NOW)).not.toBeNull();
  });

  it('TTL 0 turns it off', () => {
    const { cache } = cacheWithClock(0);
    cache.set('a', agent('s1'), null);
    expect(cache.enabled).toBe(false);
    expect(cache.get('a', NOW)).toBeNull();
  });
});
