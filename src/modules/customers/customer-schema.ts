import { z } from 'zod';
import { line } from '../../http/schemas.js';

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,24}$/, { message: 'must be a phone number (digits, optional +, spaces, dashes)' });
export const email = z.string().trim().max(254).pipe(z.email({ message: 'must be an email address' }));
export const locale = z.enum(['zh-CN', 'en']);

export const customerInputSchema = z
  .object({
    name: line(120),
    email: email.optional(),
    phone: phone.optional(),
    locale: locale.optional(),
    tier: z.enum(['normal', 'vip']).optional(),
    externalId: line(100).optional(),
  })
  .strict();
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  tier: z.enum(['normal', 'vip']),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
