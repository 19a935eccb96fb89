import { createHash, randomBytes } from 'node:crypto';

/** Tokens are random; only their SHA-256 is stored, so a database leak leaks no sessions. */
export function newToken(prefix: 'lds' | 'ldk' | 'ldc'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
