import { z } from 'zod';
import { defineRoute } from '../../../http/define-route.js';
import { line } from '../../../http/schemas.js';
import { portalLocale } from '../portal-locale.js';
import { normaliseAddress } from './code-rules.js';
import { requestCode } from './request-code.js';
import { verifyCode, verifyMagicLink } from './verify-code.js';

const email = z.email().max(254);
const phone = line(32).regex(/^\+?[0-9 ()-]{5,31}$/, { message: 'a phone number' });
const exactlyOne = (v: { email?: string; phone?: string }) => (v.email === undefined) !== (v.phone === undefined);

export const portalAuthRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/portal/auth/code', tag: 'portal', auth: 'public',
    summary: 'Send a one-time sign-in code by email or SMS (always 202: never reveals whether the address is a customer)',
    body: z
      .object({ email: email.optional(), phone: phone.optional(), locale: portalLocale.optional() })
      .strict()
      .refine(exactlyOne, { message: 'give exactly one of email or phone' }),
    response: { status: 202 },
    async handler({ ctx, body, req }) {
      await requestCode(ctx, normaliseAddress(body), body.locale ?? 'zh-CN', req.ip, req.log);
      return { sent: true };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/auth/verify', tag: 'portal', auth: 'public',
    summary: 'Exchange the code for a customer session token (401 invalid_code / code_expired; 5 wrong guesses kill a code)',
    body: z
      .object({ email: email.optional(), phone: phone.optional(), code: z.string().regex(/^\d{6}$/, { message: 'six digits' }) })
      .strict()
      .refine(exactlyOne, { message: 'give exactly one of email or phone' }),
    handler: ({ ctx, body, req }) => verifyCode(ctx, normaliseAddress(body), body.code, req.ip),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/auth/magic', tag: 'portal', auth: 'public',
    summary: 'Exchange the signed one-click link from the sign-in email for a session (single use, expires with its code)',
    body: z.object({ token: z.string().min(10).max(1000) }).strict(),
    handler: ({ ctx, body }) => verifyMagicLink(ctx, body.token),
  }),
];
