/** A chat as the staff list and transcript describe it (GET /api/v1/chat/sessions…). */
export interface StaffChat {
  id: string;
  state: 'bot' | 'awaiting_feedback' | 'awaiting_clarification' | 'awaiting_order' | 'awaiting_contact' | 'waiting_for_agent' | 'with_agent' | 'closed';
  locale: string;
  customerId: string | null;
  complaintId: string | null;
  agentId: string | null;
  handoverReason: string | null;
  customerName: string | null;
  complaintNumber: string | null;
  agentName: string | null;
  waitingSince: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChatLine {
  id: string;
  seq: number;
  sessionId: string;
  sender: 'customer' | 'bot' | 'agent' | 'system';
  body: string;
  clientId: string | null;
  createdAt: string;
  order?: { number: string; status: string };
  article?: { title: string; url: string };
}
