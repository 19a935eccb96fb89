import type { AppContext } from '../../http/context.js';
import { AppError } from '../../errors.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import type { Role } from './principal.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  locale: string;
  password_hash: string | null;
  active: boolean;
}

export function userToApi(u: Omit<UserRow, 'password_hash'>) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.department_id, locale: u.locale, active: u.active };
}

/**
 * Email + password sign-in. Failures are counted in the database (so every instance sees
 * them) per account and per address; past the limit the answer is 429 until the window passes.
 */
export async function login(ctx: AppContext, email: string, password: string, ip: string) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [counts] = await ctx.db.query<{ by_email: number; by_ip: number }>(
    `select count(*) filter (where lower(email) = lower($1))::int as by_email,
            count(*) filter (where ip = $2)::int as by_ip
       from login_attempts where at > $3 and not succeeded and (lower(email) = lower($1) or ip = $2)`,
    [email, ip, since],
  );
  if ((counts?.by_email ?? 0) >= MAX_FAILURES_PER_EMAIL || (counts?.by_ip ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('rate_limited', 'Too many failed sign-ins; try again in 15 minutes.', [], {
      'retry-after': String(LOGIN_WINDOW_MS / 1000),
    });
  }
  const [user] = await ctx.db.query<UserRow>('select * from users where lower(email) = lower($1)', [email]);
  const ok = await verifyPassword(password, user?.password_hash ?? null);
  await ctx.db.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [email, ip, ok && !!user?.active, now]);
  if (!ok || !user || !user.active) throw new AppError('invalid_credentials');
  const ttl = ctx.config.SESSION_TTL_HOURS * 3_600_000;
  const session = await createSession(ctx.db, { userId: user.id }, { kind: 'session', expiresAt: new Date(now.getTime() + ttl) });
  return { token: session.token, expiresAt: session.expiresAt?.toISOString() ?? null, user: userToApi(user) };
}
