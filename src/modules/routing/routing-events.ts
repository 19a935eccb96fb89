import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

const change = <T extends z.ZodType>(t: T) => z.object({ from: t, to: t }).nullable();

export const ROUTING_EVENTS = {
  // Which rule set version routed the complaint, which rules fired and what their actions did.
  'routing.applied': z.object({
    ruleSetId: z.string().nullable(),
    version: z.number(),
    fired: z.array(z.object({ ruleId: z.string(), name: z.string(), actions: z.array(z.record(z.string(), z.unknown())) })),
    stoppedBy: z.string().nullable(),
    changes: z.object({
      department: change(z.string().nullable()),
      severity: change(z.string()),
      team: z.string().nullable(),
      tagsAdded: z.array(z.string()),
      assigneeId: z.string().nullable(),
    }),
    evaluationMs: z.number(),
    problem: z.string().optional(),
  }),
  // The intent only: the knowledge base that sends the article is built later.
  'routing.auto_reply_requested': z.object({ articleSlug: z.string(), ruleId: z.string(), version: z.number() }),
} as const;

export const ROUTING_EVENT_LANES: Record<keyof typeof ROUTING_EVENTS, Lane> = {
  'routing.applied': 'support',
  'routing.auto_reply_requested': 'support',
};
