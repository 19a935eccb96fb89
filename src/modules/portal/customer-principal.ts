import { AppError } from '../../errors.js';
import type { Principal } from '../auth/principal.js';

export type CustomerPrincipal = Extract<Principal, { kind: 'customer' }>;

/** The service hall answers customers only; staff use the staff API. */
export function requireCustomer(p: Principal): CustomerPrincipal {
  if (p.kind !== 'customer') throw new AppError('forbidden', 'The service hall is for customers; staff use the staff API.');
  return p;
}
