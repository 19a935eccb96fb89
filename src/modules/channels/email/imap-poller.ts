import { ImapFlow } from 'imapflow';
import type { AppContext } from '../../../http/context.js';
import { acceptInboundEmail } from './accept-inbound-email.js';
import { recordImapPoll } from '../channel-health.js';

/** imaps://user:pass@host[:port]/MAILBOX → connection settings (imap:// for plain, 143). */
export function parseImapUrl(url: string) {
  const u = new URL(url);
  if (u.protocol !== 'imaps:' && u.protocol !== 'imap:') throw new Error('IMAP_URL must start with imaps:// or imap://');
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * One pass over the mailbox: every UNSEEN message goes through the same pipeline as the SMTP
 * listener and is flagged \Seen only after it is stored, so a crash mid-pass leaves it for the
 * next pass (a second store is then deduplicated by Message-ID). Deliberately thin: all the
 * logic is in acceptInboundEmail, which the tests drive directly.
 */
export async function pollMailboxOnce(ctx: AppContext, url: string): Promise<number> {
  const cfg = parseImapUrl(url);
  const client = new ImapFlow({ host: cfg.host, port: cfg.port, secure: cfg.secure, auth: cfg.auth, logger: false });
  await client.connect();
  let taken = 0;
  try {
    const lock = await client.getMailboxLock(cfg.mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true, size: true, envelope: true }, { uid: true });
        if (!msg || !msg.source) continue;
        // Oversized mail stays unread in the mailbox for a person to look at.
        if (msg.source.length > ctx.config.INBOUND_EMAIL_MAX_BYTES) continue;
        await acceptInboundEmail(ctx, {
          raw: msg.source, transport: 'imap', envelopeFrom: msg.envelope?.from?.[0]?.address ?? null,
          envelopeTo: (msg.envelope?.to ?? []).map((a) => a.address ?? '').filter(Boolean), remoteAddress: cfg.host,
        });
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        taken++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return taken;
}

/** Polls every IMAP_POLL_INTERVAL_MS until stopped; a failed pass is logged and retried next time. */
export function startImapPoller(ctx: AppContext, url: string, intervalMs: number, log: (msg: string, err?: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running = pollMailboxOnce(ctx, url)
      .then((taken) => recordImapPoll(ctx, { taken }), (err: unknown) => {
        recordImapPoll(ctx, { error: err });
        log('IMAP poll failed; retrying next interval', err);
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
