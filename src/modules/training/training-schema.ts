import { z } from 'zod';
import { line } from '../../http/schemas.js';

// Fewer epochs train faster and a little worse; folds 0 skips cross-validation.
const epochs = z.number().int().min(1).max(50).default(12).describe('training passes over the data (default 12)');
const folds = z.number().int().min(0).max(10).refine((k) => k !== 1, { message: '0 (skip) or 2–10' }).default(5).describe('k of the k-fold cross-validation; 0 skips it');

export const trainModelInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('builtin'), epochs, folds }).strict().describe('built-in corpus + agents’ category and severity corrections + examples of added categories: a category and a severity model'),
  z
    .object({
      source: z.literal('csv'),
      csv: z.string().describe('a CSV with a header row (RFC 4180); the request body limit applies'),
      textColumn: line(200),
      labelColumn: line(200),
      epochs,
      folds,
    })
    .strict(),
]);
export type TrainModelInput = z.infer<typeof trainModelInput>;
