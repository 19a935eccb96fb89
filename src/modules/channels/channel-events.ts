import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

/**
 * Intake through the outside channels. The customer's words themselves are `message.customer`
 * (or `complaint.created`); these record how they arrived, for the audit trail and the blueprint.
 */
export const CHANNEL_EVENTS = {
  'email.received': z.object({
    inboundEmailId: z.string(),
    /** Our message row, null when the email opened the complaint (its text is the description). */
    messageId: z.string().nullable(),
    emailMessageId: z.string().nullable(),
    from: z.string(),
    threadedBy: z.enum(['references', 'subject']).nullable(),
    /** A reply that named another customer's complaint became a complaint of its own. */
    threadRefused: z.string().nullable(),
    attachments: z.number(),
    rejectedAttachments: z.number(),
    truncated: z.boolean(),
  }),
  'webhook.received': z.object({
    source: z.string(),
    externalMessageId: z.string(),
    messageId: z.string().nullable(),
    threaded: z.boolean(),
  }),
  'call.logged': z.object({
    messageId: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    durationSeconds: z.number(),
    outcome: z.string(),
  }),
} as const;

/** Mail and partner messages are the customer acting; a logged call is a visible contact by an agent. */
export const CHANNEL_EVENT_LANES: Record<keyof typeof CHANNEL_EVENTS, Lane> = {
  'email.received': 'customer',
  'webhook.received': 'customer',
  'call.logged': 'frontstage',
};
