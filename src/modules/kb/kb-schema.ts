import { z } from 'zod';
import { line, text } from '../../http/schemas.js';
import { CATEGORIES } from '../complaints/taxonomy.js';

export const KB_LOCALES = ['zh-CN', 'en'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];
export const KB_STATUSES = ['draft', 'published'] as const;

export const LIMITS = { title: 200, body: 50_000, query: 500 } as const;

export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'lower-case letters, digits and single hyphens' });

const versionInput = z.object({ title: line(LIMITS.title), body: text(LIMITS.body) }).strict();

export const createArticleSchema = z
  .object({
    slug: slugSchema,
    category: z.enum(CATEGORIES),
    versions: z.partialRecord(z.enum(KB_LOCALES), versionInput).refine((v) => Object.keys(v).length > 0, { message: 'at least one locale' }),
  })
  .strict();
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const updateArticleSchema = z
  .object({
    slug: slugSchema.optional(),
    category: z.enum(CATEGORIES).optional(),
    versions: z.partialRecord(z.enum(KB_LOCALES), versionInput).optional(),
  })
  .strict();
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

export const publishSchema = z.object({ locale: z.enum(KB_LOCALES).optional() }).strict().optional();

export const searchQuery = z.object({
  q: text(LIMITS.query),
  locale: z.enum(KB_LOCALES).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const manageListQuery = z.object({
  status: z.enum(KB_STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  locale: z.enum(KB_LOCALES).optional(),
});

export const slugParams = z.object({ slug: z.string().min(1).max(120) });
export const articleLocaleQuery = z.object({ locale: z.enum(KB_LOCALES).optional() });
export const voteSchema = z.object({ helpful: z.boolean() }).strict();
