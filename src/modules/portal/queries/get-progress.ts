import type { AppContext } from '../../../http/context.js';
import { surveyUrl } from '../../surveys/survey-link.js';
import { complaintAttachments } from '../../attachments/attachment-store.js';
import type { CustomerPrincipal } from '../customer-principal.js';
import { departmentsByCode } from '../departments-by-code.js';
import { asPortalLocale, type PortalLocale } from '../portal-locale.js';
import { customerSteps, nextStepText, STEP_EVENT_TYPES } from '../progress-steps.js';
import { customerPromise } from '../promise.js';
import { findOwnComplaint } from './find-own-complaint.js';

const SURVEY_TYPES = ['survey.requested', 'survey.answered'] as const;

interface EventRow {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

interface MessageRow {
  id: string;
  kind: 'customer' | 'public_reply';
  channel: string;
  author_name: string | null;
  body: string;
  created_at: Date;
}

/** The survey link while a requested survey is unanswered and not expired (surveys module emits the events). */
function openSurvey(ctx: AppContext, events: readonly EventRow[], now: Date): { url: string; expiresAt: string } | null {
  let requested: { surveyId: string; expiresAt: Date } | null = null;
  for (const e of events) {
    if (e.type === 'survey.requested' && typeof e.data.surveyId === 'string' && typeof e.data.expiresAt === 'string') {
      requested = { surveyId: e.data.surveyId, expiresAt: new Date(e.data.expiresAt) };
    } else if (e.type === 'survey.answered' && requested && e.data.surveyId === requested.surveyId) {
      requested = null;
    }
  }
  if (!requested || Number.isNaN(requested.expiresAt.getTime()) || requested.expiresAt <= now) return null;
  return { url: surveyUrl(ctx.config, ctx.signingSecret, requested.surveyId, requested.expiresAt), expiresAt: requested.expiresAt.toISOString() };
}

/**
 * The progress page: customer-visible steps from the event log, the public conversation
 * (never internal notes), files, what happens next and what we promised. Staff-only events
 * are not even read: the query names the step types.
 */
export async function getProgress(ctx: AppContext, p: CustomerPrincipal, ref: string, asked: PortalLocale | undefined) {
  const now = ctx.clock.now();
  const c = await findOwnComplaint(ctx.db, p.customerId, ref);
  const locale = asked ?? asPortalLocale(c.customer_locale);
  const [events, messages, files, names] = await Promise.all([
    ctx.db.query<EventRow>(
      'select type, at, data from complaint_events where complaint_id = $1 and type = any($2::text[]) order by at, id',
      [c.id, [...STEP_EVENT_TYPES, ...SURVEY_TYPES]],
    ),
    ctx.db.query<MessageRow>(
      `select m.id, m.kind, m.channel, u.name as author_name, m.body, m.created_at
         from messages m left join users u on m.author_kind = 'user' and u.id = m.author_id
        where m.complaint_id = $1 and m.kind in ('customer', 'public_reply')
        order by m.created_at, m.seq`,
      [c.id],
    ),
    complaintAttachments(ctx.db, c.id),
    departmentsByCode(ctx.db),
  ]);
  const dept = locale === 'zh-CN' ? (c.department_name_zh ?? c.department_name) : c.department_name;
  const steps = customerSteps(events.filter((e) => e.type !== 'survey.requested' && e.type !== 'survey.answered'), names, locale);
  const fileRef = (f: (typeof files)[number]) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size });
  return {
    locale,
    id: c.id,
    number: c.number,
    subject: c.subject,
    description: c.description,
    status: c.status,
    orderNumber: c.order_number,
    department: dept,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    steps,
    nextStep: { text: nextStepText(c.status, dept, locale) },
    promise: customerPromise(c, now, locale),
    canReply: ['new', 'in_progress', 'awaiting_department', 'awaiting_customer', 'reopened', 'resolved'].includes(c.status),
    canConfirm: c.status === 'resolved',
    survey: openSurvey(ctx, events, now),
    attachments: files.filter((f) => f.messageId === null).map(fileRef),
    messages: messages.map((m) => ({
      id: m.id,
      from: m.kind === 'customer' ? 'you' as const : 'staff' as const,
      authorName: m.kind === 'customer' ? null : m.author_name,
      body: m.body,
      createdAt: m.created_at.toISOString(),
      attachments: files.filter((f) => f.messageId === m.id).map(fileRef),
    })),
  };
}
