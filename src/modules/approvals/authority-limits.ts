import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { ROLES, type Role } from '../auth/principal.js';
import { currencyCode, limitAmount } from './money.js';

/** `*` is a role's limit in every currency that has no row of its own. */
export const ANY_CURRENCY = '*';

export interface AuthorityLimit {
  role: Role;
  currency: string;
  /** null = unlimited */
  maxAmount: number | null;
}

export interface AuthorityLimits {
  items: AuthorityLimit[];
  nextCursor: null;
  approvalDeadlineMinutes: number;
  updatedAt: string | null;
}

interface LimitRow {
  role: Role;
  currency: string;
  max_amount: number | null;
  updated_at: Date;
}

const ROLE_ORDER = `array_position(array['admin','supervisor','agent','department_staff','analyst'], role)`;

export async function loadAuthorityLimits(db: Queryable): Promise<AuthorityLimits> {
  const rows = await db.query<LimitRow>(
    `select role, currency, max_amount, updated_at from authority_limits order by ${ROLE_ORDER}, currency = '*' desc, currency`,
  );
  const [settings] = await db.query<{ deadline_minutes: number; updated_at: Date }>('select deadline_minutes, updated_at from approval_settings');
  const stamps = [...rows.map((r) => r.updated_at.getTime()), settings?.updated_at.getTime() ?? 0];
  return {
    items: rows.map((r) => ({ role: r.role, currency: r.currency, maxAmount: r.max_amount })),
    nextCursor: null,
    approvalDeadlineMinutes: settings?.deadline_minutes ?? 120,
    updatedAt: stamps.length ? new Date(Math.max(...stamps)).toISOString() : null,
  };
}

/**
 * How much `role` may settle in `currency` on its own: the currency's own row, else the
 * role's `*` row, else nothing (deny by default). null = unlimited.
 */
export async function limitFor(db: Queryable, role: Role, currency: string): Promise<number | null> {
  const rows = await db.query<{ max_amount: number | null }>(
    `select max_amount from authority_limits where role = $1 and currency in ($2, '*') order by currency = '*' limit 1`,
    [role, currency],
  );
  return rows.length ? rows[0]!.max_amount : 0;
}

/** All of one role's limits, for answering many amounts at once (the approval queue). */
export async function limitsOf(db: Queryable, role: Role): Promise<(currency: string) => number | null> {
  const rows = await db.query<{ currency: string; max_amount: number | null }>('select currency, max_amount from authority_limits where role = $1', [role]);
  const map = new Map(rows.map((r) => [r.currency, r.max_amount]));
  return (currency) => {
    if (map.has(currency)) return map.get(currency)!;
    return map.has(ANY_CURRENCY) ? map.get(ANY_CURRENCY)! : 0;
  };
}

export const authorityLimitsInput = z
  .object({
    limits: z
      .array(
        z.object({
          role: z.enum(ROLES),
          currency: z.union([z.literal(ANY_CURRENCY), currencyCode]).describe(`ISO 4217 code, or "${ANY_CURRENCY}" for every other currency`),
          maxAmount: limitAmount.describe('null = unlimited'),
        }).strict(),
      )
      .max(1000)
      .describe('the complete set: roles and currencies left out have no limit of their own'),
    approvalDeadlineMinutes: z.number().int().min(1).max(43_200).optional().describe('how long supervisors have to answer an approval request'),
  })
  .strict();
export type AuthorityLimitsInput = z.infer<typeof authorityLimitsInput>;

/** Replaces the whole set of limits (and, if given, the approval deadline). Run it in a transaction. */
export async function replaceAuthorityLimits(db: Queryable, input: AuthorityLimitsInput, now: Date): Promise<void> {
  const seen = new Map<string, number>();
  input.limits.forEach((l, i) => {
    const key = `${l.role}/${l.currency}`;
    if (seen.has(key)) {
      throw new AppError('validation_failed', `The limit for ${l.role} in ${l.currency} is given twice.`, [
        { path: `body.limits.${i}`, message: `duplicate of body.limits.${seen.get(key)}` },
      ]);
    }
    seen.set(key, i);
  });
  await db.query('delete from authority_limits');
  for (const l of input.limits) {
    await db.query('insert into authority_limits (role, currency, max_amount, updated_at) values ($1, $2, $3, $4)', [l.role, l.currency, l.maxAmount, now]);
  }
  if (input.approvalDeadlineMinutes !== undefined) {
    await db.query('update approval_settings set deadline_minutes = $1, updated_at = $2', [input.approvalDeadlineMinutes, now]);
  }
}

export async function approvalDeadlineMinutes(db: Queryable): Promise<number> {
  const [row] = await db.query<{ deadline_minutes: number }>('select deadline_minutes from approval_settings');
  return row?.deadline_minutes ?? 120;
}
