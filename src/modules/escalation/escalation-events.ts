import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

export const ESCALATION_EVENTS = {
  'complaint.escalated': z.object({
    level: z.number(),
    cause: z.enum(['first_response', 'resolution']),
    notified: z.array(z.string()),
    reassignedTo: z.string().nullable(),
  }),
  'notification.staff': z.object({ kind: z.string(), recipients: z.array(z.string()), cause: z.string() }),
} as const;

export const ESCALATION_EVENT_LANES: Partial<Record<keyof typeof ESCALATION_EVENTS, Lane>> = {
  'complaint.escalated': 'support',
  'notification.staff': 'support',
};
