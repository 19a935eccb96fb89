import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line } from '../../http/schemas.js';
import { AppError, notFound } from '../../errors.js';
import { login } from './login.js';
import { createSession, revokeSession } from './sessions.js';
import type { Principal } from './principal.js';
import { forgetPrincipals } from './principal-cache.js';

function requireAdmin(p: Principal) {
  if (p.kind !== 'user' || p.role !== 'admin') throw new AppError('forbidden', 'Only admins manage API tokens.');
  return p;
}

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/auth/login', tag: 'auth', auth: 'public',
    summary: 'Sign in with email and password; returns a bearer token',
    body: z.object({ email: line(254), password: z.string().min(1).max(1000) }).strict(),
    handler: ({ ctx, body, req }) => login(ctx, body.email, body.password, req.ip),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/logout', tag: 'auth', auth: 'required',
    summary: 'Revoke the token used for this call',
    async handler({ ctx, principal }) {
      await revokeSession(ctx.db, principal.sessionId, ctx.clock.now());
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/auth/me', tag: 'auth', auth: 'required',
    summary: 'Who the token belongs to',
    async handler({ principal }) {
      return { principal };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/auth/api-tokens', tag: 'auth', auth: 'required',
    summary: 'Create a long-lived API token for an integration (admin); acts as the given user',
    body: z.object({ name: line(100), userId: z.uuid().optional(), expiresInDays: z.number().int().min(1).max(3650).optional() }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const admin = requireAdmin(principal);
      const userId = body.userId ?? admin.userId;
      const [u] = await ctx.db.query<{ id: string }>('select id from users where id = $1', [userId]);
      if (!u) throw new AppError('validation_failed', 'No such user.', [{ path: 'body.userId', message: 'no such user' }]);
      const now = ctx.clock.now();
      const expiresAt = body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000) : null;
      const s = await createSession(ctx.db, { userId }, { kind: 'api', expiresAt, name: body.name });
      return { id: s.id, token: s.token, name: body.name, userId, expiresAt: expiresAt?.toISOString() ?? null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/auth/api-tokens', tag: 'auth', auth: 'required',
    summary: 'List API tokens (admin); the secrets are never shown again',
    async handler({ ctx, principal }) {
      requireAdmin(principal);
      const rows = await ctx.db.query<{ id: string; name: string; user_id: string; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null; created_at: Date }>(
        `select id, name, user_id, expires_at, revoked_at, last_used_at, created_at from sessions where kind = 'api' order by created_at desc`,
      );
      return {
        items: rows.map((r) => ({
          id: r.id, name: r.name, userId: r.user_id, expiresAt: r.expires_at?.toISOString() ?? null,
          revokedAt: r.revoked_at?.toISOString() ?? null, lastUsedAt: r.last_used_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
        })),
        nextCursor: null,
      };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/auth/api-tokens/:id', tag: 'auth', auth: 'required',
    summary: 'Revoke an API token (admin)',
    params: idParams,
    async handler({ ctx, principal, params }) {
      requireAdmin(principal);
      const rows = await ctx.db.query(`update sessions set revoked_at = coalesce(revoked_at, $2) where id = $1 and kind = 'api' returning 1`, [params.id, ctx.clock.now()]);
      if (!rows.length) throw notFound('No such API token.');
      forgetPrincipals(ctx.db, { sessionId: params.id });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/customers/:id/access-tokens', tag: 'auth', auth: 'required',
    summary: "Issue a customer access token (for the customer's own portal link); it sees only that customer's complaints",
    params: idParams,
    body: z.object({ expiresInDays: z.number().int().min(1).max(365).default(30) }).strict().default({ expiresInDays: 30 }),
    response: { status: 201 },
    async handler({ ctx, principal, params, body }) {
      if (principal.kind !== 'user' || !['admin', 'supervisor', 'agent'].includes(principal.role)) {
        throw new AppError('forbidden', 'Only front-line staff issue customer access.');
      }
      const [c] = await ctx.db.query<{ id: string }>('select id from customers where id = $1', [params.id]);
      if (!c) throw notFound('No such customer.');
      const expiresAt = new Date(ctx.clock.now().getTime() + body.expiresInDays * 86_400_000);
      const s = await createSession(ctx.db, { customerId: c.id }, { kind: 'session', expiresAt, name: 'customer access' });
      return { token: s.token, customerId: c.id, expiresAt: expiresAt.toISOString() };
    },
  }),
];

