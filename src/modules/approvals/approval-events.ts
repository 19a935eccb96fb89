import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

const kind = z.enum(['refund', 'compensation', 'voucher']);
const money = { amount: z.number(), currency: z.string() };

/** Payloads of the settlement and approval steps on the complaint timeline. */
export const APPROVAL_EVENTS = {
  /** Money or a voucher given to the customer: directly within the giver's authority, or after approval. */
  'settlement.granted': z.object({
    settlementId: z.string(),
    kind,
    ...money,
    reason: z.string(),
    via: z.enum(['authority', 'approval']),
    approvalId: z.string().nullable(),
    /** The authority limit that covered it (null = unlimited). */
    limit: z.number().nullable(),
  }),
  'approval.requested': z.object({
    approvalId: z.string(),
    settlementId: z.string(),
    kind,
    ...money,
    reason: z.string(),
    assignedRole: z.string(),
    requesterLimit: z.number().nullable(),
    dueAt: z.string(),
  }),
  'approval.approved': z.object({
    approvalId: z.string(), settlementId: z.string(), ...money, reason: z.string(), approverLimit: z.number().nullable(),
  }),
  'approval.rejected': z.object({ approvalId: z.string(), settlementId: z.string(), ...money, reason: z.string() }),
  /** Stamped at the deadline itself, whenever it was noticed. */
  'approval.overdue': z.object({ approvalId: z.string(), settlementId: z.string(), ...money, dueAt: z.string() }),
  /** The complaint was closed or cancelled while the request waited: nothing is paid. */
  'approval.cancelled': z.object({ approvalId: z.string(), settlementId: z.string(), ...money, reason: z.string() }),
} as const;

export const APPROVAL_EVENT_LANES: Record<keyof typeof APPROVAL_EVENTS, Lane> = {
  // The customer receives it from the front line, whoever approved it.
  'settlement.granted': 'frontstage',
  'approval.requested': 'backstage',
  'approval.approved': 'backstage',
  'approval.rejected': 'backstage',
  // Noticed by the system's deadline clock, like an SLA breach.
  'approval.overdue': 'support',
  'approval.cancelled': 'backstage',
};
