import { z } from 'zod';
import { REPEAT_EVENT_LANES, REPEAT_EVENTS } from '../repeats/repeat-events.js';
import { ESCALATION_EVENT_LANES, ESCALATION_EVENTS } from '../escalation/escalation-events.js';
import { APPROVAL_EVENT_LANES, APPROVAL_EVENTS } from '../approvals/approval-events.js';
import { HANDOFF_EVENT_LANES, HANDOFF_EVENTS } from '../handoffs/handoff-events.js';
import { SURVEY_EVENT_LANES, SURVEY_EVENTS } from '../surveys/survey-events.js';
import { ROUTING_EVENT_LANES, ROUTING_EVENTS } from '../routing/routing-events.js';
import { CHANNEL_EVENT_LANES, CHANNEL_EVENTS } from '../channels/channel-events.js';
import { BOT_EVENT_LANES, BOT_EVENTS } from '../bot/bot-events.js';
import { NOTIFY_EVENT_LANES, NOTIFY_EVENTS } from '../notify/notify-events.js';

export const LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'] as const;
export type Lane = (typeof LANES)[number];

const clock = z.enum(['first_response', 'resolution']);
const iso = z.string();

/**
 * One typed payload per event type (DESIGN §4). Appending an event validates its payload
 * against this table, so the log never holds a shape nobody declared.
 */
const CORE_EVENTS = {
  'complaint.created': z.object({
    number: z.string(),
    channel: z.string(),
    subject: z.string(),
    customerId: z.string(),
    orderId: z.string().nullable(),
    amountClaimed: z.number().nullable(),
  }),
  'complaint.classified': z.object({
    category: z.string(),
    severity: z.string(),
    source: z.enum(['request', 'default', 'classifier']),
    confidence: z.number().optional(),
    reasons: z.array(z.string()).optional(),
    emotion: z.object({ anger: z.number(), urgency: z.number(), threat: z.number(), intensity: z.number() }).optional(),
    language: z.string().optional(),
    needsTriage: z.boolean().optional(),
  }),
  'complaint.routed': z.object({ department: z.string().nullable(), reason: z.string() }),
  'complaint.status_changed': z.object({ from: z.string(), to: z.string(), reason: z.string().nullable(), resolutionCode: z.string().optional() }),
  'complaint.assigned': z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  'complaint.severity_changed': z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() }),
  'complaint.category_changed': z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() }),
  'complaint.department_changed': z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  'complaint.tags_changed': z.object({ from: z.array(z.string()), to: z.array(z.string()) }),
  // A person overruled the classification: a labelled example for retraining the classifier.
  'classification.corrected': z.object({
    category: z.object({ from: z.string(), to: z.string() }),
    severity: z.object({ from: z.string(), to: z.string() }),
    reason: z.string().nullable(),
  }),
  'message.customer': z.object({ messageId: z.string(), channel: z.string(), length: z.number() }),
  'message.public_reply': z.object({ messageId: z.string(), channel: z.string(), length: z.number(), firstResponse: z.boolean() }),
  'message.internal_note': z.object({ messageId: z.string(), length: z.number() }),
  'sla.started': z.object({
    cycle: z.number(),
    severity: z.string(),
    firstResponseDueAt: iso,
    resolutionDueAt: iso,
  }),
  'sla.recomputed': z.object({ cycle: z.number(), reason: z.string(), firstResponseDueAt: iso, resolutionDueAt: iso }),
  'sla.paused': z.object({ cycle: z.number(), reason: z.string() }),
  'sla.resumed': z.object({ cycle: z.number(), pausedMs: z.number(), firstResponseDueAt: iso, resolutionDueAt: iso }),
  'sla.first_response_met': z.object({ cycle: z.number(), dueAt: iso, withinSla: z.boolean() }),
  'sla.at_risk': z.object({ cycle: z.number(), clock, dueAt: iso, elapsedRatio: z.number() }),
  'sla.breached': z.object({ cycle: z.number(), clock, dueAt: iso }),
} as const;

/**
 * Modules that own more event types declare their payload schemas (and fixed lanes) in
 * their own `<module>-events.ts` and are spread in here, so the log has one registry.
 */
export const EVENT_PAYLOADS = {
  ...CORE_EVENTS,
  ...REPEAT_EVENTS,
  ...ESCALATION_EVENTS,
  ...APPROVAL_EVENTS,
  ...HANDOFF_EVENTS,
  ...SURVEY_EVENTS,
  ...ROUTING_EVENTS,
  ...CHANNEL_EVENTS,
  ...BOT_EVENTS,
  ...NOTIFY_EVENTS,
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

/** Lane of an event whose lane does not depend on who did it. */
const FIXED_LANE: Partial<Record<EventType, Lane>> = {
  ...REPEAT_EVENT_LANES,
  ...ESCALATION_EVENT_LANES,
  ...APPROVAL_EVENT_LANES,
  ...HANDOFF_EVENT_LANES,
  ...SURVEY_EVENT_LANES,
  ...ROUTING_EVENT_LANES,
  ...CHANNEL_EVENT_LANES,
  ...BOT_EVENT_LANES,
  ...NOTIFY_EVENT_LANES,
  'complaint.created': 'customer',
  'message.customer': 'customer',
  'message.public_reply': 'frontstage',
  'message.internal_note': 'backstage',
  'complaint.classified': 'support',
  'complaint.routed': 'support',
  'sla.started': 'support',
  'sla.recomputed': 'support',
  'sla.paused': 'support',
  'sla.resumed': 'support',
  'sla.first_response_met': 'support',
  'sla.at_risk': 'support',
  'sla.breached': 'support',
};

const INTERNAL_DECISIONS = new Set<EventType>([
  'complaint.assigned',
  'complaint.severity_changed',
  'complaint.category_changed',
  'complaint.department_changed',
  'complaint.tags_changed',
  'classification.corrected',
]);

/**
 * Where a step happens on the blueprint: fixed for most types; for actions anyone may take
 * (status changes, re-classification) it follows the actor — a customer acts in the customer
 * lane, department staff backstage, front-line staff frontstage, the system in support.
 */
export function laneFor(type: EventType, actor: { kind: string; role: string | null }): Lane {
  const fixed = FIXED_LANE[type];
  if (fixed) return fixed;
  if (actor.kind === 'customer') return 'customer';
  if (actor.kind === 'system') return 'support';
  // Re-assigning or re-classifying is staff work the customer does not see.
  if (INTERNAL_DECISIONS.has(type)) return 'backstage';
  if (actor.kind === 'bot') return 'frontstage';
  if (actor.role === 'department_staff') return 'backstage';
  return 'frontstage';
}
