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

export const normalisePhone = (p: string) => p.replace(/[\s()-]/g, '');

export async function insertCustomer(tx: Queryable, c: CustomerInput, now: Date): Promise<CustomerRow> {
  const [row] = await tx.query<CustomerRow>(
    `insert into customers (name, email, phone, locale, tier, external_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) returning *`,
    [c.name, c.email ?? null, c.phone ? normalisePhone(c.phone) : null, c.locale ?? 'zh-CN', c.tier ?? 'normal', c.externalId ?? null, now],
  );
  return row!;
}

/**
 * An inline customer on a complaint is matched by email, then by phone, else created.
 * The unique email index settles a race between two first complaints from one address.
 */
export async function matchOrCreateCustomer(tx: Queryable, c: CustomerInput, now: Date): Promise<{ customer: CustomerRow; created: boolean }> {
  if (c.email) {
    const [byEmail] = await tx.query<CustomerRow>('select * from customers where lower(email) = lower($1)', [c.email]);
    if (byEmail) return { customer: byEmail, created: false };
  }
  if (c.phone) {
    const [byPhone] = await tx.query<CustomerRow>('select * from customers where phone = $1 order by created_at limit 1', [normalisePhone(c.phone)]);
    if (byPhone) return { customer: byPhone, created: false };
  }
  if (c.email) {
    const [inserted] = await tx.query<CustomerRow>(
      `insert into customers (name, email, phone, locale, tier, external_id, created_at, updated_at)
       values ($1, $2, $3, $4, 'normal', null, $5, $5)
       on conflict (lower(email)) where email is not null do nothing returning *`,
      [c.name, c.email, c.phone ? normalisePhone(c.phone) : null, c.locale ?? 'zh-CN', now],
    );
    if (inserted) return { customer: inserted, created: true };
    const [existing] = await tx.query<CustomerRow>('select * from customers where lower(email) = lower($1)', [c.email]);
    return { customer: existing!, created: false };
  }
  // Tier and external id are not taken from an inline customer: intake must not self-promote to VIP.
  return { customer: await insertCustomer(tx, { name: c.name, phone: c.phone, locale: c.locale }, now), created: true };
}
