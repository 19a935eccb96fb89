import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { checkFileType } from './sniff-type.js';

/** Limits on what a customer may attach (README "Service hall"). */
export const ATTACHMENT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Files per complaint or per reply. */
  maxPerItem: 5,
  /** Uploaded but not yet attached, per customer and day: stops using us as free storage. */
  maxPendingPerDay: 20,
} as const;

export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** A name safe to store and to echo in a Content-Disposition header: no paths, no control characters. */
export function cleanFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return base || 'file';
}

/** Checks size and type by content, then stores the bytes for the customer (not yet attached to anything). */
export async function saveUpload(
  db: Queryable,
  customerId: string,
  file: { name: string | undefined; declaredType: string | undefined; bytes: Buffer },
  now: Date,
): Promise<AttachmentRef> {
  const name = cleanFileName(file.name);
  if (file.bytes.length === 0) throw new AppError('validation_failed', 'The file is empty.', [{ path: 'body', message: 'empty file' }]);
  if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes) throw new AppError('payload_too_large', 'A file may be at most 5 MB.');
  const check = checkFileType(file.bytes, name, file.declaredType);
  if (!check.ok) {
    const detail = { path: 'body', message: check.reason === 'mismatch' ? `content is ${check.sniffed ?? 'not an accepted type'}` : 'not an accepted type', sniffed: check.sniffed, claimed: check.claimed };
    throw new AppError(check.reason === 'mismatch' ? 'attachment_type_mismatch' : 'attachment_type_not_allowed', undefined, [detail]);
  }
  const [pending] = await db.query<{ n: number }>(
    'select count(*)::int as n from attachments where customer_id = $1 and complaint_id is null and created_at > $2',
    [customerId, new Date(now.getTime() - 86_400_000)],
  );
  if ((pending?.n ?? 0) >= ATTACHMENT_LIMITS.maxPendingPerDay) {
    throw new AppError('too_many_attachments', 'Too many files uploaded but not attached today.');
  }
  const [row] = await db.query<{ id: string }>(
    `insert into attachments (customer_id, name, content_type, size, sha256, content, created_at)
     values ($1, $2, $3, $4, $5, decode($6, 'base64'), $7) returning id`,
    [customerId, name, check.type, file.bytes.length, createHash('sha256').update(file.bytes).digest('hex'), file.bytes.toString('base64'), now],
  );
  return { id: row!.id, name, contentType: check.type, size: file.bytes.length };
}

/** The customer's own uploads that are not attached yet; anything else is reported as missing. */
export async function pendingUploads(db: Queryable, customerId: string, ids: readonly string[]): Promise<AttachmentRef[]> {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const rows = await db.query<AttachmentRef>(
    `select id, name, content_type as "contentType", size from attachments
      where id = any($1::uuid[]) and customer_id = $2 and complaint_id is null`,
    [unique, customerId],
  );
  if (rows.length !== unique.length) {
    throw new AppError('validation_failed', 'No such attachment.', [{ path: 'body.attachmentIds', message: 'unknown or already used attachment' }]);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

/** Ties uploads to their complaint (and message); only still-unattached ones of this customer move. */
export async function attachUploads(db: Database | Queryable, customerId: string, ids: readonly string[], complaintId: string, messageId: string | null): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `update attachments set complaint_id = $3, message_id = $4
      where id = any($1::uuid[]) and customer_id = $2 and complaint_id is null`,
    [[...new Set(ids)], customerId, complaintId, messageId],
  );
}

export async function readAttachment(db: Queryable, id: string): Promise<(AttachmentRef & { customerId: string | null; complaintId: string | null; bytes: Buffer }) | null> {
  const [row] = await db.query<AttachmentRef & { customerId: string | null; complaintId: string | null; b64: string }>(
    `select id, name, content_type as "contentType", size, customer_id as "customerId", complaint_id as "complaintId",
            encode(content, 'base64') as b64
       from attachments where id = $1`,
    [id],
  );
  if (!row) return null;
  const { b64, ...rest } = row;
  return { ...rest, bytes: Buffer.from(b64, 'base64') };
}

export async function complaintAttachments(db: Queryable, complaintId: string): Promise<Array<AttachmentRef & { messageId: string | null }>> {
  return db.query(
    `select id, name, content_type as "contentType", size, message_id as "messageId" from attachments
      where complaint_id = $1 order by created_at, id`,
    [complaintId],
  );
}
