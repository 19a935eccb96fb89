import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, isoDateTime, limitParam, line } from '../../http/schemas.js';
import { SqlWhere } from '../../db/sql-builder.js';
import { decodeCursor, encodeCursor, timeIdCursor } from '../../http/cursor.js';
import { AppError, notFound } from '../../errors.js';
import { FRONT_LINE, READERS, requireRole } from '../auth/require-role.js';

const ORDER_STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] as const;

const orderItem = z.object({
  sku: line(64).optional(),
  name: line(200),
  quantity: z.number().int().min(1).max(100_000),
  price: z.number().finite().min(0).max(1e9),
}).strict();

const orderInput = z.object({
  number: line(64),
  customerId: z.uuid(),
  items: z.array(orderItem).max(200).default([]),
  amount: z.number().finite().min(0).max(1e10),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  status: z.enum(ORDER_STATUSES).default('placed'),
  placedAt: isoDateTime.optional(),
  deliveredAt: isoDateTime.nullable().optional(),
}).strict();

interface OrderRow {
  id: string; number: string; customer_id: string; items: unknown[]; amount: number; currency: string; status: string;
  placed_at: Date; delivered_at: Date | null; created_at: Date; updated_at: Date;
}

function toApi(r: OrderRow) {
  return {
    id: r.id, number: r.number, customerId: r.customer_id, items: r.items, amount: r.amount, currency: r.currency, status: r.status,
    placedAt: r.placed_at.toISOString(), deliveredAt: r.delivered_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

const isCode = (err: unknown, code: string) => typeof err === 'object' && err !== null && (err as { code?: string }).code === code;

function mapWriteError(err: unknown): never {
  if (isCode(err, '23505')) throw new AppError('conflict', 'An order with this number already exists.');
  if (isCode(err, '23503')) throw new AppError('validation_failed', 'No such customer.', [{ path: 'body.customerId', message: 'no such customer' }]);
  throw err;
}

export const orderRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/orders', tag: 'orders', auth: 'required',
    summary: 'Record an order so complaints can name it', body: orderInput, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      requireRole(principal, FRONT_LINE, 'create orders');
      const now = ctx.clock.now();
      try {
        const [row] = await ctx.db.query<OrderRow>(
          `insert into orders (number, customer_id, items, amount, currency, status, placed_at, delivered_at, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning *`,
          // jsonb arrays go as JSON text: node-postgres would send a JS array as a SQL array.
          [body.number, body.customerId, JSON.stringify(body.items), body.amount, body.currency, body.status,
            body.placedAt ? new Date(body.placedAt) : now, body.deliveredAt ? new Date(body.deliveredAt) : null, now],
        );
        return toApi(row!);
      } catch (err) {
        mapWriteError(err);
      }
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/orders', tag: 'orders', auth: 'required',
    summary: "List orders (a customer token sees only its own)",
    query: z.object({ customerId: z.uuid().optional(), number: line(64).optional(), status: z.enum(ORDER_STATUSES).optional(), limit: limitParam, cursor: z.string().max(500).optional() }).strict(),
    async handler({ ctx, principal, query }) {
      const w = new SqlWhere();
      if (principal.kind === 'customer') w.add('o.customer_id = ?', principal.customerId);
      else requireRole(principal, READERS, 'list orders');
      if (query.customerId) w.add('o.customer_id = ?', query.customerId);
      if (query.number) w.add('o.number = ?', query.number);
      if (query.status) w.add('o.status = ?', query.status);
      if (query.cursor) {
        const [t, id] = decodeCursor(query.cursor, timeIdCursor);
        w.add('(o.placed_at, o.id) < (?, ?)', t, id);
      }
      const rows = await ctx.db.query<OrderRow>(`select o.* from orders o ${w.toSql()} order by o.placed_at desc, o.id desc limit ${query.limit + 1}`, w.params);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(toApi), nextCursor: rows.length > query.limit && last ? encodeCursor([last.placed_at.toISOString(), last.id]) : null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/orders/:id', tag: 'orders', auth: 'required', summary: 'One order', params: idParams,
    async handler({ ctx, principal, params }) {
      if (principal.kind === 'user') requireRole(principal, READERS, 'read orders');
      const [row] = await ctx.db.query<OrderRow>('select * from orders where id = $1', [params.id]);
      if (!row || (principal.kind === 'customer' && row.customer_id !== principal.customerId)) throw notFound('No such order.');
      return toApi(row);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/orders/:id', tag: 'orders', auth: 'required', summary: 'Update an order', params: idParams,
    body: orderInput.omit({ customerId: true }).partial().strict().refine((v) => Object.keys(v).length > 0, { message: 'give at least one field' }),
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, FRONT_LINE, 'update orders');
      const cols: Record<string, string> = { number: 'number', items: 'items', amount: 'amount', currency: 'currency', status: 'status', placedAt: 'placed_at', deliveredAt: 'delivered_at' };
      const w = new SqlWhere();
      const sets = Object.entries(body).map(([k, v]) => {
        const value = (k === 'placedAt' || k === 'deliveredAt') && typeof v === 'string' ? new Date(v) : k === 'items' ? JSON.stringify(v) : v;
        return `${cols[k]} = ${w.param(value)}`;
      });
      sets.push(`updated_at = ${w.param(ctx.clock.now())}`);
      try {
        const [row] = await ctx.db.query<OrderRow>(`update orders set ${sets.join(', ')} where id = ${w.param(params.id)} returning *`, w.params);
        if (!row) throw notFound('No such order.');
        return toApi(row);
      } catch (err) {
        mapWriteError(err);
      }
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/orders/:id', tag: 'orders', auth: 'required', summary: 'Delete an order no complaint names', params: idParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ['admin', 'supervisor'], 'delete orders');
      const [ref] = await ctx.db.query<{ n: number }>('select count(*)::int as n from complaints where order_id = $1', [params.id]);
      if (ref!.n > 0) throw new AppError('conflict', 'A complaint names this order; it is kept.');
      const rows = await ctx.db.query('delete from orders where id = $1 returning 1', [params.id]);
      if (!rows.length) throw notFound('No such order.');
      return { ok: true };
    },
  }),
];
