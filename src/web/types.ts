/** Shapes of the Loopdesk API as the web UI consumes them. */
// The lifecycle is the server's: one table, so the UI never offers a move the server refuses.
export { STATUSES, TRANSITIONS, type Status } from '../modules/complaints/lifecycle.js';
import type { Status } from '../modules/complaints/lifecycle.js';

export const SEVERITIES = ['general', 'serious', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'logistics', 'product_quality', 'refund', 'billing', 'service_attitude', 'technical', 'safety', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['web', 'chat', 'email', 'phone', 'social', 'api', 'webhook', 'hall'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANES = ['evidence', 'customer', 'frontstage', 'backstage', 'support'] as const;
export type Lane = (typeof LANES)[number];

export type ClockState = 'running' | 'at_risk' | 'breached' | 'met' | 'met_late' | 'paused' | 'stopped';


export interface SlaClock {
  dueAt: string | null;
  atRiskAt: string | null;
  metAt: string | null;
  state: ClockState;
  remainingMs: number | null;
}

export interface Sla {
  policy: string | null;
  cycle: number;
  paused: boolean;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponse: SlaClock;
  resolution: SlaClock;
  atRisk: boolean;
  breached: boolean;
  remainingMs: number | null;
}

export interface Complaint {
  id: string;
  number: string;
  status: Status;
  channel: Channel;
  subject: string;
  description: string;
  category: Category;
  severity: Severity;
  department: string | null;
  departmentName: string | null;
  departmentNameZh: string | null;
  assignee: { id: string; name: string } | null;
  customer: { id: string; name: string; tier: 'normal' | 'vip' };
  orderNumber: string | null;
  amountClaimed: number | null;
  currency: string | null;
  tags: string[];
  /** Links to other complaints (see complaint/complaint-links.ts). */
  repeatOfId?: string | null;
  mergedIntoId?: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sla: Sla | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TimelineEvent {
  id: string;
  type: string;
  lane: Lane;
  actor: { kind: string; id: string | null; role: string | null; name?: string | null };
  at: string;
  data: Record<string, unknown> | null;
}

export type MessageKind = 'customer' | 'public_reply' | 'internal_note';

export interface Message {
  id: string;
  kind: MessageKind;
  channel: string | null;
  author: { kind: string; id: string | null; name: string | null } | null;
  body: string;
  attachments: Array<{ name: string; contentType?: string; size?: number; url?: string }> | null;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  departmentId: string | null;
  locale: string;
}

export interface LoginResponse {
  token: string;
  user: User;
}

export type Principal =
  | { kind: 'user'; userId: string; name: string; email: string; role: string; departmentId: string | null }
  | { kind: 'customer'; customerId: string; name: string };
