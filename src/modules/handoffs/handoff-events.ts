import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

const iso = z.string();
/** Every hand-off event names its task and the department (XES org:group). */
const task = { handoffId: z.string(), department: z.string() };

export const HANDOFF_EVENTS = {
  'handoff.requested': z.object({
    ...task,
    note: z.string(),
    sequence: z.number(),
    transfers: z.number(),
    forwardDueAt: iso,
    answerDueAt: iso,
  }),
  'handoff.acknowledged': z.object({ ...task, forwardDueAt: iso, withinDeadline: z.boolean(), implicit: z.boolean() }),
  'handoff.answered': z.object({
    ...task,
    messageId: z.string(),
    outcome: z.string().nullable(),
    answerDueAt: iso,
    withinDeadline: z.boolean(),
    returnedToFrontLine: z.boolean(),
  }),
  'handoff.cancelled': z.object({ ...task, reason: z.string(), returnedToFrontLine: z.boolean() }),
  /**
   * The department passed its task on: `handoffId`/`department` name the task that ended, `to*`
   * the one that opened in its place with the receiving department's own deadlines. One event
   * for both, so a pass reads as one step (and is not a new request the customer is told about).
   */
  'handoff.passed': z.object({
    ...task,
    toHandoffId: z.string(),
    toDepartment: z.string(),
    note: z.string(),
    sequence: z.number(),
    transfers: z.number(),
    forwardDueAt: iso,
    answerDueAt: iso,
  }),
  /** The department gave the task back unanswered; `reason` is its note (also an internal note in the conversation). */
  'handoff.returned': z.object({ ...task, reason: z.string(), messageId: z.string(), returnedToFrontLine: z.boolean() }),
  'handoff.forward_overdue': z.object({ ...task, dueAt: iso }),
  'handoff.answer_overdue': z.object({ ...task, dueAt: iso }),
  'handoff.ping_pong_flagged': z.object({ handoffId: z.string(), transfers: z.number(), departments: z.array(z.string()) }),
} as const;

/** Department work happens behind the line of visibility: every hand-off step is backstage. */
export const HANDOFF_EVENT_LANES: Record<keyof typeof HANDOFF_EVENTS, Lane> = {
  'handoff.requested': 'backstage',
  'handoff.acknowledged': 'backstage',
  'handoff.answered': 'backstage',
  'handoff.cancelled': 'backstage',
  'handoff.passed': 'backstage',
  'handoff.returned': 'backstage',
  'handoff.forward_overdue': 'backstage',
  'handoff.answer_overdue': 'backstage',
  'handoff.ping_pong_flagged': 'backstage',
};
