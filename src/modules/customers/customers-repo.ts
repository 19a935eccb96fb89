import type { Queryable } from '../../db/database.js';
import type { CustomerInput } from './customer-schema.js';

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
  tier: 'normal' | 'vip';
  external_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export function customerToApi(r: CustomerRow) {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    locale: r.locale,
    tier: r.tier,
    externalId: r.external_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * One spelling per phone number so a customer is found again whichever channel gave it:
 * separators dropped and the international "00" prefix written as "+" (E.164-like; numbers
 * without a country code stay as given, since we cannot guess the country).
 */
export const normalisePhone = (p: string) => p.trim().replace(/[\s().-]/g, '').replace(/^00(?=[1-9])/, '+');

export async function insertCustomer(tx: Queryable, c: CustomerInput, now: Date): Promise<CustomerRow> {
  const [row] = await tx.query<CustomerRow>(
    `insert into customers (name, email, phone, locale, tier, external_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) returning *`,
    [c.name, c.email ?? null, c.phone ? normalisePhone(c.phone) : null, c.locale ?? 'zh-CN', c.tier ?? 'normal', c.externalId ?? null, now],
  );
  return row!;
}
