import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import type { Principal } from '../auth/principal.js';
import { addMessage } from '../complaints/commands/add-message.js';
import { createComplaint } from '../complaints/commands/create-complaint.js';
import { createComplaintSchema, LIMITS } from '../complaints/complaint-schema.js';
import type { Channel } from '../complaints/taxonomy.js';

/** What an outside channel hands over once it has recognised the customer. */
export interface ChannelMessage {
  /** The source's own id for this message ('email:<Message-ID>', 'webhook:<source>:<id>'): dedupes redelivery. */
  ref: string;
  channel: Channel;
  customer: { id: string; name: string };
  subject: string;
  /** Full text for a new complaint. */
  text: string;
  /** Text for a reply into an existing complaint (e.g. without the quoted earlier mail); defaults to `text`. */
  replyText?: string;
  orderId?: string;
  /** A complaint of this same customer that the message answers; null → a new complaint. */
  threadInto: string | null;
  /**
   * What the channel already knows about `ref` (it looked it up in a statement of its own, e.g. the
   * one that stored the raw message): null → not taken in before, so takeIn skips its own look-up;
   * a row → a redelivery. Omitted → takeIn looks it up. Either way a race is still settled by the claim.
   */
  prior?: { complaintId: string; messageId: string | null } | null;
  /**
   * true → `record` inserts the `channel_refs` claim itself (see `claimRefSql`), combined with its own
   * writes in one statement, instead of takeIn spending a round trip on it.
   */
  recordClaims?: boolean;
  /** The channel's own rows and event, written in the same transaction as the complaint or message. */
  record: (tx: Queryable, ids: { complaintId: string; messageId: string | null }) => Promise<void>;
}

/**
 * The claim of a source message id, for a channel that writes it inside its own statement
 * (`recordClaims`): a data-modifying CTE taking $1 ref, $2 complaint id, $3 message id,
 * $4 channel, $5 time. A second claim of the same ref fails with a unique violation, which
 * takeIn answers as a duplicate.
 */
export const claimRefSql = 'claim as (insert into channel_refs (ref, complaint_id, message_id, channel, created_at) values ($1, $2, $3, $4, $5))';

export interface ChannelOutcome {
  complaintId: string;
  messageId: string | null;
  created: boolean;
  duplicate: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Outside text made storable: control characters dropped, bounded. The raw original is kept by the channel. */
export function cleanText(s: string, max: number): { text: string; truncated: boolean } {
  const t = s.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD').trim();
  return t.length > max ? { text: t.slice(0, max), truncated: true } : { text: t, truncated: false };
}

export function cleanLine(s: string, max: number): string {
  return cleanText(s.replace(/[\r\n\t]+/g, ' '), max).text;
}

/** Intake acts as the customer: their complaint, their message, their lane on the blueprint. */
function actingAs(customer: { id: string; name: string }, channel: Channel): Principal {
  return { kind: 'customer', sessionId: `channel:${channel}`, customerId: customer.id, name: customer.name };
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

async function existingRef(db: Queryable, ref: string) {
  const [row] = await db.query<{ complaint_id: string; message_id: string | null }>('select complaint_id, message_id from channel_refs where ref = $1', [ref]);
  return row ?? null;
}

/** Finds the complaint an earlier message (by its source id) belongs to. */
export async function complaintOfRef(db: Queryable, ref: string): Promise<string | null> {
  return (await existingRef(db, ref))?.complaint_id ?? null;
}

/**
 * One way in for every outside channel: a reply threads into the customer's complaint as a
 * customer message; anything else (or a reply to a complaint that is closed) becomes a new
 * complaint through the normal intake (classification, routing, SLA, repeat detection).
 * The source's message id is claimed in the same transaction, so a redelivered message
 * answers with what the first delivery produced instead of writing twice.
 */
export async function takeIn(ctx: AppContext, m: ChannelMessage): Promise<ChannelOutcome> {
  const prior = m.prior !== undefined
    ? m.prior && { complaint_id: m.prior.complaintId, message_id: m.prior.messageId }
    : await existingRef(ctx.db, m.ref);
  if (prior) return { complaintId: prior.complaint_id, messageId: prior.message_id, created: false, duplicate: true };
  const principal = actingAs(m.customer, m.channel);
  const claim = async (tx: Queryable, complaintId: string, messageId: string | null) => {
    if (!m.recordClaims) {
      await tx.query('insert into channel_refs (ref, complaint_id, message_id, channel, created_at) values ($1, $2, $3, $4, $5)',
        [m.ref, complaintId, messageId, m.channel, ctx.clock.now()]);
    }
    await m.record(tx, { complaintId, messageId });
  };
  try {
    if (m.threadInto) {
      try {
        const body = cleanText(m.replyText ?? m.text, LIMITS.message).text || cleanLine(m.subject, LIMITS.subject) || '(empty message / 空消息)';
        const msg = await addMessage(ctx, principal, m.threadInto, { body, channel: m.channel }, {
          inTransaction: (tx, ids) => claim(tx, ids.complaintId, ids.messageId),
        });
        return { complaintId: m.threadInto, messageId: msg.id, created: false, duplicate: false };
      } catch (err) {
        // A closed or cancelled complaint takes no more messages: the customer's words open a new one.
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      }
    }
    const subject = cleanLine(m.subject, LIMITS.subject) || '(no subject / 无主题)';
    const description = cleanText(m.text, LIMITS.description).text || subject;
    const input = createComplaintSchema.parse({
      channel: m.channel, subject, description, customerId: m.customer.id, ...(m.orderId ? { orderId: m.orderId } : {}),
    });
    const { complaint } = await createComplaint(ctx, principal, input, undefined, {
      inTransaction: (tx, complaintId) => claim(tx, complaintId, null),
    });
    return { complaintId: complaint.id, messageId: null, created: true, duplicate: false };
  } catch (err) {
    // Two deliveries of one message raced: the other one's transaction won the claim.
    if (isUniqueViolation(err)) {
      const won = await existingRef(ctx.db, m.ref);
      if (won) return { complaintId: won.complaint_id, messageId: won.message_id, created: false, duplicate: true };
    }
    throw err;
  }
}
