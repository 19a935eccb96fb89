import type { Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { isPending, planCustomers, type PendingCustomer } from '../../customers/match-customers.js';
import type { CustomerRow } from '../../customers/customers-repo.js';
import type { CreateComplaintInput } from '../complaint-schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}

export type IntakeCustomer = { id: string; tier: 'normal' | 'vip'; pending?: PendingCustomer };
export type IntakeOrder = { id: string; status: string; merchant: string | null };
export type Parties = { customer: IntakeCustomer; order: IntakeOrder | null } | { error: AppError };

/**
 * Who each complaint of an intake group is from and which order it names, read-only: a
 * customer principal files for themself; staff name a customer by id or inline (matched by
 * email or phone, else planned for creation — see planCustomers). At most three statements
 * for the whole group. A complaint naming a missing customer, or an order that is missing or
 * another customer's (reported alike), gets its error and the others go on.
 */
export async function resolveParties(tx: Queryable, list: ReadonlyArray<{ principal: Principal; input: CreateComplaintInput }>): Promise<Parties[]> {
  const byId = list.map(({ principal: p, input }) => {
    // A customer files for themself only; naming anyone else is refused without revealing them.
    if (p.kind === 'customer') return input.customerId && input.customerId !== p.customerId ? null : p.customerId;
    return input.customerId ?? undefined;
  });
  const ids = [...new Set(byId.filter((x): x is string => typeof x === 'string'))];
  const known = new Map(ids.length ? (await tx.query<{ id: string; tier: 'normal' | 'vip' }>('select id, tier from customers where id = any($1::uuid[])', [ids])).map((r) => [r.id, r]) : []);
  const inline = list.flatMap((m, i) => (byId[i] === undefined ? [{ i, c: m.input.customer! }] : []));
  const planned = inline.length ? await planCustomers(tx, inline.map((x) => x.c)) : [];
  const customers: Array<IntakeCustomer | AppError> = list.map((_, i) => {
    const id = byId[i];
    if (id === null) return invalid('body.customerId', 'No such customer.');
    if (id !== undefined) return known.get(id) ?? invalid('body.customerId', 'No such customer.');
    const c: CustomerRow | PendingCustomer = planned[inline.findIndex((x) => x.i === i)]!;
    return isPending(c) ? { id: c.id, tier: 'normal', pending: c } : { id: c.id, tier: c.tier };
  });
  const refs = list.map((m) => m.input.orderId);
  const uuidRefs = [...new Set(refs.filter((r): r is string => !!r && UUID.test(r)))];
  const numberRefs = [...new Set(refs.filter((r): r is string => !!r && !UUID.test(r)))];
  const orders = uuidRefs.length || numberRefs.length
    ? await tx.query<IntakeOrder & { number: string; customer_id: string }>(
      'select id, number, customer_id, status, merchant from orders where id = any($1::uuid[]) or number = any($2::text[])',
      [uuidRefs, numberRefs],
    )
    : [];
  return list.map((m, i) => {
    const customer = customers[i]!;
    if (customer instanceof AppError) return { error: customer };
    const ref = m.input.orderId;
    if (!ref) return { customer, order: null };
    const row = orders.find((o) => (UUID.test(ref) ? o.id.toLowerCase() === ref.toLowerCase() : o.number === ref));
    // Another customer's order is reported exactly like a missing one.
    if (!row || row.customer_id !== customer.id) return { error: invalid('body.orderId', 'No such order for this customer.') };
    return { customer, order: { id: row.id, status: row.status, merchant: row.merchant } };
  });
}
