import type { AppContext } from '../../http/context.js';

/**
 * What the mail transports of THIS app instance last did, for the admin channel report. Kept in
 * memory, not in the database: each instance polls and listens on its own, a restart starts from
 * "not yet polled", and the report says it describes the instance that answered.
 */
export interface ImapPollHealth {
  lastPollAt: Date | null;
  lastSuccessAt: Date | null;
  /** Messages taken in by the last successful pass. */
  lastTaken: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface Health {
  imap: ImapPollHealth;
  /** The port the inbound SMTP listener is bound to (differs from INBOUND_SMTP_PORT when that is 0). */
  smtpListeningPort: number | null;
}

const byInstance = new WeakMap<AppContext, Health>();

function healthOf(ctx: AppContext): Health {
  let h = byInstance.get(ctx);
  if (!h) {
    h = { imap: { lastPollAt: null, lastSuccessAt: null, lastTaken: null, lastError: null, lastErrorAt: null }, smtpListeningPort: null };
    byInstance.set(ctx, h);
  }
  return h;
}

/** Called by the IMAP poller after every pass. */
export function recordImapPoll(ctx: AppContext, outcome: { taken: number } | { error: unknown }): void {
  const imap = healthOf(ctx).imap;
  const now = ctx.clock.now();
  imap.lastPollAt = now;
  if ('taken' in outcome) {
    imap.lastSuccessAt = now;
    imap.lastTaken = outcome.taken;
  } else {
    const e = outcome.error;
    imap.lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    imap.lastErrorAt = now;
  }
}

/** Called by the SMTP listener once bound (port) and when closed (null). */
export function recordSmtpListening(ctx: AppContext, port: number | null): void {
  healthOf(ctx).smtpListeningPort = port;
}

export function channelHealth(ctx: AppContext): { imap: Readonly<ImapPollHealth>; smtpListeningPort: number | null } {
  const h = healthOf(ctx);
  return { imap: { ...h.imap }, smtpListeningPort: h.smtpListeningPort };
}
