import { z } from 'zod';
import { line } from '../../http/schemas.js';
import { AUXILIARY_LENGTHS } from '../triage/train-model.js';

// Fewer epochs train faster and a little worse; folds 0 skips cross-validation.
const epochs = z.number().int().min(1).max(50).default(12).describe('training passes over the data (default 12)');
const folds = z.number().int().min(0).max(10).refine((k) => k !== 1, { message: '0 (skip) or 2–10' }).default(5).describe('k of the k-fold cross-validation; 0 skips it');

const labelMap = z
  .record(z.string().max(200), z.string().max(100))
  .describe('source label → model label; rows whose label is not in the mapping are dropped');

const auxiliarySource = z
  .object({
    csv: z.string().describe('a CSV with a header row (RFC 4180)'),
    textColumn: line(200),
    labelColumn: line(200),
    labelMap: labelMap.optional(),
    prepare: z
      .enum(['none', 'lowercase-nostop'])
      .default('none')
      .describe('text preparation to match the primary texts: lowercase-nostop = lower-case, words only, "XXXX" redactions and English stop words removed'),
  })
  .strict()
  .describe('an auxiliary labelled CSV; its rows that repeat a primary row (token-set Jaccard ≥ 0.8, 80 % of the shorter text\'s words in a text at most 3× as long, or the same first 20 words) are dropped');

export const trainModelInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('builtin'), epochs, folds }).strict().describe('built-in corpus + agents’ category and severity corrections + examples of added categories: a category and a severity model'),
  z
    .object({
      source: z.literal('csv'),
      csv: z.string().describe('a CSV with a header row (RFC 4180); the request body limit applies'),
      textColumn: line(200),
      labelColumn: line(200),
      labelMap: labelMap.optional(),
      auxiliary: z.array(auxiliarySource).max(4).optional().describe('other labelled CSVs that train the model but are never evaluated on: cross-validation folds test primary rows only'),
      auxiliaryWeighting: z
        .enum(['auto', 'none', 'uniform', 'match-classes'])
        .default('auto')
        .describe('auxiliary rows: auto = chosen by an inner cross-validation on the primary rows among none / uniform (weight 1) / match-classes (weighted to the primary label distribution)'),
      auxiliaryLength: z
        .enum(AUXILIARY_LENGTHS)
        .default('primary-max')
        .describe('auxiliary texts: primary-max = cut to the longest primary text (in words), full = as they are'),
      epochs,
      folds,
    })
    .strict(),
]);
export type TrainModelInput = z.infer<typeof trainModelInput>;
