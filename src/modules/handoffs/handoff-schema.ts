import { z } from 'zod';
import { limitParam, line, multi, queryBool, text } from '../../http/schemas.js';
import { HANDOFF_STATUSES } from './handoff-row.js';

export const HANDOFF_LIMITS = { note: 5_000, answer: 20_000, reason: 500, answerMinutes: 43_200 } as const;

/** How the department's answer came out; optional, for analysis. */
export const HANDOFF_OUTCOMES = ['resolved', 'action_taken', 'no_fault_found', 'needs_more_info', 'declined'] as const;

export const handoffIdParams = z.object({ id: z.uuid({ message: 'not a valid id' }) });

export const requestHandoffSchema = z
  .object({
    department: line(40).describe('department code'),
    note: text(HANDOFF_LIMITS.note).describe('what the department is asked to do'),
    answerWithinMinutes: z
      .number()
      .int()
      .min(1)
      .max(HANDOFF_LIMITS.answerMinutes)
      .optional()
      .describe("overrides the department's answer deadline for this task"),
  })
  .strict();
export type RequestHandoffInput = z.infer<typeof requestHandoffSchema>;

export const answerHandoffSchema = z
  .object({ answer: text(HANDOFF_LIMITS.answer), outcome: z.enum(HANDOFF_OUTCOMES).optional() })
  .strict();
export type AnswerHandoffInput = z.infer<typeof answerHandoffSchema>;

export const cancelHandoffSchema = z.object({ reason: text(HANDOFF_LIMITS.reason) }).strict();

/** The other department, named once: by code (`department`, or its alias `departmentCode`) or by id. */
export const passHandoffSchema = z
  .object({
    department: line(40).optional().describe('department code'),
    departmentCode: line(40).optional().describe('department code (same as department)'),
    departmentId: z.uuid({ message: 'not a valid id' }).optional(),
    note: text(HANDOFF_LIMITS.note).describe('what the other department is asked to do, and why it is theirs'),
  })
  .strict()
  .refine((b) => [b.department, b.departmentCode, b.departmentId].filter((v) => v !== undefined).length === 1, {
    message: 'name the department exactly once: department, departmentCode or departmentId',
    path: ['department'],
  });
export type PassHandoffInput = z.infer<typeof passHandoffSchema>;

/** Why the task goes back to the front line unanswered ("not ours", "missing order number"). */
export const returnHandoffSchema = z.object({ note: text(HANDOFF_LIMITS.note) }).strict();
export type ReturnHandoffInput = z.infer<typeof returnHandoffSchema>;

export const listHandoffsQuery = z
  .object({
    department: line(40).optional().describe('department code'),
    status: multi(HANDOFF_STATUSES).optional(),
    overdue: queryBool.optional().describe('a pending deadline has passed'),
    complaintId: z.uuid().optional(),
    limit: limitParam,
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListHandoffsQuery = z.infer<typeof listHandoffsQuery>;
