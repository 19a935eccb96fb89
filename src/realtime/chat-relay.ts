import type { Role } from '../modules/auth/principal.js';
import { FRONT_LINE } from '../modules/auth/require-role.js';
import type { BusMessage } from './bus.js';
import type { LiveClient } from './live-hub.js';

/** How many chats one tab may follow at once (a person handles a few; this bounds memory). */
export const MAX_WATCHED_CHATS = 20;

/** The staff who answer chats; everyone else (department staff, analysts, customers) hears nothing of them. */
export function mayFollowChats(role: Role): boolean {
  return FRONT_LINE.includes(role);
}

export function isChatTopic(m: BusMessage): boolean {
  return (m.topic === 'chat.session' || m.topic === 'chat.message') && typeof m.sessionId === 'string';
}

/**
 * Chat on the staff live channel, as hints like everything else there (the tab re-reads
 * through the API): `chat.session` (a chat was handed over, joined or closed) goes to every
 * tab that may take chats — it keeps the waiting list and its badge current; `chat.message`
 * ({sessionId, seq}) only to tabs that have that chat open, so the bot's conversations with
 * every visitor do not reach every agent.
 */
export function relayChat(clients: Iterable<LiveClient>, m: BusMessage): void {
  const sessionId = m.sessionId as string;
  const frame = m.topic === 'chat.session'
    ? JSON.stringify({ type: 'chat.session', sessionId, state: typeof m.state === 'string' ? m.state : null })
    : JSON.stringify({ type: 'chat.message', sessionId, seq: Number(m.seq) });
  for (const c of clients) {
    if (!mayFollowChats(c.principal.role)) continue;
    if (m.topic === 'chat.message' && !c.chats.has(sessionId)) continue;
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(frame);
  }
}
