import { z } from 'zod';
import { defineRoute } from '../../../http/define-route.js';
import { notFound } from '../../../errors.js';
import { complaintRefParams, resolveComplaintRef } from '../../complaints/complaint-ref.js';
import { assertVisible } from '../../complaints/queries/get-complaint.js';

interface AttachmentRow {
  id: string; message_id: string | null; file_name: string; declared_type: string; detected_type: string | null; size: number;
  sha256: string; status: 'stored' | 'rejected'; reject_reason: string | null; created_at: Date;
}

/** Whoever may see the complaint may see its files; refused files are listed (with why) but never served. */
export const attachmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/attachments', tag: 'complaints', auth: 'required',
    summary: 'Files that came with the complaint and its messages (refused ones with the reason)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      const rows = await ctx.db.query<AttachmentRow>(
        `select id, message_id, file_name, declared_type, detected_type, size, sha256, status, reject_reason, created_at
           from channel_attachments where complaint_id = $1 order by created_at, message_id nulls first, position`, [id]);
      return {
        items: rows.map((r) => ({
          id: r.id, messageId: r.message_id, name: r.file_name, declaredType: r.declared_type, contentType: r.detected_type,
          size: r.size, sha256: r.sha256, status: r.status, reason: r.reject_reason, createdAt: r.created_at.toISOString(),
          url: r.status === 'stored' ? `/api/v1/complaints/${id}/attachments/${r.id}` : null,
        })),
        nextCursor: null,
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/attachments/:attachmentId', tag: 'complaints', auth: 'required',
    summary: 'Download a stored file (sent as an attachment with its detected type; never rendered inline)',
    params: complaintRefParams.extend({ attachmentId: z.uuid() }),
    async handler({ ctx, principal, params, reply }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      const [row] = await ctx.db.query<{ file_name: string; detected_type: string; content: Uint8Array }>(
        `select file_name, detected_type, content from channel_attachments where id = $1 and complaint_id = $2 and status = 'stored'`,
        [params.attachmentId, id]);
      if (!row) throw notFound('No such attachment.');
      return reply
        .header('content-type', row.detected_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(row.content));
    },
  }),
];
