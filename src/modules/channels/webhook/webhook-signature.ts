import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed timestamp may be from our clock: older requests are replays, newer ones forged. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=` + hex HMAC-SHA256(secret, "<timestamp>.<raw body>"): what a source sends in X-Loopdesk-Signature. */
export function signWebhook(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureVerdict = 'ok' | 'invalid' | 'stale';

/**
 * Checks a signature in constant time. The timestamp is inside the signed text, so it cannot be
 * refreshed without the secret: a captured request replayed after the window is refused as stale,
 * and within the window the source's message id makes it a harmless repeat.
 */
export function verifyWebhook(
  secret: string,
  header: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Buffer,
  nowMs: number,
): SignatureVerdict {
  if (!header.signature || !header.timestamp || !/^\d{1,12}$/.test(header.timestamp)) return 'invalid';
  const expected = Buffer.from(signWebhook(secret, header.timestamp, rawBody));
  const given = Buffer.from(header.signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (Math.abs(nowMs / 1000 - Number(header.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  return 'ok';
}
