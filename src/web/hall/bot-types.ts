/** Shapes of the chat WebSocket frames the service hall's bot panel reads (src/modules/chat). */
export type ChatState =
  | 'bot' | 'awaiting_feedback' | 'awaiting_clarification' | 'awaiting_order' | 'awaiting_contact'
  | 'waiting_for_agent' | 'with_agent' | 'closed';

export interface ChatSession {
  id: string;
  state: ChatState;
  locale: 'zh-CN' | 'en';
  complaintId: string | null;
  handoverReason: string | null;
}

export interface ChatMessage {
  id: string;
  seq: number;
  sender: 'customer' | 'bot' | 'agent' | 'system';
  body: string;
  options?: Array<{ label: string; value: string }>;
  article?: { id: string; slug: string; title: string; url: string };
  order?: { number: string; status: string };
  clientId: string | null;
  createdAt: string;
}

export type ServerFrame =
  | { type: 'welcome'; session: ChatSession; sessionToken: string; messages: ChatMessage[] }
  | { type: 'message'; message: ChatMessage }
  | { type: 'session'; session: ChatSession }
  | { type: 'ack'; clientId: string | null; id: string; seq: number; duplicate: boolean }
  | { type: 'error'; code: string; message: string; clientId?: string }
  | { type: 'pong' };

/** People, not the bot, answer in these states. */
export const HUMAN_STATES: readonly ChatState[] = ['waiting_for_agent', 'with_agent'];
