import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, limitParam, line } from '../../http/schemas.js';
import { SqlWhere, likeEscape } from '../../db/sql-builder.js';
import { decodeCursor, encodeCursor, timeIdCursor } from '../../http/cursor.js';
import { AppError, notFound } from '../../errors.js';
import { FRONT_LINE, READERS, requireRole } from '../auth/require-role.js';
import { customerInputSchema } from './customer-schema.js';
import { customerToApi, insertCustomer, normalisePhone, type CustomerRow } from './customers-repo.js';
import { forgetPrincipals } from '../auth/principal-cache.js';

function uniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

function duplicate(): AppError {
  return new AppError('conflict', 'Another customer already has this email or external id.');
}

export const customerRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/customers', tag: 'customers', auth: 'required',
    summary: 'Create a customer', body: customerInputSchema, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      requireRole(principal, FRONT_LINE, 'create customers');
      try {
        return customerToApi(await insertCustomer(ctx.db, body, ctx.clock.now()));
      } catch (err) {
        if (uniqueViolation(err)) throw duplicate();
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/customers', tag: 'customers', auth: 'required',
    summary: 'List customers (filter by name/email/phone text, tier, email, phone)',
    query: z.object({
      q: line(200).optional(), tier: z.enum(['normal', 'vip']).optional(), email: line(254).optional(), phone: line(40).optional(),
      externalId: line(100).optional(), limit: limitParam, cursor: z.string().max(500).optional(),
    }).strict(),
    async handler({ ctx, principal, query }) {
      requireRole(principal, READERS, 'list customers');
      const w = new SqlWhere();
      if (query.q) {
        const like = `%${likeEscape(query.q)}%`;
        w.add('(c.name ilike ? or c.email ilike ? or c.phone like ?)', like, like, like);
      }
      if (query.tier) w.add('c.tier = ?', query.tier);
      if (query.email) w.add('lower(c.email) = lower(?)', query.email);
      if (query.phone) w.add('c.phone = ?', normalisePhone(query.phone));
      if (query.externalId) w.add('c.external_id = ?', query.externalId);
      if (query.cursor) {
        const [t, id] = decodeCursor(query.cursor, timeIdCursor);
        w.add('(c.created_at, c.id) < (?, ?)', t, id);
      }
      const rows = await ctx.db.query<CustomerRow>(`select c.* from customers c ${w.toSql()} order by c.created_at desc, c.id desc limit ${query.limit + 1}`, w.params);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(customerToApi), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/customers/:id', tag: 'customers', auth: 'required',
    summary: 'One customer (a customer token may read only itself)', params: idParams,
    async handler({ ctx, principal, params }) {
      if (principal.kind === 'customer') {
        if (principal.customerId !== params.id) throw notFound('No such customer.');
      } else requireRole(principal, READERS, 'read customers');
      const [row] = await ctx.db.query<CustomerRow>('select * from customers where id = $1', [params.id]);
      if (!row) throw notFound('No such customer.');
      return customerToApi(row);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/customers/:id', tag: 'customers', auth: 'required',
    summary: 'Update a customer', params: idParams,
    body: customerInputSchema.partial().strict().refine((v) => Object.keys(v).length > 0, { message: 'give at least one field' }),
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, FRONT_LINE, 'update customers');
      const map: Record<string, string> = { name: 'name', email: 'email', phone: 'phone', locale: 'locale', tier: 'tier', externalId: 'external_id' };
      const w = new SqlWhere();
      const sets = Object.entries(body).map(([k, v]) => `${map[k]} = ${w.param(k === 'phone' && typeof v === 'string' ? normalisePhone(v) : v)}`);
      sets.push(`updated_at = ${w.param(ctx.clock.now())}`);
      try {
        const [row] = await ctx.db.query<CustomerRow>(`update customers set ${sets.join(', ')} where id = ${w.param(params.id)} returning *`, w.params);
        if (!row) throw notFound('No such customer.');
        return customerToApi(row);
      } catch (err) {
        if (uniqueViolation(err)) throw duplicate();
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/customers/:id', tag: 'customers', auth: 'required',
    summary: 'Delete a customer who has no complaints or orders (records with history are kept)', params: idParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ['admin', 'supervisor'], 'delete customers');
      const [refs] = await ctx.db.query<{ n: number }>(
        `select ((select count(*) from complaints where customer_id = $1) + (select count(*) from orders where customer_id = $1))::int as n`, [params.id]);
      if (refs!.n > 0) throw new AppError('conflict', 'This customer has complaints or orders; their history is kept.');
      await ctx.db.query('delete from sessions where customer_id = $1', [params.id]);
      const rows = await ctx.db.query('delete from customers where id = $1 returning 1', [params.id]);
      forgetPrincipals(ctx.db, { customerId: params.id });
      if (!rows.length) throw notFound('No such customer.');
      return { ok: true };
    },
  }),
];
