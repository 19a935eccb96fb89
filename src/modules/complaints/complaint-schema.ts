import { z } from 'zod';
import { line, text } from '../../http/schemas.js';
import { customerInputSchema } from '../customers/customer-schema.js';
import { RESOLUTION_CODES, STATUSES } from './lifecycle.js';
import { CATEGORY_CODE_PATTERN, CHANNEL_ALIASES, CHANNELS, SEVERITIES, type Channel } from './taxonomy.js';

export const LIMITS = { subject: 200, description: 20_000, message: 20_000, tag: 40, tags: 20, reason: 500 } as const;

const channel = z
  .enum([...CHANNELS, ...(Object.keys(CHANNEL_ALIASES) as Array<keyof typeof CHANNEL_ALIASES>)])
  .transform((c): Channel => (c in CHANNEL_ALIASES ? CHANNEL_ALIASES[c as keyof typeof CHANNEL_ALIASES] : (c as Channel)));

// A built-in or admin-added category: the commands check that it exists (src/modules/taxonomy).
const categoryCode = z.string().regex(CATEGORY_CODE_PATTERN, { message: 'not a category code' }).describe('a DESIGN §2 category or one an admin added');

const tag = line(LIMITS.tag).regex(/^[^,]+$/, { message: 'must not contain commas' });

export const createComplaintSchema = z
  .object({
    channel,
    subject: line(LIMITS.subject),
    description: text(LIMITS.description),
    customerId: z.uuid({ message: 'not a valid id' }).optional(),
    customer: customerInputSchema.omit({ tier: true, externalId: true }).optional(),
    orderId: line(64).optional().describe('order id or order number'),
    category: categoryCode.optional(),
    severity: z.enum(SEVERITIES).optional(),
    amount: z.number().finite().min(0).max(1e10).optional().describe('amount the customer claims'),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'ISO 4217 code such as CNY' }).optional(),
    tags: z.array(tag).max(LIMITS.tags).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.customerId === undefined) === (v.customer === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'give exactly one of customerId or customer' });
    }
  });
export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;

export const messageInputSchema = z
  .object({
    kind: z.enum(['customer', 'public_reply', 'internal_note']).optional(),
    body: text(LIMITS.message),
    channel: z.enum(CHANNELS).optional(),
    attachments: z
      .array(
        z
          .object({
            name: line(255),
            contentType: line(100),
            size: z.number().int().min(0).max(100 * 1024 * 1024),
            url: z.url().max(2000).optional(),
          })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict();
export type MessageInput = z.infer<typeof messageInputSchema>;

export const statusChangeSchema = z
  .object({
    status: z.enum(STATUSES),
    reason: text(LIMITS.reason).optional(),
    resolutionCode: z.enum(RESOLUTION_CODES).optional().describe('how it was resolved (with status resolved only)'),
  })
  .strict()
  .refine((v) => v.resolutionCode === undefined || v.status === 'resolved', { path: ['resolutionCode'], message: 'only when resolving' });

export const complaintPatchSchema = z
  .object({
    severity: z.enum(SEVERITIES).optional(),
    category: categoryCode.optional(),
    assigneeId: z.uuid().nullable().optional(),
    department: line(40).nullable().optional().describe('department code'),
    tags: z.array(tag).max(LIMITS.tags).optional(),
    reason: text(LIMITS.reason).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'give at least one field to change' });
export type ComplaintPatch = z.infer<typeof complaintPatchSchema>;
