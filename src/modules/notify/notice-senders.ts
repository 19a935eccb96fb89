import type { AppContext } from '../../http/context.js';
import { subjectWithToken } from './mail-threading.js';
import { createEmailTransport, type EmailTransport } from './transports/email-transport.js';
import { createSmsTransport, SmsDeliveryError, type SmsTransport } from './transports/sms-transport.js';

/** A delivery that did not work; `retryable` says whether trying again could help. */
export class NoticeDeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

export interface OutgoingNotice {
  id: string;
  channel: 'email' | 'sms' | 'in_app';
  recipient: string | null;
  complaintNumber: string;
  subject: string | null;
  body: string;
  /** Message-IDs of this complaint's earlier emails, oldest first (threading). */
  thread: string[];
}

/**
 * The Message-ID of a notice email is derived from the notice id, not random: if a sender
 * crashes after the SMTP server accepted the mail but before the notice was marked sent,
 * the retry sends the same Message-ID, which mail clients and servers recognise as the same
 * message (see deliver-notices.ts: delivery is at least once). It carries the complaint
 * number, like mail-threading.ts's ids, so a customer's reply threads back.
 */
export function noticeMessageId(complaintNumber: string, noticeId: string, domain: string): string {
  return `<${complaintNumber}.${noticeId}@${domain}>`;
}

interface Transports {
  email: EmailTransport;
  sms: SmsTransport;
}

const transports = new WeakMap<AppContext, Transports>();

/** One pair of transports per app instance (SMTP_URL may ask for a pool: ?pool=true&maxConnections=8). */
function transportsOf(ctx: AppContext): Transports {
  let t = transports.get(ctx);
  if (!t) {
    t = { email: createEmailTransport(ctx.config), sms: createSmsTransport(ctx.config) };
    transports.set(ctx, t);
  }
  return t;
}

export function closeNoticeTransports(ctx: AppContext): void {
  transports.get(ctx)?.email.close();
  transports.delete(ctx);
}

/** SMTP 5xx is a permanent refusal (unknown mailbox, policy); 4xx and network trouble may pass later. */
function emailError(err: unknown): NoticeDeliveryError {
  const e = err as { message?: string; responseCode?: number };
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new NoticeDeliveryError(`SMTP: ${e.message ?? String(err)}`.slice(0, 500), !permanent);
}

/** Hands one notice to its channel; returns the id the channel knows it by. In-app needs no transport. */
export async function sendNotice(ctx: AppContext, n: OutgoingNotice): Promise<string | null> {
  if (n.channel === 'in_app') return null;
  if (!n.recipient) throw new NoticeDeliveryError(`no ${n.channel === 'email' ? 'email address' : 'phone number'} for this customer`, false);
  const t = transportsOf(ctx);
  if (n.channel === 'sms') {
    try {
      const r = await t.sms.send({ to: n.recipient, text: n.body });
      return r.providerMessageId;
    } catch (err) {
      if (err instanceof SmsDeliveryError) throw new NoticeDeliveryError(err.message.slice(0, 500), err.retryable);
      throw new NoticeDeliveryError(`SMS: ${(err as Error).message}`.slice(0, 500), true);
    }
  }
  const messageId = noticeMessageId(n.complaintNumber, n.id, ctx.config.MAIL_DOMAIN);
  const last = n.thread.at(-1);
  try {
    await t.email.send({
      to: n.recipient,
      subject: subjectWithToken(n.subject ?? n.complaintNumber, n.complaintNumber),
      text: n.body,
      messageId,
      ...(last ? { inReplyTo: last, references: n.thread.slice(-20) } : {}),
      headers: { 'X-Loopdesk-Notice': n.id, 'X-Loopdesk-Complaint': n.complaintNumber },
    });
  } catch (err) {
    throw emailError(err);
  }
  return messageId;
}
