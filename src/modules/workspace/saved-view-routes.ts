import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line } from '../../http/schemas.js';
import { ALL_STAFF, requireRole, type UserPrincipal } from '../auth/require-role.js';
import { countView, toQueryShape, VIEW_COUNT_CAP, viewFilters } from './view-filters.js';

const viewInput = z.object({
  name: line(80),
  // JSON clients may send true/false where the query string says 'true'/'false'.
  filters: z.preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) ? toQueryShape(v as Record<string, unknown>) : v), viewFilters),
  sort: z.enum(['urgency', '-created', 'created']).default('urgency'),
  shared: z.boolean().default(false).describe('visible to the whole team (supervisors and admins only)'),
}).strict();

interface ViewRow { id: string; owner_id: string; name: string; filters: Record<string, unknown>; sort: string; shared: boolean; created_at: Date }

const toApi = (r: ViewRow, userId: string, count: number) => ({
  id: r.id, name: r.name, filters: toQueryShape(r.filters), sort: r.sort, shared: r.shared, mine: r.owner_id === userId,
  count, countCapped: count >= VIEW_COUNT_CAP,
});

async function ownView(db: Queryable, p: UserPrincipal, id: string): Promise<ViewRow> {
  const [row] = await db.query<ViewRow>('select * from saved_views where id = $1 and owner_id = $2', [id, p.userId]);
  if (!row) throw notFound('No such view.');
  return row;
}

export const savedViewRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/views', tag: 'workspace', auth: 'required',
    summary: 'Saved queue views (your own and shared ones), each with its current count (capped at 1000)',
    async handler({ ctx, principal }) {
      const p = requireRole(principal, ALL_STAFF, 'use saved views');
      const rows = await ctx.db.query<ViewRow>(
        'select * from saved_views where owner_id = $1 or shared order by owner_id <> $1, lower(name), id',
        [p.userId],
      );
      const now = ctx.clock.now();
      const items = [];
      // Counted with the viewer's own scope: a shared view shows each person what they may see.
      for (const r of rows) items.push(toApi(r, p.userId, await countView(ctx.db, p, r.filters, now)));
      return { items, nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/views', tag: 'workspace', auth: 'required',
    summary: 'Save a queue view', body: viewInput, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const p = requireRole(principal, ALL_STAFF, 'save views');
      if (body.shared && p.role !== 'admin' && p.role !== 'supervisor') throw new AppError('forbidden', 'Only supervisors and admins share views.');
      const rows = await ctx.db.query<ViewRow>(
        `insert into saved_views (owner_id, name, filters, sort, shared, created_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (owner_id, lower(name)) do nothing returning *`,
        [p.userId, body.name, toQueryShape(body.filters), body.sort, body.shared, ctx.clock.now()],
      );
      if (!rows[0]) throw new AppError('conflict', 'You already have a view with this name.');
      return toApi(rows[0], p.userId, await countView(ctx.db, p, rows[0].filters, ctx.clock.now()));
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/views/:id', tag: 'workspace', auth: 'required',
    summary: 'Delete one of your views', params: idParams, response: { status: 204 },
    async handler({ ctx, principal, params }) {
      const p = requireRole(principal, ALL_STAFF, 'delete views');
      await ownView(ctx.db, p, params.id);
      await ctx.db.query('delete from saved_views where id = $1', [params.id]);
      return null;
    },
  }),
];
