import { z } from 'zod';

/** ISO 4217 codes this runtime knows (Node's ICU list). */
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The largest settlement one request may ask for. */
export const MAX_SETTLEMENT = 1_000_000_000;

const hasCents = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** A three-letter ISO 4217 currency code; lower case is accepted and upper-cased. */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 currency code' })
  .refine((c) => ISO_CURRENCIES.has(c), { message: 'not an ISO 4217 currency code' });

/** A settlement amount: positive, at most 1e9, at most two decimals. */
export const settlementAmount = z
  .number()
  .positive()
  .max(MAX_SETTLEMENT)
  .refine(hasCents, { message: 'at most two decimals' });

/** An authority limit: zero or more (null means unlimited), at most two decimals. */
export const limitAmount = z.number().min(0).max(100_000_000_000).refine(hasCents, { message: 'at most two decimals' }).nullable();

/** Whole cents, so comparisons do not trip over binary fractions. */
export const cents = (n: number) => Math.round(n * 100);

/** Whether a limit (null = unlimited) covers an amount. */
export function covers(limit: number | null, amount: number): boolean {
  return limit === null || cents(amount) <= cents(limit);
}
