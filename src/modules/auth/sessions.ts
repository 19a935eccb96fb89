import type { Queryable } from '../../db/database.js';
import type { Principal, Role } from './principal.js';
import { hashToken, newToken } from './tokens.js';
import { forgetPrincipals } from './principal-cache.js';

interface SessionRow {
  session_id: string;
  kind: 'session' | 'api';
  user_id: string | null;
  customer_id: string | null;
  role: Role | null;
  department_id: string | null;
  user_name: string | null;
  email: string | null;
  customer_name: string | null;
  last_used_at: Date | null;
  expires_at: Date | null;
}

export async function createSession(
  db: Queryable,
  who: { userId: string } | { customerId: string },
  opts: { kind: 'session' | 'api'; expiresAt: Date | null; name?: string | null },
): Promise<{ token: string; id: string; expiresAt: Date | null }> {
  const token = newToken('customerId' in who ? 'ldc' : opts.kind === 'api' ? 'ldk' : 'lds');
  const [row] = await db.query<{ id: string }>(
    `insert into sessions (token_hash, kind, name, user_id, customer_id, expires_at)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      hashToken(token),
      opts.kind,
      opts.name ?? null,
      'userId' in who ? who.userId : null,
      'customerId' in who ? who.customerId : null,
      opts.expiresAt,
    ],
  );
  return { token, id: row!.id, expiresAt: opts.expiresAt };
}

/** Resolves a bearer token to its principal, or null when unknown, expired, revoked or deactivated. */
export async function principalFromToken(db: Queryable, token: string, now: Date): Promise<Principal | null> {
  return (await sessionFromTokenHash(db, hashToken(token), now))?.principal ?? null;
}

/** The same by the token's hash, with the session's expiry (for the principal cache). */
export async function sessionFromTokenHash(db: Queryable, tokenHash: string, now: Date): Promise<{ principal: Principal; expiresAt: Date | null } | null> {
  const [row] = await db.query<SessionRow>(
    `select s.id as session_id, s.kind, s.user_id, s.customer_id, s.last_used_at, s.expires_at,
            u.role, u.department_id, u.name as user_name, u.email, c.name as customer_name
       from sessions s
       left join users u on u.id = s.user_id
       left join customers c on c.id = s.customer_id
      where s.token_hash = $1 and s.revoked_at is null
        and (s.expires_at is null or s.expires_at > $2)
        and (s.user_id is null or u.active)`,
    [tokenHash, now],
  );
  if (!row) return null;
  // Touch at most every few minutes: a write per request would halve intake throughput.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 5 * 60_000) {
    await db.query('update sessions set last_used_at = $2 where id = $1', [row.session_id, now]);
  }
  const expiresAt = row.expires_at;
  if (row.user_id && row.role) {
    return { expiresAt, principal: {
      kind: 'user',
      sessionId: row.session_id,
      userId: row.user_id,
      role: row.role,
      departmentId: row.department_id,
      name: row.user_name ?? '',
      email: row.email ?? '',
    } };
  }
  if (row.customer_id) {
    return { expiresAt, principal: { kind: 'customer', sessionId: row.session_id, customerId: row.customer_id, name: row.customer_name ?? '' } };
  }
  return null;
}

export async function revokeSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, now]);
  forgetPrincipals(db, { sessionId });
}
