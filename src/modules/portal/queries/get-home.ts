import type { AppContext } from '../../../http/context.js';
import { notFound } from '../../../errors.js';
import { asPortalLocale, type PortalLocale } from '../portal-locale.js';
import { stepLabel, type StepKind } from '../progress-steps.js';

export const RECENT_ORDER_DAYS = 90;
const MAX_ORDERS = 10;
const MAX_COMPLAINTS = 20;

/** The step a complaint is at, from its status alone (the first screen reads no event log). */
const STEP_OF_STATUS: Record<string, StepKind> = {
  new: 'received',
  in_progress: 'handling',
  awaiting_department: 'handed_off',
  awaiting_customer: 'waiting_for_you',
  reopened: 'reopened',
  resolved: 'resolved',
};

interface OrderRow {
  id: string;
  number: string;
  items: Array<{ name?: string; qty?: number }>;
  amount: number;
  currency: string;
  status: string;
  placed_at: Date;
  delivered_at: Date | null;
  open_complaint: string | null;
}

interface ComplaintRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  updated_at: Date;
  created_at: Date;
  order_number: string | null;
  department_name: string | null;
  department_name_zh: string | null;
}

/**
 * The service hall's first screen: who you are, your recent orders ("is this about order
 * X?", marked when one already has an open complaint) and your complaints still in play.
 * Three index-backed queries, bounded rows.
 */
export async function getHome(ctx: AppContext, customerId: string, localeParam: PortalLocale | undefined) {
  const now = ctx.clock.now();
  // Three independent index-backed reads, in parallel (one round trip of latency on PostgreSQL).
  const [[customer], orders, complaints] = await Promise.all([
    ctx.db.query<{ id: string; name: string; email: string | null; phone: string | null; locale: string }>(
      'select id, name, email, phone, locale from customers where id = $1',
      [customerId],
    ),
    ctx.db.query<OrderRow>(
      `select o.id, o.number, o.items, o.amount, o.currency, o.status, o.placed_at, o.delivered_at,
              (select c.number from complaints c where c.order_id = o.id
                 and c.status in ('new','in_progress','awaiting_department','awaiting_customer','reopened')
               order by c.created_at desc limit 1) as open_complaint
         from orders o
        where o.customer_id = $1 and o.placed_at > $2
        order by o.placed_at desc limit ${MAX_ORDERS}`,
      [customerId, new Date(now.getTime() - RECENT_ORDER_DAYS * 86_400_000)],
    ),
    ctx.db.query<ComplaintRow>(
      `select c.id, c.number, c.subject, c.status, c.updated_at, c.created_at, o.number as order_number,
              d.name as department_name, d.name_zh as department_name_zh
         from complaints c
         left join orders o on o.id = c.order_id
         left join departments d on d.id = c.department_id
        where c.customer_id = $1
          and c.status in ('new','in_progress','awaiting_department','awaiting_customer','reopened','resolved')
        order by c.updated_at desc limit ${MAX_COMPLAINTS}`,
      [customerId],
    ),
  ]);
  if (!customer) throw notFound('No such customer.');
  const locale = localeParam ?? asPortalLocale(customer.locale);
  return {
    locale,
    customer: { id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, locale: customer.locale },
    recentOrders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      items: Array.isArray(o.items) ? o.items.map((i) => ({ name: typeof i?.name === 'string' ? i.name : '', qty: typeof i?.qty === 'number' ? i.qty : 1 })) : [],
      amount: o.amount,
      currency: o.currency,
      status: o.status,
      placedAt: o.placed_at.toISOString(),
      deliveredAt: o.delivered_at?.toISOString() ?? null,
      hasOpenComplaint: o.open_complaint !== null,
      openComplaintNumber: o.open_complaint,
    })),
    openComplaints: complaints.map((c) => {
      const kind = STEP_OF_STATUS[c.status] ?? 'received';
      const dept = locale === 'zh-CN' ? (c.department_name_zh ?? c.department_name) : c.department_name;
      return {
        id: c.id,
        number: c.number,
        subject: c.subject,
        status: c.status,
        orderNumber: c.order_number,
        step: { kind, label: stepLabel(kind, kind === 'handling' ? dept : null, locale) },
        createdAt: c.created_at.toISOString(),
        updatedAt: c.updated_at.toISOString(),
      };
    }),
  };
}
