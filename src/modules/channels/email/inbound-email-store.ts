import type { Queryable } from '../../../db/database.js';

export interface ReceivedEmail {
  raw: Buffer;
  transport: 'smtp' | 'imap';
  envelopeFrom: string | null;
  envelopeTo: string[];
  remoteAddress: string | null;
}

/**
 * Keeps the message exactly as received, whatever happens to parsing or intake afterwards: the
 * mail is in the database (the SMTP listener only answers 250 once this has committed).
 */
export async function storeInboundEmail(db: Queryable, mail: ReceivedEmail, now: Date): Promise<string> {
  return (await storeInboundEmailFindingRef(db, mail, now, null)).id;
}

export interface PriorRef {
  complaintId: string;
  messageId: string | null;
}

/**
 * storeInboundEmail that, in the same statement (one round trip), also finds whether a message
 * with this source id (`channel_refs.ref`, e.g. 'email:<Message-ID>') was taken in before.
 */
export async function storeInboundEmailFindingRef(
  db: Queryable, mail: ReceivedEmail, now: Date, ref: string | null,
): Promise<{ id: string; prior: PriorRef | null }> {
  const [row] = await db.query<{ id: string; complaint_id: string | null; message_id: string | null }>(
    `with ins as (
       insert into inbound_emails (transport, envelope_from, envelope_to, remote_address, size, raw, received_at)
       values ($1, $2, $3, $4, $5, decode($6, 'base64'), $7) returning id)
     select ins.id, r.complaint_id, r.message_id from ins left join channel_refs r on r.ref = $8::text`,
    [mail.transport, mail.envelopeFrom?.slice(0, 998) ?? null, mail.envelopeTo.map((t) => t.slice(0, 998)), mail.remoteAddress,
      mail.raw.length, mail.raw.toString('base64'), now, ref],
  );
  return { id: row!.id, prior: row!.complaint_id ? { complaintId: row!.complaint_id, messageId: row!.message_id } : null };
}

export async function loadRaw(db: Queryable, id: string): Promise<{ raw: Buffer; status: string } | null> {
  const [row] = await db.query<{ raw: Uint8Array; status: string }>('select raw, status from inbound_emails where id = $1', [id]);
  // node-postgres returns a Buffer, PGlite a Uint8Array.
  return row ? { raw: Buffer.from(row.raw), status: row.status } : null;
}

export async function markInbound(
  db: Queryable,
  id: string,
  patch: { status: 'processed' | 'duplicate' | 'failed'; complaintId?: string | null; messageId?: string | null; emailMessageId?: string | null; error?: string | null },
  now: Date,
): Promise<void> {
  await db.query(
    `update inbound_emails set status = $2, complaint_id = coalesce($3, complaint_id), message_id = coalesce($4, message_id),
       message_id_header = coalesce($5, message_id_header), error = $6, attempts = attempts + 1, processed_at = $7
     where id = $1`,
    [id, patch.status, patch.complaintId ?? null, patch.messageId ?? null, patch.emailMessageId ?? null, patch.error?.slice(0, 2000) ?? null, now],
  );
}
