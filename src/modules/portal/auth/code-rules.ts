import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { normalisePhone } from '../../customers/customers-repo.js';

/** Sign-in code rules (README "Service hall"). */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_WRONG_PER_CODE = 5;
export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_CODES_PER_ADDRESS = 5;
export const MAX_CODES_PER_IP = 20;
export const MAX_WRONG_PER_IP = 30;

export type Address = { channel: 'email'; value: string } | { channel: 'sms'; value: string };

/** One spelling per address, so limits and look-ups cannot be dodged by case or spaces. */
export function normaliseAddress(input: { email?: string; phone?: string }): Address {
  return input.email !== undefined
    ? { channel: 'email', value: input.email.trim().toLowerCase() }
    : { channel: 'sms', value: normalisePhone(input.phone!.trim()) };
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Keyed hash: a leaked table row does not give away a six-digit code by brute force. */
export function hashCode(secret: string, address: string, code: string): string {
  return createHmac('sha256', secret).update(`portal-code\n${address}\n${code}`).digest('base64url');
}

export function codeMatches(secret: string, address: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(secret, address, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
