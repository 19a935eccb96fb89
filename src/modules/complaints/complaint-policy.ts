import { SqlWhere } from '../../db/sql-builder.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../auth/principal.js';

/**
 * Which complaints a principal may see, as a SQL condition on alias `c`. Deny by default:
 * a principal kind or role not named here sees nothing. Records outside the scope answer 404.
 */
export function complaintScope(p: Principal, where: SqlWhere): SqlWhere {
  if (p.kind === 'customer') return where.add('c.customer_id = ?', p.customerId);
  switch (p.role) {
    case 'admin':
    case 'supervisor':
    case 'agent':
    case 'analyst':
      return where;
    case 'department_staff':
      // Their department's complaints, and those with an open or answered hand-off to their department.
      return p.departmentId
        ? where.add(
          `(c.department_id = ? or exists (select 1 from handoffs h where h.complaint_id = c.id and h.department_id = ?
             and h.status in ('open', 'acknowledged', 'answered')))`,
          p.departmentId, p.departmentId,
        )
        : where.add('false');
  }
}

export type ComplaintAction =
  | 'create'
  | 'reply_public'
  | 'note_internal'
  | 'log_customer_message'
  | 'change_status'
  | 'cancel'
  | 'assign'
  | 'hand_off'
  | 'reclassify';

/** What a principal may do to a complaint it can already see. */
export function canDo(p: Principal, action: ComplaintAction): boolean {
  if (p.kind === 'customer') return action === 'create' || action === 'log_customer_message' || action === 'change_status';
  switch (p.role) {
    case 'admin':
    case 'supervisor':
    case 'agent':
      return true;
    case 'department_staff':
      // Back office works behind the line of visibility: the front-line agent gives the answer.
      return action === 'note_internal' || action === 'change_status';
    case 'analyst':
      return false;
  }
}

export function assertCan(p: Principal, action: ComplaintAction): void {
  if (!canDo(p, action)) throw new AppError('forbidden', `Your role may not ${action.replace(/_/g, ' ')}.`);
}
