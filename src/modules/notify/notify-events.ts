import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

/** Every notice names itself, what it tells and how it travels. */
const notice = { noticeId: z.string(), kind: z.string(), channel: z.enum(['email', 'sms', 'in_app']) };

export const NOTIFY_EVENTS = {
  'notice.queued': z.object({ ...notice, deferredUntil: z.string().optional() }),
  'notice.sent': z.object({ ...notice, attempt: z.number() }),
  // A failed attempt that will be retried at nextAttemptAt.
  'notice.failed': z.object({ ...notice, attempt: z.number(), error: z.string(), nextAttemptAt: z.string() }),
  // Given up: attempts exhausted or the provider refused for good (bad address, 4xx).
  'notice.dead': z.object({ ...notice, attempt: z.number(), error: z.string() }),
} as const;

/** What the customer sees (the notice) is physical evidence on the blueprint. */
export const NOTIFY_EVENT_LANES: Record<keyof typeof NOTIFY_EVENTS, Lane> = {
  'notice.queued': 'evidence',
  'notice.sent': 'evidence',
  'notice.failed': 'evidence',
  'notice.dead': 'evidence',
};
