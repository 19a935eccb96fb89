import type { SqlWhere } from '../../db/sql-builder.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../auth/principal.js';

/**
 * Which hand-off tasks a principal may see, as a SQL condition on alias `h`. Deny by default:
 * front-line staff and analysts see every task, department staff their own department's,
 * anyone else nothing. A task outside the scope answers 404.
 */
export function handoffScope(p: Principal, where: SqlWhere): SqlWhere {
  if (p.kind === 'customer') return where.add('false');
  switch (p.role) {
    case 'admin':
    case 'supervisor':
    case 'agent':
    case 'analyst':
      return where;
    case 'department_staff':
      return p.departmentId ? where.add('h.department_id = ?', p.departmentId) : where.add('false');
  }
}

export type HandoffAction = 'acknowledge' | 'answer' | 'cancel' | 'pass' | 'return';

/**
 * What a principal may do to a task it can already see. The department picks up and answers,
 * or passes the task on to another department, or gives it back to the front line unanswered
 * (supervisors and admins may stand in); the front line that asked may take it back.
 */
export function canDoHandoff(p: Principal, action: HandoffAction): boolean {
  if (p.kind === 'customer') return false;
  switch (p.role) {
    case 'admin':
    case 'supervisor':
      return true;
    case 'agent':
      return action === 'cancel';
    case 'department_staff':
      // handoffScope already limits them to their own department's tasks
      return action === 'acknowledge' || action === 'answer' || action === 'pass' || action === 'return';
    case 'analyst':
      return false;
  }
}

export function assertCanHandoff(p: Principal, action: HandoffAction): void {
  if (!canDoHandoff(p, action)) throw new AppError('forbidden', `Your role may not ${action} hand-offs.`);
}
