import type { AppContext } from '../../../http/context.js';
import { storeInboundEmailFindingRef, type ReceivedEmail } from './inbound-email-store.js';
import { parseEmail } from './parse-email.js';
import { emailRef, processInboundEmail, type JustStored, type ProcessOutcome } from './process-inbound-email.js';

/**
 * The pipeline entry both mail transports (SMTP listener, IMAP poller) call: store the raw
 * message (committed: from here on it cannot be lost), then process it. Throws only when
 * storing failed — the caller must then keep the mail (SMTP 451, IMAP leaves it unseen).
 *
 * The bytes in hand are parsed first (in memory only; nothing is acknowledged before the store
 * commits) so that the statement storing them also finds whether their Message-ID was taken in
 * before, and processing reuses that parse instead of reading and parsing the row again. A
 * message that does not parse is stored all the same and becomes a dead letter with the reason.
 */
export async function acceptInboundEmail(ctx: AppContext, mail: ReceivedEmail): Promise<{ id: string; outcome: ProcessOutcome | null }> {
  const receivedAt = ctx.clock.now();
  const parsed: JustStored['parsed'] = await parseEmail(mail.raw).then((m) => ({ mail: m }), (error: unknown) => ({ error }));
  const ref = 'mail' in parsed && parsed.mail.from ? emailRef(parsed.mail, mail.raw) : null;
  const { id, prior } = await storeInboundEmailFindingRef(ctx.db, mail, receivedAt, ref);
  try {
    return { id, outcome: await processInboundEmail(ctx, id, { raw: mail.raw, parsed, prior }) };
  } catch {
    // Only the failure bookkeeping itself can land here; the row stays 'received' and the sweep retries it.
    return { id, outcome: null };
  }
}
