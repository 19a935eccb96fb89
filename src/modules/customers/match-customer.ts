import type { Queryable } from '../../db/database.js';
import { normalisePhone, type CustomerRow } from './customers-repo.js';
import { createCustomers, isPending, planCustomers, type InlineCustomer } from './match-customers.js';

/** What a channel knows about who is writing; any of the keys may be missing. */
export interface CustomerClues {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** An id the customer has in another system (a partner, a social network); only from authenticated sources. */
  externalId?: string | null;
  locale?: string | null;
}

export interface MatchedCustomer {
  customer: CustomerRow;
  created: boolean;
  matchedBy: 'external_id' | 'email' | 'phone' | null;
}

const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** A name to show when the channel gave none: the address's local part, the number, or a placeholder. */
function fallbackName(c: CustomerClues): string {
  const name = clean(c.name);
  if (name) return name.slice(0, 120);
  const email = clean(c.email);
  if (email) return email.split('@')[0]!.slice(0, 120) || email.slice(0, 120);
  return clean(c.phone) ?? clean(c.externalId) ?? 'Unknown customer';
}

/**
 * The one place a customer is recognised across channels (web form, email, webhook, chat):
 * by external id, then email (case-insensitive), then phone (normalised), else created.
 * With `learnExternalId` (authenticated sources only) a match by email or phone records the
 * source's external id, so that customer's next message through the source matches directly.
 * Unique indexes on lower(email) and external_id settle races between two first messages.
 */
export async function matchCustomer(tx: Queryable, clues: CustomerClues, now: Date, opts: { learnExternalId?: boolean } = {}): Promise<MatchedCustomer> {
  const externalId = clean(clues.externalId);
  const email = clean(clues.email);
  const phone = clean(clues.phone) ? normalisePhone(clues.phone!) : null;

  let found: CustomerRow | undefined;
  let matchedBy: MatchedCustomer['matchedBy'] = null;
  if (externalId) {
    [found] = await tx.query<CustomerRow>('select * from customers where external_id = $1', [externalId]);
    if (found) matchedBy = 'external_id';
  }
  if (!found && email) {
    [found] = await tx.query<CustomerRow>('select * from customers where lower(email) = lower($1)', [email]);
    if (found) matchedBy = 'email';
  }
  if (!found && phone) {
    [found] = await tx.query<CustomerRow>('select * from customers where phone = $1 order by created_at, id limit 1', [phone]);
    if (found) matchedBy = 'phone';
  }
  if (found) return { customer: opts.learnExternalId ? await learnExternalId(tx, found, externalId, now) : found, created: false, matchedBy };

  const [inserted] = await tx.query<CustomerRow>(
    `insert into customers (name, email, phone, locale, tier, external_id, created_at, updated_at)
     values ($1, $2, $3, $4, 'normal', $5, $6, $6)
     on conflict do nothing returning *`,
    [fallbackName(clues), email, phone, clues.locale ?? 'zh-CN', externalId, now],
  );
  if (inserted) return { customer: inserted, created: true, matchedBy: null };
  // Lost a race to another first message with the same email or external id: take theirs.
  const [winner] = await tx.query<CustomerRow>(
    'select * from customers where ($1::text is not null and external_id = $1) or ($2::text is not null and lower(email) = lower($2)) limit 1',
    [externalId, email],
  );
  return { customer: winner!, created: false, matchedBy: externalId && winner!.external_id === externalId ? 'external_id' : 'email' };
}

/**
 * Records an authenticated source's external id on a customer it matched by email or phone,
 * so its next message matches directly. Email and phone are never learnt: a From header or a
 * form field is not proof, and a learnt phone would open that customer's SMS sign-in.
 */
async function learnExternalId(tx: Queryable, c: CustomerRow, externalId: string | null, now: Date): Promise<CustomerRow> {
  if (c.external_id || !externalId) return c;
  // An id another customer already holds stays with them (the unique index would refuse it anyway).
  const [row] = await tx.query<CustomerRow>(
    `update customers set external_id = $2, updated_at = $3
      where id = $1 and external_id is null and not exists (select 1 from customers o where o.external_id = $2) returning *`,
    [c.id, externalId, now],
  );
  return row ?? c;
}

/**
 * An inline customer on a complaint from the API or web form: matched by email, then phone,
 * else created. Tier and external id are not taken from it: intake must not self-promote to VIP.
 * The same rule as intake's (planCustomers, for a whole intake group), for one customer.
 */
export async function matchOrCreateCustomer(tx: Queryable, c: InlineCustomer, now: Date): Promise<MatchedCustomer> {
  const planned = (await planCustomers(tx, [c]))[0]!;
  if (!isPending(planned)) {
    const email = c.email?.trim().toLowerCase();
    return { customer: planned, created: false, matchedBy: email && planned.email?.toLowerCase() === email ? 'email' : 'phone' };
  }
  const created = await createCustomers(tx, [planned], now);
  const row = created.get(planned.id)!;
  // Lost a race to another first message with the same email: theirs, matched by email.
  return row.id === planned.id ? { customer: row, created: true, matchedBy: null } : { customer: row, created: false, matchedBy: 'email' };
}
