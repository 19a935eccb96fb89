import type { Queryable } from '../../../db/database.js';
import { notFound } from '../../../errors.js';
import type { Status } from '../../complaints/lifecycle.js';

const NUMBER = /^C-\d{4}-\d{6,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OwnComplaintRow {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: Status;
  category: string;
  channel: string;
  first_response_at: Date | null;
  first_response_due_at: Date;
  resolution_due_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
  sla_paused_at: Date | null;
  created_at: Date;
  updated_at: Date;
  order_number: string | null;
  department_code: string | null;
  department_name: string | null;
  department_name_zh: string | null;
  customer_locale: string;
}

/** A complaint by number or id, only when it is this customer's: anyone else's is simply not found. */
export async function findOwnComplaint(db: Queryable, customerId: string, ref: string): Promise<OwnComplaintRow> {
  const by = NUMBER.test(ref) ? 'c.number = $1' : UUID.test(ref) ? 'c.id = $1::uuid' : null;
  if (!by) throw notFound('No such complaint.');
  const [row] = await db.query<OwnComplaintRow>(
    `select c.id, c.number, c.subject, c.description, c.status, c.category, c.channel, c.first_response_at,
            c.first_response_due_at, c.resolution_due_at, c.resolved_at, c.closed_at, c.sla_paused_at,
            c.created_at, c.updated_at, o.number as order_number,
            d.code as department_code, d.name as department_name, d.name_zh as department_name_zh, cu.locale as customer_locale
       from complaints c
       join customers cu on cu.id = c.customer_id
       left join orders o on o.id = c.order_id
       left join departments d on d.id = c.department_id
      where ${by} and c.customer_id = $2`,
    [ref, customerId],
  );
  if (!row) throw notFound('No such complaint.');
  return row;
}
