import type { AppContext } from '../../../http/context.js';
import { storeInboundEmail, type ReceivedEmail } from './inbound-email-store.js';
import { processInboundEmail, type ProcessOutcome } from './process-inbound-email.js';

/**
 * The pipeline entry both mail transports (SMTP listener, IMAP poller) call: store the raw
 * message (committed: from here on it cannot be lost), then process it. Throws only when
 * storing failed — the caller must then keep the mail (SMTP 451, IMAP leaves it unseen).
 */
export async function acceptInboundEmail(ctx: AppContext, mail: ReceivedEmail): Promise<{ id: string; outcome: ProcessOutcome | null }> {
  const id = await storeInboundEmail(ctx.db, mail, ctx.clock.now());
  try {
    return { id, outcome: await processInboundEmail(ctx, id, mail.raw) };
  } catch {
    // Only the failure bookkeeping itself can land here; the row stays 'received' and the sweep retries it.
    return { id, outcome: null };
  }
}
