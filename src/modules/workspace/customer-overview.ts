import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { READERS, requireRole } from '../auth/require-role.js';
import { OPEN_STATUSES } from '../complaints/lifecycle.js';
import { customerToApi, type CustomerRow } from '../customers/customers-repo.js';

/**
 * The customer 360 the complaint view shows beside the conversation: who they are, what they
 * bought, every complaint they made and how it ended, and whether they keep coming back — so
 * nobody asks the customer again what the company already knows.
 */
export const customerOverviewRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/customers/:id/overview', tag: 'customers', auth: 'required',
    summary: 'Customer 360: identity, tier, recent orders, past complaints with outcome, repeat flag, preferred channel',
    params: idParams,
    async handler({ ctx, principal, params }) {
      // Back-office staff see complaint context without the customer's contact details.
      requireRole(principal, READERS, "see a customer's history");
      const [customer] = await ctx.db.query<CustomerRow>('select * from customers where id = $1', [params.id]);
      if (!customer) throw notFound('No such customer.');
      const now = ctx.clock.now();
      const windowStart = new Date(now.getTime() - ctx.config.REPEAT_WINDOW_DAYS * 86_400_000);
      const [orders, complaints, stats, channels] = await Promise.all([
        ctx.db.query<{ id: string; number: string; status: string; amount: number; currency: string; placed_at: Date; delivered_at: Date | null }>(
          'select id, number, status, amount, currency, placed_at, delivered_at from orders where customer_id = $1 order by placed_at desc, id limit 20',
          [params.id],
        ),
        ctx.db.query<{
          id: string; number: string; subject: string; category: string; severity: string; status: string; channel: string;
          created_at: Date; resolved_at: Date | null; repeat_of_id: string | null; tags: string[]; order_number: string | null;
        }>(
          `select c.id, c.number, c.subject, c.category, c.severity, c.status, c.channel, c.created_at, c.resolved_at,
                  c.repeat_of_id, c.tags, o.number as order_number
             from complaints c left join orders o on o.id = c.order_id
            where c.customer_id = $1 order by c.created_at desc, c.id limit 50`,
          [params.id],
        ),
        ctx.db.query<{ total: number; open: number; in_window: number; repeats: number }>(
          `select count(*)::int as total,
                  count(*) filter (where status = any($2))::int as open,
                  count(*) filter (where created_at >= $3)::int as in_window,
                  count(*) filter (where repeat_of_id is not null)::int as repeats
             from complaints where customer_id = $1`,
          [params.id, [...OPEN_STATUSES], windowStart],
        ),
        ctx.db.query<{ channel: string; n: number }>(
          'select channel, count(*)::int as n from complaints where customer_id = $1 group by channel order by n desc, channel',
          [params.id],
        ),
      ]);
      const s = stats[0] ?? { total: 0, open: 0, in_window: 0, repeats: 0 };
      return {
        customer: customerToApi(customer),
        orders: orders.map((o) => ({
          id: o.id, number: o.number, status: o.status, amount: o.amount, currency: o.currency,
          placedAt: o.placed_at.toISOString(), deliveredAt: o.delivered_at?.toISOString() ?? null,
        })),
        complaints: complaints.map((c) => ({
          id: c.id, number: c.number, subject: c.subject, category: c.category, severity: c.severity, status: c.status,
          channel: c.channel, orderNumber: c.order_number, createdAt: c.created_at.toISOString(),
          resolvedAt: c.resolved_at?.toISOString() ?? null, repeat: c.repeat_of_id !== null, tags: c.tags,
        })),
        stats: {
          total: s.total, open: s.open, repeats: s.repeats,
          inRepeatWindow: s.in_window, repeatWindowDays: ctx.config.REPEAT_WINDOW_DAYS,
          channels: Object.fromEntries(channels.map((c) => [c.channel, c.n])),
        },
        // More than one complaint inside the repeat window: the supervisor follows this customer up.
        repeatComplainer: s.in_window > 1,
        preferredChannel: channels[0]?.channel ?? null,
      };
    },
  }),
];
