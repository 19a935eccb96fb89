import { z } from 'zod';
import { isoDateTime, limitParam, multi, queryBool, text } from '../../http/schemas.js';
import { currencyCode, settlementAmount } from './money.js';

export const SETTLEMENT_KINDS = ['refund', 'compensation', 'voucher'] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];
export const SETTLEMENT_STATUSES = ['pending_approval', 'granted', 'rejected', 'cancelled'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const settlementInput = z
  .object({
    kind: z.enum(SETTLEMENT_KINDS),
    amount: settlementAmount,
    currency: currencyCode.default('CNY'),
    reason: text(2000),
    idempotencyKey: z
      .string()
      .regex(/^[\x21-\x7e]{1,200}$/, { message: 'must be 1–200 visible ASCII characters' })
      .optional()
      .describe('a retry with the same key returns the first settlement instead of paying twice'),
  })
  .strict();
export type SettlementInput = z.infer<typeof settlementInput>;

export const decisionInput = z.object({ decision: z.enum(['approve', 'reject']), reason: text(2000) }).strict();
export type DecisionInput = z.infer<typeof decisionInput>;

export const listApprovalsQuery = z
  .object({
    status: multi(APPROVAL_STATUSES).optional(),
    overdue: queryBool.optional().describe('pending past its deadline'),
    complaintId: z.uuid().optional(),
    requestedBy: z.union([z.uuid(), z.literal('me')]).optional(),
    dueBefore: isoDateTime.optional(),
    limit: limitParam,
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuery>;
