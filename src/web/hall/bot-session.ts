/**
 * Where the bot panel keeps the signed chat token that resumes a conversation: this tab only
 * (sessionStorage), and only for the customer who started it, so another customer signing in
 * on the same tab starts their own chat instead of reading someone else's.
 */
const KEY = 'loopdesk.hall.chat';

interface Stored {
  customerId: string;
  token: string;
}

export function storedChat(customerId: string): string | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Stored>;
    return s.customerId === customerId && typeof s.token === 'string' ? s.token : null;
  } catch {
    return null;
  }
}

export function storeChat(customerId: string, token: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ customerId, token } satisfies Stored));
  } catch {
    // storage unavailable: the chat lasts this page only
  }
}

export function forgetChat(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
