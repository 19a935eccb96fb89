import type { ChatMessage } from './bot-types.js';

/** A line on screen: confirmed by the server, or the customer's own line still on its way. */
export interface Line extends ChatMessage {
  delivery: 'sending' | 'sent' | 'failed';
  /** Error code when the server refused the line (rate_limited, conflict …). */
  failure?: string;
}

/** The customer's own line before the server has it sorts after everything the server sent. */
export const LOCAL_SEQ = Number.MAX_SAFE_INTEGER;

/** Adds a server message once, in seq order; it replaces the optimistic copy of the same client id. */
export function mergeLine(lines: Line[], m: ChatMessage): Line[] {
  if (lines.some((l) => l.id === m.id)) return lines;
  const rest = m.clientId ? lines.filter((l) => !(l.delivery !== 'sent' && l.clientId === m.clientId)) : lines;
  return [...rest, { ...m, delivery: 'sent' as const }].sort((a, b) => a.seq - b.seq);
}


/**
 * The conversation as the server has it (on connect or reconnect), plus the customer's lines
 * it does not have yet: those are about to be resent, and failed ones stay visible.
 */
export function withHistory(lines: Line[], history: ChatMessage[]): Line[] {
  const known = new Set(history.map((m) => m.clientId).filter((id): id is string => id !== null));
  const unsent = lines.filter((l) => l.delivery !== 'sent' && !(l.clientId && known.has(l.clientId)));
  return [...history.map((m) => ({ ...m, delivery: 'sent' as const })), ...unsent];
}
