import type { AppContext } from '../../../http/context.js';
import { publicUrl } from '../../../http/public-url.js';
import { attachUploads, pendingUploads } from '../../attachments/attachment-store.js';
import { addMessage } from '../../complaints/commands/add-message.js';
import type { CustomerPrincipal } from '../customer-principal.js';
import { findOwnComplaint } from '../queries/find-own-complaint.js';

/** The customer answers in their complaint's conversation (a reply to a question resumes the case). */
export async function replyAsCustomer(ctx: AppContext, p: CustomerPrincipal, ref: string, input: { body: string; attachmentIds?: string[] }) {
  const c = await findOwnComplaint(ctx.db, p.customerId, ref);
  const files = await pendingUploads(ctx.db, p.customerId, input.attachmentIds ?? []);
  const base = publicUrl(ctx.config);
  const msg = await addMessage(ctx, p, c.id, {
    body: input.body,
    channel: 'web',
    attachments: files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, url: `${base}/api/v1/attachments/${f.id}` })),
  });
  await attachUploads(ctx.db, p.customerId, files.map((f) => f.id), c.id, msg.id);
  return { id: msg.id, body: msg.body, createdAt: msg.createdAt, attachments: files };
}
