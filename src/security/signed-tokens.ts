import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/**
 * Signed, expiring tokens for links that work without signing in (survey answers, magic
 * sign-in links). `payload.signature`, both base64url; the purpose is part of the MAC so a
 * token minted for one use cannot be replayed for another.
 */

export type TokenData = Record<string, string | number>;

/** The shared HMAC key: created by whichever instance starts first, then read by all. */
export async function loadSigningSecret(db: Queryable): Promise<string> {
  await db.query(`insert into app_secrets (name, value) values ('signing', $1) on conflict (name) do nothing`, [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>(`select value from app_secrets where name = 'signing'`);
  if (!row) throw new Error('signing secret missing');
  return row.value;
}

function mac(secret: string, purpose: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${body}`).digest();
}

export function signToken(secret: string, purpose: string, data: TokenData, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ ...data, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

export type VerifyResult = { ok: true; data: TokenData } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyToken(secret: string, purpose: string, token: string, now: Date): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts as [string, string];
  const expected = mac(secret, purpose, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!data || typeof data !== 'object' || typeof (data as { exp?: unknown }).exp !== 'number') return { ok: false, reason: 'malformed' };
  const { exp, ...rest } = data as TokenData & { exp: number };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, data: rest };
}
