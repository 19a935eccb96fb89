import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { notFound } from '../../errors.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { readAttachment } from './attachment-store.js';

export const attachmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/attachments/:id', tag: 'attachments', auth: 'required',
    summary: "Download a file: the customer who uploaded it, or staff who may see its complaint",
    params: idParams,
    async handler({ ctx, principal, params, reply }) {
      const a = await readAttachment(ctx.db, params.id);
      if (!a) throw notFound('No such attachment.');
      if (principal.kind === 'customer') {
        if (a.customerId !== principal.customerId) throw notFound('No such attachment.');
      } else {
        // Staff see files of complaints they may see; unattached uploads belong to nobody yet.
        if (!a.complaintId) throw notFound('No such attachment.');
        await assertVisible(ctx.db, principal, a.complaintId);
      }
      return reply
        .header('content-type', a.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .send(a.bytes);
    },
  }),
];
