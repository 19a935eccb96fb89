import { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { idParams, limitParam, line, queryBool, text } from '../../http/schemas.js';
import type { Principal } from '../auth/principal.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { noticeRecipientFor } from '../customers/contact-visibility.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { NOTICE_KINDS, NOTICE_LOCALES } from './notice-kinds.js';
import { noticeToCustomerApi, noticeToStaffApi, type NoticeRow } from './notice-row.js';
import { DEFAULT_TEMPLATES, templateProblems, TEMPLATE_VARIABLES } from './notice-templates.js';
import { isValidTimeZone } from './quiet-hours.js';
import { loadTemplates } from './template-store.js';

function requireCustomer(p: Principal): string {
  if (p.kind !== 'customer') throw new AppError('forbidden', 'Only a signed-in customer has notices here.');
  return p.customerId;
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM (00:00–23:59)' });
const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const preferencesSchema = z.object({
  channel: z.enum(['email', 'sms', 'in_app', 'none']),
  quietHours: z.object({ start: HHMM, end: HHMM }).strict().nullable().optional(),
  timeZone: line(64).refine(isValidTimeZone, { message: 'not a known IANA time zone' }).nullable().optional(),
}).strict();

const templateSchema = z.object({ subject: line(300), body: text(5000), sms: line(500) }).strict();
const templateParams = z.object({ kind: z.enum(NOTICE_KINDS), locale: z.enum(NOTICE_LOCALES) });

const CUSTOMER_SELECT = `select n.*, c.number from notices n join complaints c on c.id = n.complaint_id`;

export const noticeRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/notices', tag: 'notices', auth: 'required',
    summary: 'Progress notices of a complaint and their delivery status (staff)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ALL_STAFF, 'read notices');
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      const rows = await ctx.db.query<NoticeRow>('select * from notices where complaint_id = $1 order by created_at, event_id, id', [id]);
      // The recipient is the customer's email or phone: not for back-office staff.
      return { items: rows.map((r) => ({ ...noticeToStaffApi(r), recipient: noticeRecipientFor(principal, r.recipient) })), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/notices', tag: 'portal', auth: 'required',
    summary: 'My in-app notices, newest first (customer session)',
    query: z.object({ unread: queryBool.optional(), limit: limitParam, complaintId: z.uuid().optional() }).strict(),
    async handler({ ctx, principal, query }) {
      const me = requireCustomer(principal);
      const rows = await ctx.db.query<NoticeRow>(
        `${CUSTOMER_SELECT}
          where n.customer_id = $1 and n.channel = 'in_app' and n.status = 'sent'
            ${query.unread ? 'and n.read_at is null' : ''} ${query.complaintId ? 'and n.complaint_id = $2' : ''}
          order by n.created_at desc, n.id desc limit ${query.limit}`,
        query.complaintId ? [me, query.complaintId] : [me],
      );
      const [unread] = await ctx.db.query<{ n: number }>(
        `select count(*)::int as n from notices where customer_id = $1 and channel = 'in_app' and status = 'sent' and read_at is null`, [me],
      );
      return { items: rows.map(noticeToCustomerApi), nextCursor: null, unread: unread?.n ?? 0 };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/notices/:id', tag: 'portal', auth: 'required',
    summary: 'One of my notices (another customer\'s answers 404)', params: idParams,
    async handler({ ctx, principal, params }) {
      const me = requireCustomer(principal);
      const [row] = await ctx.db.query<NoticeRow>(
        `${CUSTOMER_SELECT} where n.id = $1 and n.customer_id = $2 and n.channel = 'in_app' and n.status = 'sent'`, [params.id, me],
      );
      if (!row) throw notFound('No such notice.');
      return noticeToCustomerApi(row);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/notices/:id/read', tag: 'portal', auth: 'required',
    summary: 'Mark one of my notices read', params: idParams,
    async handler({ ctx, principal, params }) {
      const me = requireCustomer(principal);
      const rows = await ctx.db.query(
        `update notices set read_at = coalesce(read_at, $3)
          where id = $1 and customer_id = $2 and channel = 'in_app' and status = 'sent' returning 1`,
        [params.id, me, ctx.clock.now()],
      );
      if (!rows.length) throw notFound('No such notice.');
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/notices/read-all', tag: 'portal', auth: 'required',
    summary: 'Mark all my notices read',
    async handler({ ctx, principal }) {
      const me = requireCustomer(principal);
      const rows = await ctx.db.query(
        `update notices set read_at = $2 where customer_id = $1 and channel = 'in_app' and status = 'sent' and read_at is null returning 1`,
        [me, ctx.clock.now()],
      );
      return { ok: true, marked: rows.length };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/notice-preferences', tag: 'portal', auth: 'required',
    summary: 'How I want to hear about my complaints (null channel: decided by each complaint\'s channel)',
    async handler({ ctx, principal }) {
      const me = requireCustomer(principal);
      const [p] = await ctx.db.query<{ channel: string; quiet_start: number | null; quiet_end: number | null; time_zone: string | null }>(
        'select channel, quiet_start, quiet_end, time_zone from customer_notice_preferences where customer_id = $1', [me],
      );
      return {
        channel: p?.channel ?? null,
        quietHours: p && p.quiet_start !== null && p.quiet_end !== null ? { start: toHhmm(p.quiet_start), end: toHhmm(p.quiet_end) } : null,
        timeZone: p?.time_zone ?? null,
        defaults: { quietHours: ctx.config.NOTICE_QUIET_HOURS, timeZone: ctx.config.NOTICE_TIME_ZONE },
      };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/portal/notice-preferences', tag: 'portal', auth: 'required',
    summary: 'Choose email / sms / in_app / none, and my own quiet hours and time zone',
    body: preferencesSchema,
    async handler({ ctx, principal, body }) {
      const me = requireCustomer(principal);
      await ctx.db.query(
        `insert into customer_notice_preferences (customer_id, channel, quiet_start, quiet_end, time_zone, updated_at)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (customer_id) do update set channel = excluded.channel, quiet_start = excluded.quiet_start,
           quiet_end = excluded.quiet_end, time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
        [me, body.channel, body.quietHours ? toMinutes(body.quietHours.start) : null, body.quietHours ? toMinutes(body.quietHours.end) : null,
          body.timeZone ?? null, ctx.clock.now()],
      );
      return { channel: body.channel, quietHours: body.quietHours ?? null, timeZone: body.timeZone ?? null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/notice-templates', tag: 'notices', auth: 'required',
    summary: 'Notice wording per kind and locale, with the variables each may use and the built-in wording (`default`) it replaces (admin)',
    async handler({ ctx, principal }) {
      requireRole(principal, ['admin'], 'read notice templates');
      const all = await loadTemplates(ctx.db);
      return { items: all.map((t) => ({ ...t, variables: TEMPLATE_VARIABLES[t.kind], default: DEFAULT_TEMPLATES[t.kind][t.locale] })), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/admin/notice-templates/:kind/:locale', tag: 'notices', auth: 'required',
    summary: 'Reword one notice (422 for a variable the kind does not offer)',
    params: templateParams, body: templateSchema,
    async handler({ ctx, principal, params, body }) {
      const admin = requireRole(principal, ['admin'], 'edit notice templates');
      const details = (['subject', 'body', 'sms'] as const).flatMap((f) =>
        templateProblems(params.kind, body[f]).map((message) => ({ path: `body.${f}`, message })),
      );
      if (details.length) throw new AppError('validation_failed', 'The template uses variables this notice does not have.', details);
      const now = ctx.clock.now();
      await ctx.db.query(
        `insert into notice_templates (kind, locale, subject, body, sms, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (kind, locale) do update set subject = excluded.subject, body = excluded.body, sms = excluded.sms,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [params.kind, params.locale, body.subject, body.body, body.sms, admin.userId, now],
      );
      return { kind: params.kind, locale: params.locale, ...body, custom: true, updatedAt: now.toISOString(), variables: TEMPLATE_VARIABLES[params.kind] };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/admin/notice-templates/:kind/:locale', tag: 'notices', auth: 'required',
    summary: 'Back to the built-in wording', params: templateParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, ['admin'], 'edit notice templates');
      await ctx.db.query('delete from notice_templates where kind = $1 and locale = $2', [params.kind, params.locale]);
      return { ok: true };
    },
  }),
];
