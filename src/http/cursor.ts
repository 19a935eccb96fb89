import { z } from 'zod';
import { AppError } from '../errors.js';
import { isoDateTime } from './schemas.js';

/** Opaque keyset cursors: base64url JSON of the sort key of the last row returned. */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const instant = isoDateTime.transform((s) => new Date(s));
/** The key most lists page by: a timestamp and the row id. */
export const timeIdCursor = z.tuple([instant, z.uuid()]);
/** Like timeIdCursor, but the timestamp may be null (rows that sort last, e.g. no SLA clock running). */
export const optionalTimeIdCursor = z.tuple([instant.nullable(), z.uuid()]);

/**
 * Decodes a cursor and checks its shape: a cursor is client input, so a forged one must
 * answer 422 like any other bad parameter, never reach SQL as an invalid date or id.
 */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'The cursor is not valid; pass nextCursor from a previous page unchanged.', [
    { path: 'query.cursor', message: 'invalid cursor' },
  ]);
}
