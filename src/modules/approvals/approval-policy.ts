import { SqlWhere } from '../../db/sql-builder.js';
import type { Role } from '../auth/principal.js';
import { requireRole, type UserPrincipal } from '../auth/require-role.js';
import type { Principal } from '../auth/principal.js';
import { covers } from './money.js';

/** Front-line staff give settlements; the back office and analysts do not. */
export const SETTLERS: readonly Role[] = ['admin', 'supervisor', 'agent'];
/** Who answers approval requests (each still only up to their own limit). */
export const APPROVERS: readonly Role[] = ['admin', 'supervisor'];
/** Who reads settlements of a complaint they can see. */
export const SETTLEMENT_READERS: readonly Role[] = ['admin', 'supervisor', 'agent', 'department_staff', 'analyst'];

/**
 * Which approvals a principal may list, as a SQL condition on alias `a`. Approvers see the
 * whole queue, agents the requests they made; everyone else is refused (deny by default).
 */
export function approvalScope(p: Principal, where: SqlWhere): { user: UserPrincipal; where: SqlWhere } {
  const user = requireRole(p, ['admin', 'supervisor', 'agent'], 'read approval requests');
  switch (user.role) {
    case 'admin':
    case 'supervisor':
      return { user, where };
    case 'agent':
      return { user, where: where.add('a.requested_by = ?', user.userId) };
    case 'department_staff':
    case 'analyst':
      return { user, where: where.add('false') };
  }
}

/** Whether `user` may answer this request now: an approver, not the requester, with a limit that covers the amount. */
export function mayDecide(
  user: UserPrincipal,
  a: { status: string; requested_by: string; amount: number },
  limit: number | null,
): boolean {
  return a.status === 'pending' && APPROVERS.includes(user.role) && a.requested_by !== user.userId && covers(limit, a.amount);
}
