import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

export const REPEAT_EVENTS = {
  'complaint.repeat_detected': z.object({ repeatOfId: z.string(), repeatOfNumber: z.string(), match: z.enum(['category', 'order']), windowDays: z.number() }),
  'complaint.duplicate_suggested': z.object({ candidateId: z.string(), candidateNumber: z.string(), similarity: z.number() }),
  'complaint.merged': z.object({ intoId: z.string(), intoNumber: z.string(), reason: z.string().nullable() }),
  'complaint.merge_received': z.object({ fromId: z.string(), fromNumber: z.string() }),
  'complaint.linked': z.object({ repeatOfId: z.string().nullable(), repeatOfNumber: z.string().nullable() }),
  'complaint.split': z.object({ intoId: z.string(), intoNumber: z.string(), messageIds: z.array(z.string()), reason: z.string().nullable() }),
  'complaint.split_from': z.object({ fromId: z.string(), fromNumber: z.string(), messageIds: z.array(z.string()) }),
  'followup.created': z.object({ followUpId: z.string(), kind: z.string(), assignedRole: z.string(), dueAt: z.string() }),
  'followup.completed': z.object({ followUpId: z.string(), note: z.string().nullable() }),
} as const;

export const REPEAT_EVENT_LANES: Partial<Record<keyof typeof REPEAT_EVENTS, Lane>> = {
  'complaint.repeat_detected': 'support',
  'complaint.duplicate_suggested': 'support',
  'followup.created': 'backstage',
  'followup.completed': 'backstage',
  'complaint.merged': 'backstage',
  'complaint.merge_received': 'backstage',
  'complaint.linked': 'backstage',
  'complaint.split': 'backstage',
  'complaint.split_from': 'backstage',
};
