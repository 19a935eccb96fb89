import { createHash } from 'node:crypto';
import type { AppContext } from '../../../http/context.js';
import { matchCustomer } from '../../customers/match-customer.js';
import { appendEvent } from '../../events/append-event.js';
import { complaintNumberFromMail } from '../../notify/mail-threading.js';
import { attachmentSummaries, storeAttachments } from '../attachments/store-attachments.js';
import { cleanText, takeIn } from '../channel-intake.js';
import { LIMITS } from '../../complaints/complaint-schema.js';
import { loadRaw, markInbound } from './inbound-email-store.js';
import { newPartOfReply, parseEmail, UnusableEmailError, type InboundMail } from './parse-email.js';

export type ProcessOutcome =
  | { status: 'processed' | 'duplicate'; complaintId: string; messageId: string | null; created: boolean }
  | { status: 'failed'; error: string }
  | { status: 'skipped' };

interface Thread {
  complaintId: string | null;
  by: 'references' | 'subject' | null;
  refused: string | null;
}

/**
 * Which complaint a mail answers: our Message-IDs in In-Reply-To / References first, then the
 * subject token. Only the complaint's own customer may add to it: a mail from another address
 * naming it (forwarded, or forged to inject text into someone else's case) opens a complaint
 * of its own and the refusal is recorded on it.
 */
async function findThread(ctx: AppContext, mail: InboundMail): Promise<Thread> {
  const domain = ctx.config.MAIL_DOMAIN;
  const byRefs = complaintNumberFromMail({ inReplyTo: mail.inReplyTo, references: mail.references, subject: '' }, domain);
  const number = byRefs ?? complaintNumberFromMail({ subject: mail.subject }, domain);
  if (!number) return { complaintId: null, by: null, refused: null };
  const [row] = await ctx.db.query<{ id: string; customer_email: string | null }>(
    `select c.id, cu.email as customer_email from complaints c join customers cu on cu.id = c.customer_id where c.number = $1`, [number]);
  if (!row) return { complaintId: null, by: null, refused: null };
  if (!row.customer_email || row.customer_email.toLowerCase() !== mail.from!.address) return { complaintId: null, by: null, refused: number };
  return { complaintId: row.id, by: byRefs ? 'references' : 'subject', refused: null };
}

/** A new complaint's subject without complaint tokens that are not its own. */
const withoutTokens = (subject: string) => subject.replace(/\s*\[C-\d{4}-\d{6,}\]\s*/g, ' ').trim();

/**
 * Turns one stored inbound mail into a complaint or a reply, with its attachments and an
 * `email.received` event, in one transaction. A mail that cannot be used (unparseable, no
 * sender) is marked failed: a dead letter admins can read and retry; its raw bytes stay.
 */
export async function processInboundEmail(ctx: AppContext, inboundId: string, justStored?: Buffer): Promise<ProcessOutcome> {
  // The listener passes the bytes it has just stored; the sweep and retries read them back.
  const stored = justStored ? { raw: justStored, status: 'received' } : await loadRaw(ctx.db, inboundId);
  if (!stored || stored.status !== 'received') return { status: 'skipped' };
  let mail: InboundMail | null = null;
  try {
    mail = await parseEmail(stored.raw);
    if (!mail.from) throw new UnusableEmailError('The message has no usable From address.');
    const from = mail.from;
    const thread = await findThread(ctx, mail);
    const customer = thread.complaintId
      ? (await ctx.db.query<{ id: string; name: string }>('select cu.id, cu.name from complaints c join customers cu on cu.id = c.customer_id where c.id = $1', [thread.complaintId]))[0]!
      : (await ctx.db.transaction((tx) => matchCustomer(tx, { email: from.address, name: from.name }, ctx.clock.now()))).customer;
    const text = cleanText(mail.text, LIMITS.description);
    const parsed = mail;
    const outcome = await takeIn(ctx, {
      // No Message-ID: the content itself identifies a redelivery.
      ref: `email:${parsed.messageId ?? `sha256:${createHash('sha256').update(stored.raw).digest('hex')}`}`,
      channel: 'email',
      customer: { id: customer.id, name: customer.name },
      subject: thread.complaintId ? parsed.subject : withoutTokens(parsed.subject),
      text: text.text,
      replyText: newPartOfReply(parsed.text),
      threadInto: thread.complaintId,
      async record(tx, ids) {
        const now = ctx.clock.now();
        const files = await storeAttachments(tx, parsed.attachments, { ...ids, inboundEmailId: inboundId }, {
          maxBytes: ctx.config.ATTACHMENT_MAX_BYTES, maxCount: ctx.config.ATTACHMENT_MAX_COUNT,
        }, now);
        if (ids.messageId) {
          await tx.query('update messages set attachments = $2, metadata = $3 where id = $1', [
            ids.messageId, JSON.stringify(attachmentSummaries(ids.complaintId, files)),
            { email: { messageId: parsed.messageId, from: from.address, subject: parsed.subject.slice(0, 998), inboundEmailId: inboundId } },
          ]);
        }
        await appendEvent(tx, {
          complaintId: ids.complaintId, type: 'email.received', actor: { kind: 'customer', id: customer.id, role: 'customer' }, at: now,
          data: {
            inboundEmailId: inboundId, messageId: ids.messageId, emailMessageId: parsed.messageId, from: from.address,
            threadedBy: ids.messageId ? thread.by : null, threadRefused: thread.refused,
            attachments: files.filter((f) => f.status === 'stored').length, rejectedAttachments: files.filter((f) => f.status === 'rejected').length,
            truncated: text.truncated,
          },
        });
        await tx.query(
          `update inbound_emails set status = 'processed', complaint_id = $2, message_id = $3, message_id_header = $4,
             attempts = attempts + 1, processed_at = $5, error = null where id = $1`,
          [inboundId, ids.complaintId, ids.messageId, parsed.messageId, now],
        );
      },
    });
    if (outcome.duplicate) {
      await markInbound(ctx.db, inboundId, { status: 'duplicate', complaintId: outcome.complaintId, messageId: outcome.messageId, emailMessageId: parsed.messageId }, ctx.clock.now());
      return { status: 'duplicate', complaintId: outcome.complaintId, messageId: outcome.messageId, created: false };
    }
    return { status: 'processed', complaintId: outcome.complaintId, messageId: outcome.messageId, created: outcome.created };
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await markInbound(ctx.db, inboundId, { status: 'failed', error, emailMessageId: mail?.messageId ?? null }, ctx.clock.now());
    return { status: 'failed', error };
  }
}

