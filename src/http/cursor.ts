import { AppError } from '../errors.js';

/** Opaque keyset cursors: base64url JSON of the sort key of the last row returned. */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number | null> {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => x === null || typeof x === 'string' || typeof x === 'number')) {
      return v as Array<string | number | null>;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid; pass nextCursor from a previous page unchanged.', [
    { path: 'query.cursor', message: 'invalid cursor' },
  ]);
}
