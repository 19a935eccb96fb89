import { z } from 'zod';

// C0/C1 control characters other than tab, newline and carriage return: never meaningful in
// complaint text, and a common way to smuggle terminal escapes or break CSV exports.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A UTF-16 surrogate without its pair is not a character: PostgreSQL refuses it in jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text from outside: trimmed, bounded, no control characters. HTML is kept as text. */
export function text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'must not contain control characters' })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'must be valid Unicode text' });
}

/** A one-line label: like text() but also without line breaks. */
export function line(max: number, min = 1) {
  return text(max, min).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });
}

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid({ message: 'not a valid id' }) });
/** An ISO 8601 instant PostgreSQL can store (years 1–9999 once in UTC; year 0 would be refused). */
export const isoDateTime = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, { message: 'must fall between the years 1 and 9999' });

/** Query-string booleans arrive as text. */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

/** A comma-separated list or a repeated parameter: ?status=new,in_progress or ?status=new&status=in_progress */
export function multi<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
