import { z } from 'zod';
import { text } from '../../http/schemas.js';
import { CHAT_LOCALES } from './chat-store.js';

/** A chat line: long enough for a full complaint, short enough that a flood cannot fill the database quickly. */
export const MAX_CHAT_TEXT = 2000;

export const chatText = text(MAX_CHAT_TEXT);
export const clientIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, { message: 'letters, digits and _.:-' });

export const botMessageSchema = z
  .object({
    sessionId: z.uuid().optional(),
    sessionToken: z.string().min(1).max(500).optional(),
    text: chatText,
    locale: z.enum(CHAT_LOCALES).default('zh-CN'),
    clientId: clientIdSchema.optional(),
  })
  .strict();

export const agentMessageSchema = z.object({ text: chatText, clientId: clientIdSchema.optional() }).strict();
export const sessionListQuery = z.object({ state: z.enum(['waiting_for_agent', 'with_agent']).optional() });
