import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, limitParam, queryBool } from '../../http/schemas.js';
import { notFound } from '../../errors.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';

interface NotificationRow {
  id: string; complaint_id: string | null; number: string | null; kind: string; title: string; body: string; created_at: Date; read_at: Date | null;
}

const toApi = (r: NotificationRow) => ({
  id: r.id, complaintId: r.complaint_id, complaintNumber: r.number, kind: r.kind, title: r.title, body: r.body,
  createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null,
});

/** A staff member's own in-app notifications (SLA at risk, escalations). Nobody reads another's. */
export const notificationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/notifications', tag: 'notifications', auth: 'required',
    summary: 'My notifications, newest first',
    query: z.object({ unread: queryBool.optional(), limit: limitParam }).strict(),
    async handler({ ctx, principal, query }) {
      const me = requireRole(principal, ALL_STAFF, 'read notifications');
      const rows = await ctx.db.query<NotificationRow>(
        `select n.*, c.number from notifications n left join complaints c on c.id = n.complaint_id
          where n.user_id = $1 ${query.unread ? 'and n.read_at is null' : ''}
          order by n.created_at desc, n.id desc limit ${query.limit}`,
        [me.userId],
      );
      const [unread] = await ctx.db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [me.userId]);
      return { items: rows.map(toApi), nextCursor: null, unread: unread?.n ?? 0 };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/notifications/:id/read', tag: 'notifications', auth: 'required',
    summary: 'Mark one of my notifications read', params: idParams,
    async handler({ ctx, principal, params }) {
      const me = requireRole(principal, ALL_STAFF, 'read notifications');
      const rows = await ctx.db.query(
        'update notifications set read_at = coalesce(read_at, $3) where id = $1 and user_id = $2 returning 1',
        [params.id, me.userId, ctx.clock.now()],
      );
      if (!rows.length) throw notFound('No such notification.');
      return { ok: true };
    },
  }),
];
