import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

/**
 * What the bot did. `bot.handover` is written to the complaint's event log with the complaint
 * it created or updated; all three also go to the chat session's own log (chat_events), so
 * deflections — sessions that never became a complaint — are counted too.
 */
export const BOT_EVENTS = {
  'bot.answered': z.object({ sessionId: z.string(), articleId: z.string(), slug: z.string(), coverage: z.number() }),
  'bot.deflected': z.object({ sessionId: z.string(), articleId: z.string().nullable(), reason: z.string() }),
  'bot.handover': z.object({
    sessionId: z.string(),
    reason: z.enum(['requested', 'emotion', 'unanswered']),
    transcriptMessages: z.number(),
    created: z.boolean(),
  }),
} as const;

export type BotEventType = keyof typeof BOT_EVENTS;

/** The bot acts at the line of interaction, like an agent answering: frontstage. */
export const BOT_EVENT_LANES: Record<BotEventType, Lane> = {
  'bot.answered': 'frontstage',
  'bot.deflected': 'frontstage',
  'bot.handover': 'frontstage',
};
