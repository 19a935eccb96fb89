import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { verifyToken } from '../../../security/signed-tokens.js';
import { createSession } from '../../auth/sessions.js';
import { codeMatches, MAX_WRONG_PER_CODE, MAX_WRONG_PER_IP, RATE_WINDOW_MS, type Address } from './code-rules.js';
import { MAGIC_LINK_PURPOSE } from './request-code.js';

interface CodeRow {
  id: string;
  address: string;
  customer_id: string | null;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  used_at: Date | null;
}

export interface PortalSession {
  token: string;
  expiresAt: string | null;
  customer: { id: string; name: string; locale: string };
}

async function recordFailure(ctx: AppContext, ip: string, now: Date): Promise<void> {
  await ctx.db.query('insert into portal_code_failures (ip, at) values ($1, $2)', [ip, now]);
}

/** Marks the code used (once: a second use finds used_at set) and opens a customer session. */
async function consume(ctx: AppContext, row: CodeRow, now: Date): Promise<PortalSession> {
  const used = await ctx.db.query(
    `update portal_codes set used_at = $2 where id = $1 and used_at is null and attempts < $3 returning 1`,
    [row.id, now, MAX_WRONG_PER_CODE],
  );
  if (!used.length || !row.customer_id) throw new AppError('invalid_code');
  const [c] = await ctx.db.query<{ id: string; name: string; locale: string }>('select id, name, locale from customers where id = $1', [row.customer_id]);
  if (!c) throw new AppError('invalid_code');
  const ttl = ctx.config.SESSION_TTL_HOURS * 3_600_000;
  const s = await createSession(ctx.db, { customerId: c.id }, { kind: 'session', expiresAt: new Date(now.getTime() + ttl), name: 'service hall' });
  return { token: s.token, expiresAt: s.expiresAt?.toISOString() ?? null, customer: c };
}

/**
 * Checks a code against the newest one issued for the address. Five wrong guesses kill the
 * code; wrong guesses from one client address are limited across all addresses.
 */
export async function verifyCode(ctx: AppContext, a: Address, code: string, ip: string): Promise<PortalSession> {
  const now = ctx.clock.now();
  const [f] = await ctx.db.query<{ n: number }>(
    'select count(*)::int as n from portal_code_failures where ip = $1 and at > $2',
    [ip, new Date(now.getTime() - RATE_WINDOW_MS)],
  );
  if ((f?.n ?? 0) >= MAX_WRONG_PER_IP) {
    throw new AppError('rate_limited', 'Too many wrong codes from your network; try again in 15 minutes.', [], { 'retry-after': String(RATE_WINDOW_MS / 1000) });
  }
  const [row] = await ctx.db.query<CodeRow>(
    'select id, address, customer_id, code_hash, attempts, expires_at, used_at from portal_codes where address = $1 order by created_at desc, id desc limit 1',
    [a.value],
  );
  if (!row || !row.customer_id || row.used_at || row.attempts >= MAX_WRONG_PER_CODE) {
    await recordFailure(ctx, ip, now);
    throw new AppError('invalid_code');
  }
  if (row.expires_at <= now) throw new AppError('code_expired');
  if (!codeMatches(ctx.signingSecret, row.address, code, row.code_hash)) {
    const [u] = await ctx.db.query<{ attempts: number }>('update portal_codes set attempts = attempts + 1 where id = $1 returning attempts', [row.id]);
    await recordFailure(ctx, ip, now);
    const left = Math.max(0, MAX_WRONG_PER_CODE - (u?.attempts ?? MAX_WRONG_PER_CODE));
    throw new AppError('invalid_code', undefined, [{ path: 'body.code', message: left ? `${left} attempts left` : 'no attempts left; request a new code', attemptsLeft: left }]);
  }
  return consume(ctx, row, now);
}

/** The one-click link from the sign-in email: the same code row, so it is single-use with it. */
export async function verifyMagicLink(ctx: AppContext, token: string): Promise<PortalSession> {
  const now = ctx.clock.now();
  const r = verifyToken(ctx.signingSecret, MAGIC_LINK_PURPOSE, token, now);
  if (!r.ok) throw new AppError(r.reason === 'expired' ? 'code_expired' : 'invalid_code');
  const id = r.data.c;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('invalid_code');
  const [row] = await ctx.db.query<CodeRow>(
    'select id, address, customer_id, code_hash, attempts, expires_at, used_at from portal_codes where id = $1',
    [id],
  );
  if (!row || row.used_at || row.attempts >= MAX_WRONG_PER_CODE) throw new AppError('invalid_code');
  if (row.expires_at <= now) throw new AppError('code_expired');
  return consume(ctx, row, now);
}
