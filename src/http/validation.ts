import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors.js';

export function zodDetails(error: z.ZodError, prefix: string): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] => {
    const path = [prefix, ...issue.path.map(String)];
    // An unknown field is reported at its own path, so a client can tell which one it was.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: `unknown field ${JSON.stringify(key)}`, code: issue.code }));
    }
    return [{ path: path.join('.'), message: issue.message, code: issue.code }];
  });
}

/** Parses one part of the request (body, query, params) or throws a 422 (404 for the path) listing every problem. */
export function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!result.success) {
    // A path that names no valid record names no record: 404, as for an unknown id.
    if (part === 'params') throw new AppError('not_found', 'No such record.', zodDetails(result.error, part));
    throw new AppError('validation_failed', `The ${part} did not pass validation.`, zodDetails(result.error, part));
  }
  return result.data;
}
