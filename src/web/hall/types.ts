/** Shapes of the portal API answers the hall reads. */
export interface HallOrder {
  id: string;
  number: string;
  items: Array<{ name: string; qty: number }>;
  amount: number;
  currency: string;
  status: string;
  placedAt: string;
  hasOpenComplaint: boolean;
  openComplaintNumber: string | null;
}

export interface HallComplaintSummary {
  id: string;
  number: string;
  subject: string;
  status: string;
  orderNumber: string | null;
  step: { kind: string; label: string };
  updatedAt: string;
}

export interface HallHome {
  customer: { id: string; name: string };
  recentOrders: HallOrder[];
  openComplaints: HallComplaintSummary[];
}

export interface HallPromise {
  kind: string;
  dueAt: string;
  minutes: number;
  text: string;
}

export interface HallFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface HallProgress {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: string;
  orderNumber: string | null;
  steps: Array<{ kind: string; at: string; department: string | null; label: string }>;
  nextStep: { text: string };
  promise: HallPromise | null;
  canReply: boolean;
  canConfirm: boolean;
  survey: { url: string; expiresAt: string } | null;
  attachments: HallFile[];
  messages: Array<{ id: string; from: 'you' | 'staff'; authorName: string | null; body: string; createdAt: string; attachments: HallFile[] }>;
}

export interface HallSuggestion {
  category: { code: string; name: string } | null;
  confidence: number;
  vague: boolean;
  clarify: Array<{ id: string; category: string; label: string; text: string }>;
  articles: Array<{ id: string; slug: string; title: string; excerpt: string }>;
}
