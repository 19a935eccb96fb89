/** A notice as the staff view and the service hall show it. */
export interface NoticeRow {
  id: string;
  complaint_id: string;
  number?: string;
  kind: string;
  channel: string;
  locale: string;
  recipient: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  subject: string | null;
  body: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
}

export function noticeToStaffApi(r: NoticeRow) {
  return {
    id: r.id, complaintId: r.complaint_id, kind: r.kind, channel: r.channel, locale: r.locale, recipient: r.recipient,
    status: r.status, attempts: r.attempts,
    // While waiting (queued / retrying / quiet hours) the next try; meaningless once settled.
    nextAttemptAt: r.status === 'queued' || r.status === 'failed' ? r.next_attempt_at.toISOString() : null,
    lastError: r.last_error, subject: r.subject, body: r.body, messageId: r.message_id,
    createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null, readAt: r.read_at?.toISOString() ?? null,
  };
}

/** What the customer sees: the words, the complaint, when, and whether they read it. */
export function noticeToCustomerApi(r: NoticeRow) {
  return {
    id: r.id, complaintId: r.complaint_id, complaintNumber: r.number ?? null, kind: r.kind, title: r.subject, body: r.body,
    createdAt: (r.sent_at ?? r.created_at).toISOString(), readAt: r.read_at?.toISOString() ?? null,
  };
}
