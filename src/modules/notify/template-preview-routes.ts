import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { requireRole } from '../auth/require-role.js';
import { NOTICE_KINDS, NOTICE_LOCALES } from './notice-kinds.js';
import { previewTemplate } from './template-preview.js';
import { loadTemplates } from './template-store.js';

const templateParams = z.object({ kind: z.enum(NOTICE_KINDS), locale: z.enum(NOTICE_LOCALES) });

// Looser than saving: a field being edited may be empty for a moment; the bounds stay the same.
const draftSchema = z
  .object({
    subject: z.string().max(300).optional(),
    body: z.string().max(5000).optional(),
    sms: z.string().max(500).optional(),
  })
  .strict();

export const templatePreviewRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/admin/notice-templates/:kind/:locale/preview', tag: 'notices', auth: 'required',
    summary: 'Render a notice template with sample values, as it would go out, without saving it (admin). Fields left out are the current wording; unknown variables are listed in `problems`, not refused',
    params: templateParams, body: draftSchema,
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, ['admin'], 'preview notice templates');
      const current = (await loadTemplates(ctx.db)).find((t) => t.kind === params.kind && t.locale === params.locale)!;
      const draft = { subject: body.subject ?? current.subject, body: body.body ?? current.body, sms: body.sms ?? current.sms };
      return { kind: params.kind, locale: params.locale, ...previewTemplate(params.kind, params.locale, draft, { config: ctx.config, signingSecret: ctx.signingSecret, now: ctx.clock.now() }) };
    },
  }),
];
