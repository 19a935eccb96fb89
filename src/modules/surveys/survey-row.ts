import type { Queryable } from '../../db/database.js';

export type SurveyStatus = 'scheduled' | 'sent' | 'reminded' | 'answered' | 'expired' | 'cancelled';

export interface SurveyRow {
  id: string;
  complaint_id: string;
  cycle: number;
  status: SurveyStatus;
  channel: 'email' | 'sms' | 'in_app';
  resolved_at: Date;
  send_at: Date;
  sent_at: Date | null;
  reminder_at: Date | null;
  reminded_at: Date | null;
  expires_at: Date;
  answered_at: Date | null;
  csat: number | null;
  nps: number | null;
  comment: string | null;
  reopened_at: Date | null;
  cancelled_at: Date | null;
  agent_id: string | null;
  department_id: string | null;
  category: string;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What staff see of a survey (GET /api/v1/complaints/:id/surveys). */
export function surveyToApi(r: SurveyRow) {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    cycle: r.cycle,
    status: r.status,
    channel: r.channel,
    resolvedAt: r.resolved_at.toISOString(),
    sendAt: r.send_at.toISOString(),
    sentAt: iso(r.sent_at),
    reminderAt: iso(r.reminder_at),
    remindedAt: iso(r.reminded_at),
    expiresAt: r.expires_at.toISOString(),
    answeredAt: iso(r.answered_at),
    csat: r.csat,
    nps: r.nps,
    comment: r.comment,
    reopenedAt: iso(r.reopened_at),
    cancelledAt: iso(r.cancelled_at),
    agentId: r.agent_id,
    departmentId: r.department_id,
  };
}

export async function listComplaintSurveys(db: Queryable, complaintId: string) {
  const rows = await db.query<SurveyRow>('select * from surveys where complaint_id = $1 order by cycle', [complaintId]);
  return rows.map(surveyToApi);
}
