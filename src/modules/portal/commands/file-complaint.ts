import type { AppContext } from '../../../http/context.js';
import { attachUploads, pendingUploads } from '../../attachments/attachment-store.js';
import { createComplaint } from '../../complaints/commands/create-complaint.js';
import type { CreateComplaintInput } from '../../complaints/complaint-schema.js';
import type { Category } from '../../complaints/taxonomy.js';
import type { CustomerPrincipal } from '../customer-principal.js';
import type { PortalLocale } from '../portal-locale.js';
import { customerPromise } from '../promise.js';
import { findOwnComplaint } from '../queries/find-own-complaint.js';

export interface FileComplaintInput {
  subject?: string;
  description: string;
  orderId?: string;
  category?: Category;
  attachmentIds?: string[];
}

/** A subject for customers who only describe: the first line, cut at a word where possible. */
export function subjectFrom(description: string): string {
  const first = description.trim().split(/\r?\n/)[0]!.trim();
  if (first.length <= 60) return first;
  const cut = first.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

/**
 * A complaint from the service hall: the web channel, the signed-in customer, their order
 * and files; answered with the promise from the SLA ("we will reply within 30 minutes").
 */
export async function fileComplaint(ctx: AppContext, p: CustomerPrincipal, input: FileComplaintInput, locale: PortalLocale, idempotencyKey?: string) {
  const ids = input.attachmentIds ?? [];
  // A retry with the same key returns the first complaint; its files are attached already.
  const [seen] = idempotencyKey
    ? await ctx.db.query('select 1 from idempotency_keys where principal = $1 and key = $2', [`customer:${p.customerId}`, idempotencyKey])
    : [];
  if (!seen) await pendingUploads(ctx.db, p.customerId, ids);
  const body: CreateComplaintInput = {
    channel: 'web',
    subject: input.subject ?? subjectFrom(input.description),
    description: input.description,
    customerId: p.customerId,
    ...(input.orderId ? { orderId: input.orderId } : {}),
    ...(input.category ? { category: input.category } : {}),
  };
  const { complaint, replayed } = await createComplaint(ctx, p, body, idempotencyKey);
  if (!replayed) await attachUploads(ctx.db, p.customerId, ids, complaint.id, null);
  const row = await findOwnComplaint(ctx.db, p.customerId, complaint.id);
  return {
    replayed,
    result: {
      id: complaint.id,
      number: complaint.number,
      status: complaint.status,
      category: complaint.category,
      orderNumber: complaint.orderNumber,
      createdAt: complaint.createdAt,
      promise: customerPromise(row, ctx.clock.now(), locale),
    },
  };
}
