import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { normalisePhone, type CustomerRow } from './customers-repo.js';

/** An inline customer on a complaint (API, web form): see matchOrCreateCustomer. */
export interface InlineCustomer {
  name: string;
  email?: string;
  phone?: string;
  locale?: string;
}

const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** A customer intake will create, shared by every inline customer of the group that names it. */
export interface PendingCustomer {
  pending: true;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
}

/**
 * matchOrCreateCustomer for many inline customers at once (batched intake), read-only: each
 * entry's existing customer, or the customer to create for it — with the same answer as
 * calling matchOrCreateCustomer once per entry in order: by email (case-insensitive), then
 * phone (normalised; the earliest customer with it), else a new customer, which a later
 * entry with the same email or phone then matches (two complaints in one group from a new
 * address make one customer). One statement. createCustomers() writes the new ones.
 */
export async function planCustomers(tx: Queryable, list: readonly InlineCustomer[]): Promise<Array<CustomerRow | PendingCustomer>> {
  const wanted = list.map((c) => ({ name: c.name, email: clean(c.email), phone: clean(c.phone) ? normalisePhone(c.phone!) : null, locale: c.locale ?? 'zh-CN' }));
  const emails = [...new Set(wanted.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))];
  const phones = [...new Set(wanted.flatMap((c) => (c.phone ? [c.phone] : [])))];
  const found = emails.length || phones.length
    ? await tx.query<CustomerRow>(
      `select * from customers where lower(email) = any($1::text[])
       union
       select * from customers where phone = any($2::text[])`,
      [emails, phones],
    )
    : [];
  const byEmail = new Map<string, CustomerRow | PendingCustomer>();
  const byPhone = new Map<string, CustomerRow | PendingCustomer>();
  // The earliest customer with a phone wins (created_at, id), as in matchCustomer.
  for (const r of [...found].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (r.email) byEmail.set(r.email.toLowerCase(), r);
    if (r.phone && !byPhone.has(r.phone)) byPhone.set(r.phone, r);
  }
  return wanted.map((c) => {
    const hit = (c.email ? byEmail.get(c.email.toLowerCase()) : undefined) ?? (c.phone ? byPhone.get(c.phone) : undefined);
    if (hit) return hit;
    const fallback = c.email ? c.email.split('@')[0] || c.email : (c.phone ?? 'Unknown customer');
    const p: PendingCustomer = { pending: true, id: randomUUID(), name: (clean(c.name) ?? fallback).slice(0, 120), email: c.email, phone: c.phone, locale: c.locale };
    if (p.email) byEmail.set(p.email.toLowerCase(), p);
    if (p.phone && !byPhone.has(p.phone)) byPhone.set(p.phone, p);
    return p;
  });
}

export const isPending = (c: CustomerRow | PendingCustomer): c is PendingCustomer => 'pending' in c;

/**
 * Creates the planned customers in one statement; answers the row for each pending id. One
 * that another transaction created meanwhile (same email) is theirs, read back. Inserted in
 * address order, so two groups committing side by side take the unique-email locks in the
 * same order and cannot deadlock.
 */
export async function createCustomers(tx: Queryable, pending: readonly PendingCustomer[], now: Date): Promise<Map<string, CustomerRow>> {
  const created = new Map<string, CustomerRow>();
  if (!pending.length) return created;
  const ordered = [...pending].sort((a, b) => ((a.email ?? '').toLowerCase() < (b.email ?? '').toLowerCase() ? -1 : 1));
  const rows = await tx.query<CustomerRow>(
    `insert into customers (id, name, email, phone, locale, tier, created_at, updated_at)
     select id, name, email, phone, locale, 'normal', $6, $6
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, name, email, phone, locale)
     on conflict do nothing returning *`,
    [ordered.map((p) => p.id), ordered.map((p) => p.name), ordered.map((p) => p.email), ordered.map((p) => p.phone), ordered.map((p) => p.locale), now],
  );
  for (const r of rows) created.set(r.id, r);
  const lost = pending.filter((p) => !created.has(p.id));
  if (lost.length) {
    const winners = await tx.query<CustomerRow>('select * from customers where lower(email) = any($1::text[])', [lost.map((p) => (p.email ?? '').toLowerCase())]);
    const byEmail = new Map(winners.map((w) => [w.email!.toLowerCase(), w]));
    for (const p of lost) {
      const w = byEmail.get((p.email ?? '').toLowerCase());
      if (!w) throw new Error(`customer ${p.email ?? p.phone ?? p.name} could be neither created nor found`);
      created.set(p.id, w);
    }
  }
  return created;
}
