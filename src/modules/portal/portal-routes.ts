import { z } from 'zod';
import { AppError } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { line, text } from '../../http/schemas.js';
import { ATTACHMENT_LIMITS, saveUpload } from '../attachments/attachment-store.js';
import { changeStatus } from '../complaints/commands/change-status.js';
import { LIMITS } from '../complaints/complaint-schema.js';
import { CATEGORIES } from '../complaints/taxonomy.js';
import { fileComplaint } from './commands/file-complaint.js';
import { replyAsCustomer } from './commands/reply.js';
import { requireCustomer } from './customer-principal.js';
import { asPortalLocale, portalLocale } from './portal-locale.js';
import { findOwnComplaint } from './queries/find-own-complaint.js';
import { getHome } from './queries/get-home.js';
import { getProgress } from './queries/get-progress.js';
import { suggest } from './suggest/suggest.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const refParams = z.object({ ref: z.string().max(64).describe('complaint number (C-2026-000123) or id') });
const localeQuery = z.object({ locale: portalLocale.optional() }).strict();
const attachmentIds = z.array(z.uuid({ message: 'not a valid id' })).max(ATTACHMENT_LIMITS.maxPerItem, { message: `at most ${ATTACHMENT_LIMITS.maxPerItem} files` });

/** The locale of a customer's page: asked for, else the customer's own. */
async function localeOf(db: Parameters<typeof findOwnComplaint>[0], customerId: string, asked: 'zh-CN' | 'en' | undefined) {
  if (asked) return asked;
  const [c] = await db.query<{ locale: string }>('select locale from customers where id = $1', [customerId]);
  return asPortalLocale(c?.locale);
}

export const portalRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/portal/home', tag: 'portal', auth: 'required',
    summary: "Service hall first screen (customer): recent orders (90 days, marked when a complaint is open) and complaints in play",
    query: localeQuery,
    handler: ({ ctx, principal, query }) => getHome(ctx, requireCustomer(principal).customerId, query.locale),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/complaints/:ref', tag: 'portal', auth: 'required',
    summary: "Progress page (customer): visible steps with times, next step, the SLA promise, public messages only",
    params: refParams, query: localeQuery,
    handler: ({ ctx, principal, params, query }) => getProgress(ctx, requireCustomer(principal), params.ref, query.locale),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/complaints', tag: 'portal', auth: 'required',
    summary: 'File a complaint from the service hall (web channel); answers with the SLA promise. Honours Idempotency-Key',
    body: z.object({
      subject: line(LIMITS.subject).optional(),
      description: text(LIMITS.description),
      orderId: line(64).optional().describe('order id or number (your own)'),
      category: z.enum(CATEGORIES).optional().describe('from a clarifying choice'),
      attachmentIds: attachmentIds.optional(),
      locale: portalLocale.optional(),
    }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, body, req, reply }) {
      const p = requireCustomer(principal);
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters.', [{ path: 'headers.idempotency-key', message: 'invalid' }]);
      }
      const { locale, ...input } = body;
      const out = await fileComplaint(ctx, p, input, await localeOf(ctx.db, p.customerId, locale), key);
      if (out.replayed) void reply.header('idempotent-replayed', 'true');
      return out.result;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/complaints/:ref/messages', tag: 'portal', auth: 'required',
    summary: 'Reply in your complaint (with files)',
    params: refParams,
    body: z.object({ body: text(LIMITS.message), attachmentIds: attachmentIds.optional() }).strict(),
    response: { status: 201 },
    handler: ({ ctx, principal, params, body }) => replyAsCustomer(ctx, requireCustomer(principal), params.ref, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/complaints/:ref/confirm-resolution', tag: 'portal', auth: 'required',
    summary: 'Confirm the resolution: a resolved complaint is closed (409 invalid_transition otherwise)',
    params: refParams,
    async handler({ ctx, principal, params }) {
      const p = requireCustomer(principal);
      const c = await findOwnComplaint(ctx.db, p.customerId, params.ref);
      const r = await changeStatus(ctx, p, c.id, { status: 'closed', reason: 'customer confirmed the resolution' });
      return { id: r.id, number: r.number, status: r.status };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/complaints/:ref/reopen', tag: 'portal', auth: 'required',
    summary: 'Not solved: reopen a resolved complaint with a reason',
    params: refParams,
    body: z.object({ reason: text(LIMITS.reason) }).strict(),
    async handler({ ctx, principal, params, body }) {
      const p = requireCustomer(principal);
      const c = await findOwnComplaint(ctx.db, p.customerId, params.ref);
      const r = await changeStatus(ctx, p, c.id, { status: 'reopened', reason: body.reason });
      return { id: r.id, number: r.number, status: r.status };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/suggest', tag: 'portal', auth: 'required',
    summary: 'Live help while typing: category guess, clarifying choices for vague input, knowledge-base articles',
    body: z.object({ text: text(2000, 0), locale: portalLocale.optional() }).strict(),
    async handler({ ctx, principal, body }) {
      const p = requireCustomer(principal);
      return suggest(ctx.db, body.text, await localeOf(ctx.db, p.customerId, body.locale));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/deflections', tag: 'portal', auth: 'required',
    summary: 'Record that self-service answered the question (the customer left satisfied without filing)',
    body: z.object({ articleId: line(100).optional(), category: z.enum(CATEGORIES).optional(), text: text(2000, 0) }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const p = requireCustomer(principal);
      await ctx.db.query(
        'insert into portal_deflections (customer_id, article_id, category, query_text, at) values ($1, $2, $3, $4, $5)',
        [p.customerId, body.articleId ?? null, body.category ?? null, body.text, ctx.clock.now()],
      );
      return { recorded: true };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/attachments', tag: 'portal', auth: 'required',
    summary: 'Upload one file as the raw request body (Content-Type image/png, image/jpeg, image/gif, image/webp, application/pdf or application/octet-stream; ?name=file name). Type is checked by content: mismatch → 422 attachment_type_mismatch; > 5 MB → 413',
    query: z.object({ name: line(255).optional() }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, query, req }) {
      const p = requireCustomer(principal);
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('unsupported_media_type', 'Send the file itself as the body with its Content-Type (or application/octet-stream).');
      }
      return saveUpload(ctx.db, p.customerId, { name: query.name, declaredType: req.headers['content-type'], bytes: req.body }, ctx.clock.now());
    },
  }),
];
