import { AppError } from '../../errors.js';

export const STATUSES = [
  'new',
  'in_progress',
  'awaiting_department',
  'awaiting_customer',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

/** Every allowed move. Anything not listed is refused with 409 invalid_transition. */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  new: ['in_progress', 'awaiting_customer', 'resolved', 'cancelled'],
  in_progress: ['awaiting_department', 'awaiting_customer', 'resolved', 'cancelled'],
  awaiting_department: ['in_progress', 'resolved'],
  awaiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'reopened'],
  reopened: ['in_progress', 'awaiting_department', 'awaiting_customer', 'resolved'],
  closed: [],
  cancelled: [],
};

/** Statuses in which the complaint is still being worked: its SLA clocks may run. */
/** How a complaint was resolved; the agent picks one when resolving. */
export const RESOLUTION_CODES = ['refunded', 'replaced', 'repaired', 'compensated', 'explained', 'no_fault_found', 'duplicate', 'other'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const OPEN_STATUSES: readonly Status[] = ['new', 'in_progress', 'awaiting_department', 'awaiting_customer', 'reopened'];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

export function assertTransition(from: Status, to: Status): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('invalid_transition', `A complaint cannot go from ${from} to ${to}.`, [
      { message: `allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none (final)'}`, from, to, allowed: [...TRANSITIONS[from]] },
    ]);
  }
}
