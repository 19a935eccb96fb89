import { AppError, notFound } from '../../errors.js';
import type { Principal, Role } from './principal.js';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** Deny by default: only the named staff roles pass; customers never do. */
export function requireRole(p: Principal, roles: readonly Role[], action = 'do this'): UserPrincipal {
  if (p.kind !== 'user' || !roles.includes(p.role)) throw new AppError('forbidden', `Your role may not ${action}.`);
  return p;
}

export const READERS: readonly Role[] = ['admin', 'supervisor', 'agent', 'analyst'];
export const FRONT_LINE: readonly Role[] = ['admin', 'supervisor', 'agent'];
export const ALL_STAFF: readonly Role[] = ['admin', 'supervisor', 'agent', 'department_staff', 'analyst'];

/** A customer asking for a record that is not theirs learns nothing: 404. */
export function customerOnlyOwn(p: Principal, customerId: string): void {
  if (p.kind === 'customer' && p.customerId !== customerId) throw notFound();
}
