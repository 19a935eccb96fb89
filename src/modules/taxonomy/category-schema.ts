import { z } from 'zod';
import { line, text } from '../../http/schemas.js';
import { CATEGORY_CODE_PATTERN } from '../complaints/taxonomy.js';

export const MIN_EXAMPLES = 5;

export const addCategoryInput = z
  .object({
    code: z.string().regex(CATEGORY_CODE_PATTERN, { message: 'lower-case letters, digits and _, starting with a letter, 2–40 characters' }),
    name: line(100),
    nameZh: line(100).optional(),
    department: line(40).describe('code of the department that handles it by default'),
    examples: z
      .array(text(2000))
      .min(MIN_EXAMPLES, { message: `give at least ${MIN_EXAMPLES} example texts` })
      .max(500)
      .describe('labelled complaint texts of this category: training rows for the next model version'),
  })
  .strict()
  .refine((v) => new Set(v.examples.map((e) => e.toLowerCase())).size >= MIN_EXAMPLES, { path: ['examples'], message: `give at least ${MIN_EXAMPLES} different example texts` });
export type AddCategoryInput = z.infer<typeof addCategoryInput>;
