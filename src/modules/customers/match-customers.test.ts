/** Intake's customer matching for a whole group (match-customers.ts), on the database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createCustomers, isPending, planCustomers, type PendingCustomer } from './match-customers.js';
import { matchOrCreateCustomer } from './match-customer.js';

let t: TestApp;
let seq = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

const address = () => `match${++seq}-${Date.now()}@example.com`;

describe('matching the customers of an intake group', () => {
  it('matches by email in any case, then by phone in any spelling (the earliest customer), else plans one new customer per address', async () => {
    const known = address();
    const [byEmail] = await t.db.query<{ id: string }>(`insert into customers (name, email, phone) values ('Known', $1, '+8613900000001') returning id`, [known]);
    await t.db.query(`insert into customers (name, phone, created_at) values ('Later', '+8613900000001', now() + interval '1 day')`);
    const fresh = address();
    const planned = await planCustomers(t.db, [
      { name: 'A', email: known.toUpperCase() },
      { name: 'B', phone: '+86 139 0000 0001' },
      { name: 'C', email: fresh },
      { name: 'D', email: ` ${fresh.toUpperCase()} ` },
      { name: 'E', phone: '13800000009' },
      { name: 'F', phone: '138-0000-0009' },
    ]);
    expect(planned[0]!.id).toBe(byEmail!.id);
    expect(planned[1]!.id).toBe(byEmail!.id); // the earliest customer with the number
    expect(isPending(planned[2]!)).toBe(true);
    expect(planned[3]!.id).toBe(planned[2]!.id); // one new customer for one new address
    expect(planned[5]!.id).toBe(planned[4]!.id);
    const created = await createCustomers(t.db, [planned[2] as PendingCustomer, planned[4] as PendingCustomer], new Date());
    expect(created.get(planned[2]!.id)!.email).toBe(fresh);
    expect(created.get(planned[4]!.id)!.phone).toBe('13800000009');
  });

  it('takes the other writer’s customer when the same address was created after the plan (a lost race)', async () => {
    const email = address();
    const [planned] = await planCustomers(t.db, [{ name: 'Racer', email }]);
    expect(isPending(planned!)).toBe(true);
    const [theirs] = await t.db.query<{ id: string }>(`insert into customers (name, email) values ('First writer', $1) returning id`, [email.toUpperCase()]);
    const created = await createCustomers(t.db, [planned as PendingCustomer], new Date());
    expect(created.get(planned!.id)!.id).toBe(theirs!.id);
    expect((await t.db.query('select 1 from customers where lower(email) = $1', [email])).length).toBe(1);
  });

  it('matchOrCreateCustomer (one customer) follows the same rule and says how it matched', async () => {
    const email = address();
    const first = await matchOrCreateCustomer(t.db, { name: 'Solo', email }, new Date());
    expect(first).toMatchObject({ created: true, matchedBy: null });
    const again = await matchOrCreateCustomer(t.db, { name: 'Solo again', email: email.toUpperCase() }, new Date());
    expect(again).toMatchObject({ created: false, matchedBy: 'email' });
    expect(again.customer.id).toBe(first.customer.id);
  });
});
