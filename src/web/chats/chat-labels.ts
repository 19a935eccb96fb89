import { formatDuration } from '../format.js';
import { messages } from './chats.messages.js';
import type { StaffChat } from './chat-types.js';

type Key = Parameters<typeof messages>[0];

/** Text for a value the server names (reason, state, sender); an unknown value shows as it is. */
export function label(prefix: 'chats.reason' | 'chats.state' | 'chats.sender', value: string | null): string {
  if (!value) return '';
  const key = `${prefix}.${value}`;
  return key in messages.catalogue.en ? messages(key as Key) : value;
}

export const customerName = (s: Pick<StaffChat, 'customerName'>): string => s.customerName || messages('chats.visitor');

/** "waiting 3m 05s"; never negative (the hand-over line may be stamped a moment after the page's clock ticked). */
export const waitedFor = (since: string, now: number): string =>
  messages('chats.waitedFor', { duration: formatDuration(Math.max(0, now - Date.parse(since))) });
