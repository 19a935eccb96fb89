import type { Queryable } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { SlaFields } from '../sla/clock-state.js';
import { slaView } from '../sla/clock-state.js';
import type { Status } from './lifecycle.js';
import type { CategoryCode, Channel, Severity } from './taxonomy.js';

export interface ComplaintRow extends SlaFields {
  id: string;
  number: string;
  customer_id: string;
  order_id: string | null;
  channel: Channel;
  subject: string;
  description: string;
  category: CategoryCode;
  severity: Severity;
  status: Status;
  department_id: string | null;
  assignee_id: string | null;
  amount_claimed: number | null;
  currency: string | null;
  tags: string[];
  repeat_of_id: string | null;
  merged_into_id: string | null;
  resolution_code: string | null;
  sla_urgent_at: Date | null;
  sla_next_check_at: Date | null;
  sla_breached: boolean;
  /** Passed between departments more than twice (src/modules/handoffs/ping-pong.ts). */
  handoff_ping_pong: boolean;
  /** 0 = never escalated; 1 = supervisors; 2 = department heads (src/modules/escalation). */
  escalation_level: number;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A complaint with the names a reader needs, joined in the same query. */
export interface ComplaintViewRow extends ComplaintRow {
  department_code: string | null;
  department_name: string | null;
  department_name_zh: string | null;
  assignee_name: string | null;
  customer_name: string;
  customer_tier: 'normal' | 'vip';
  order_number: string | null;
}

/** The complaint view (ComplaintViewRow) over `source` — the table, or a CTE of rows just written — as alias `c`. */
export const complaintViewFrom = (source: string) => `
  select c.*, d.code as department_code, d.name as department_name, d.name_zh as department_name_zh, u.name as assignee_name,
         cu.name as customer_name, cu.tier as customer_tier, o.number as order_number
    from ${source} c
    left join departments d on d.id = c.department_id
    left join users u on u.id = c.assignee_id
    join customers cu on cu.id = c.customer_id
    left join orders o on o.id = c.order_id`;

export const COMPLAINT_VIEW_SELECT = complaintViewFrom('complaints');

const WRITABLE = new Set<keyof ComplaintRow>([
  'status', 'category', 'severity', 'department_id', 'assignee_id', 'tags', 'repeat_of_id', 'merged_into_id',
  'sla_cycle', 'sla_started_at', 'sla_paused_at', 'sla_paused_ms', 'first_response_due_at', 'first_response_at_risk_at',
  'resolution_due_at', 'resolution_at_risk_at', 'sla_urgent_at', 'sla_next_check_at', 'sla_breached',
  'first_response_at', 'resolved_at', 'closed_at', 'updated_at', 'resolution_code',
]);

export async function lockComplaint(tx: Queryable, id: string): Promise<ComplaintRow> {
  const [row] = await tx.query<ComplaintRow>('select * from complaints where id = $1 for update', [id]);
  if (!row) throw notFound('No such complaint.');
  return row;
}

/** Writes the changed columns of a locked row. Only known columns can be named. */
export async function saveComplaint(tx: Queryable, id: string, patch: Partial<ComplaintRow>): Promise<void> {
  const keys = (Object.keys(patch) as Array<keyof ComplaintRow>).filter((k) => WRITABLE.has(k));
  if (!keys.length) return;
  const sets = keys.map((k, i) => `${k} = $${i + 2}`);
  await tx.query(`update complaints set ${sets.join(', ')} where id = $1`, [id, ...keys.map((k) => patch[k] as never)]);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function complaintToApi(r: ComplaintViewRow, now: Date) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    channel: r.channel,
    subject: r.subject,
    description: r.description,
    category: r.category,
    severity: r.severity,
    department: r.department_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    departmentNameZh: r.department_name_zh,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
    customer: { id: r.customer_id, name: r.customer_name, tier: r.customer_tier },
    customerId: r.customer_id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    amountClaimed: r.amount_claimed,
    currency: r.currency,
    tags: r.tags,
    repeatOfId: r.repeat_of_id,
    escalationLevel: r.escalation_level,
    mergedIntoId: r.merged_into_id,
    pingPong: r.handoff_ping_pong,
    firstResponseAt: iso(r.first_response_at),
    resolvedAt: iso(r.resolved_at),
    resolutionCode: r.resolution_code,
    closedAt: iso(r.closed_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    sla: slaView(r, now),
  };
}

export type ComplaintDto = ReturnType<typeof complaintToApi>;
