import { createHash } from 'node:crypto';
import type { AppContext } from '../../../http/context.js';
import { matchCustomer } from '../../customers/match-customer.js';
import { appendEvent } from '../../events/append-event.js';
import { complaintNumberFromMail } from '../../notify/mail-threading.js';
import { attachmentSummaries, storeAttachments } from '../attachments/store-attachments.js';
import { claimRefSql, cleanText, takeIn } from '../channel-intake.js';
import { LIMITS } from '../../complaints/complaint-schema.js';
import { loadRaw, markInbound, type PriorRef } from './inbound-email-store.js';
import { newPartOfReply, parseEmail, UnusableEmailError, type InboundMail } from './parse-email.js';

export type ProcessOutcome =
  | { status: 'processed' | 'duplicate'; complaintId: string; messageId: string | null; created: boolean }
  | { status: 'failed'; error: string }
  | { status: 'skipped' };

interface Thread {
  complaintId: string | null;
  /** The complaint's customer (the sender) when the mail threads. */
  customer: { id: string; name: string } | null;
  by: 'references' | 'subject' | null;
  refused: string | null;
}

/**
 * Which complaint a mail answers: our Message-IDs in In-Reply-To / References first, then the
 * subject token. Only the complaint's own customer may add to it: a mail from another address
 * naming it (forwarded, or forged to inject text into someone else's case) opens a complaint
 * of its own and the refusal is recorded on it. The same statement reads the customer a threaded
 * mail is taken in as.
 */
async function findThread(ctx: AppContext, mail: InboundMail): Promise<Thread> {
  const none: Thread = { complaintId: null, customer: null, by: null, refused: null };
  const domain = ctx.config.MAIL_DOMAIN;
  const byRefs = complaintNumberFromMail({ inReplyTo: mail.inReplyTo, references: mail.references, subject: '' }, domain);
  const number = byRefs ?? complaintNumberFromMail({ subject: mail.subject }, domain);
  if (!number) return none;
  const [row] = await ctx.db.query<{ id: string; customer_id: string; customer_name: string; customer_email: string | null }>(
    `select c.id, cu.id as customer_id, cu.name as customer_name, cu.email as customer_email
       from complaints c join customers cu on cu.id = c.customer_id where c.number = $1`, [number]);
  if (!row) return none;
  if (!row.customer_email || row.customer_email.toLowerCase() !== mail.from!.address) return { ...none, refused: number };
  return { complaintId: row.id, customer: { id: row.customer_id, name: row.customer_name }, by: byRefs ? 'references' : 'subject', refused: null };
}

/** A new complaint's subject without complaint tokens that are not its own. */
const withoutTokens = (subject: string) => subject.replace(/\s*\[C-\d{4}-\d{6,}\]\s*/g, ' ').trim();

/** The mail's source id in channel_refs: its Message-ID, or without one the content itself (a redelivery is byte-identical). */
export const emailRef = (mail: Pick<InboundMail, 'messageId'>, raw: Buffer) =>
  `email:${mail.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`}`;

/** What the listener already has for a mail it has just stored, so processing neither reads nor parses it again. */
export interface JustStored {
  raw: Buffer;
  /** The parse done before storing; a parse failure is kept to become the dead letter's reason. */
  parsed: { mail: InboundMail } | { error: unknown };
  /** Whether the mail's ref was taken in before, found by the statement that stored it. */
  prior: PriorRef | null;
}

/**
 * Turns one stored inbound mail into a complaint or a reply, with its attachments and an
 * `email.received` event, in one transaction. A mail that cannot be used (unparseable, no
 * sender) is marked failed: a dead letter admins can read and retry; its raw bytes stay.
 */
export async function processInboundEmail(ctx: AppContext, inboundId: string, justStored?: JustStored): Promise<ProcessOutcome> {
  // The listener passes what it has just stored; the sweep and retries read the bytes back.
  const stored = justStored ? { raw: justStored.raw, status: 'received' } : await loadRaw(ctx.db, inboundId);
  if (!stored || stored.status !== 'received') return { status: 'skipped' };
  let mail: InboundMail | null = null;
  try {
    if (!justStored) mail = await parseEmail(stored.raw);
    else if ('mail' in justStored.parsed) mail = justStored.parsed.mail;
    else throw justStored.parsed.error;
    if (!mail.from) throw new UnusableEmailError('The message has no usable From address.');
    const from = mail.from;
    const parsed = mail;
    const ref = emailRef(parsed, stored.raw);
    // A redelivery known from the store statement: nothing to match or thread.
    if (justStored?.prior) return await duplicate(ctx, inboundId, justStored.prior, parsed.messageId);
    const thread = await findThread(ctx, mail);
    // Outside a transaction: each of matchCustomer's statements stands alone (the unique index settles races).
    const customer = thread.customer ?? (await matchCustomer(ctx.db, { email: from.address, name: from.name }, ctx.clock.now())).customer;
    const text = cleanText(mail.text, LIMITS.description);
    const outcome = await takeIn(ctx, {
      ref,
      prior: justStored ? null : undefined,
      recordClaims: true,
      channel: 'email',
      customer: { id: customer.id, name: customer.name },
      subject: thread.complaintId ? parsed.subject : withoutTokens(parsed.subject),
      text: text.text,
      replyText: newPartOfReply(parsed.text),
      threadInto: thread.complaintId,
      async record(tx, ids) {
        const now = ctx.clock.now();
        const files = parsed.attachments.length
          ? await storeAttachments(tx, parsed.attachments, { ...ids, inboundEmailId: inboundId }, {
            maxBytes: ctx.config.ATTACHMENT_MAX_BYTES, maxCount: ctx.config.ATTACHMENT_MAX_COUNT,
          }, now)
          : [];
        // One statement: the Message-ID claim, the reply's attachments and email details, the inbound row processed.
        await tx.query(
          `with ${claimRefSql},
           msg as (update messages set attachments = $6, metadata = $7 where id = $3)
           update inbound_emails set status = 'processed', complaint_id = $2, message_id = $3, message_id_header = $8,
             attempts = attempts + 1, processed_at = $5, error = null where id = $9`,
          [
            ref, ids.complaintId, ids.messageId, 'email', now,
            JSON.stringify(attachmentSummaries(ids.complaintId, files)),
            { email: { messageId: parsed.messageId, from: from.address, subject: parsed.subject.slice(0, 998), inboundEmailId: inboundId } },
            parsed.messageId, inboundId,
          ],
        );
        await appendEvent(tx, {
          complaintId: ids.complaintId, type: 'email.received', actor: { kind: 'customer', id: customer.id, role: 'customer' }, at: now,
          data: {
            inboundEmailId: inboundId, messageId: ids.messageId, emailMessageId: parsed.messageId, from: from.address,
            threadedBy: ids.messageId ? thread.by : null, threadRefused: thread.refused,
            attachments: files.filter((f) => f.status === 'stored').length, rejectedAttachments: files.filter((f) => f.status === 'rejected').length,
            truncated: text.truncated,
          },
        });
      },
    });
    if (outcome.duplicate) return await duplicate(ctx, inboundId, outcome, parsed.messageId);
    return { status: 'processed', complaintId: outcome.complaintId, messageId: outcome.messageId, created: outcome.created };
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await markInbound(ctx.db, inboundId, { status: 'failed', error, emailMessageId: mail?.messageId ?? null }, ctx.clock.now());
    return { status: 'failed', error };
  }
}

/** A redelivered Message-ID: recorded against what the first delivery produced; changes nothing else. */
async function duplicate(ctx: AppContext, inboundId: string, prior: PriorRef, emailMessageId: string | null): Promise<ProcessOutcome> {
  await markInbound(ctx.db, inboundId, { status: 'duplicate', complaintId: prior.complaintId, messageId: prior.messageId, emailMessageId }, ctx.clock.now());
  return { status: 'duplicate', complaintId: prior.complaintId, messageId: prior.messageId, created: false };
}
