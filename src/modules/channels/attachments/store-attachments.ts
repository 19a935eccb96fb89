import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/database.js';
import { checkType } from './detect-type.js';

export interface IncomingFile {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  status: 'stored' | 'rejected';
  reason: string | null;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxCount: number;
}

/** File names from outside: no path, no control characters, bounded. */
export function safeFileName(name: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.trim();
  return (base || 'attachment').slice(0, 255);
}

/**
 * Stores the files that came with a message: allowed by content type, within size and count
 * limits. A refused file is still recorded (name, declared and detected type, size, hash, why)
 * but its bytes are not kept here and it is never served; the message itself is always kept.
 */
export async function storeAttachments(
  tx: Queryable,
  files: readonly IncomingFile[],
  where: { complaintId: string; messageId: string | null; inboundEmailId: string | null },
  limits: AttachmentLimits,
  now: Date,
): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [i, f] of files.entries()) {
    const name = safeFileName(f.fileName);
    const declared = (f.declaredType || 'application/octet-stream').slice(0, 100);
    let reason: string | null = null;
    let detected: string | null = null;
    if (i >= limits.maxCount) reason = 'too_many_attachments';
    else if (f.content.length > limits.maxBytes) reason = 'too_large';
    else {
      const verdict = checkType(f.content, name, declared);
      detected = verdict.ok ? verdict.type : verdict.detected;
      if (!verdict.ok) reason = verdict.reason;
    }
    const stored = reason === null;
    const [row] = await tx.query<{ id: string }>(
      `insert into channel_attachments (complaint_id, message_id, inbound_email_id, file_name, declared_type, detected_type, size, sha256,
         status, reject_reason, content, created_at, position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, decode($11, 'base64'), $12, $13) returning id`,
      [
        where.complaintId, where.messageId, where.inboundEmailId, name, declared, detected, f.content.length,
        createHash('sha256').update(f.content).digest('hex'), stored ? 'stored' : 'rejected', reason,
        // bytea goes as base64 text: the one encoding both drivers pass through unchanged.
        stored ? f.content.toString('base64') : null, now, i,
      ],
    );
    out.push({ id: row!.id, name, contentType: detected ?? declared, size: f.content.length, status: stored ? 'stored' : 'rejected', reason });
  }
  return out;
}

/** The attachment list a message shows (messages.attachments): stored files with their download path, refused ones with the reason. */
export function attachmentSummaries(complaintId: string, list: readonly StoredAttachment[]) {
  return list.map((a) => ({
    id: a.id, name: a.name, contentType: a.contentType, size: a.size, status: a.status,
    ...(a.status === 'stored' ? { url: `/api/v1/complaints/${complaintId}/attachments/${a.id}` } : { reason: a.reason }),
  }));
}
