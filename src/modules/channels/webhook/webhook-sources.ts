import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../../../db/database.js';
import { defineRoute } from '../../../http/define-route.js';
import { notFound } from '../../../errors.js';
import { requireRole } from '../../auth/require-role.js';

export const sourceName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'lower-case letters, digits, - and _ (at most 40)' });

export interface WebhookSourceRow {
  source: string;
  secret: string;
  channel: 'webhook' | 'social';
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export async function findSource(db: Queryable, source: string): Promise<WebhookSourceRow | null> {
  const [row] = await db.query<WebhookSourceRow>('select * from webhook_sources where source = $1 and active', [source]);
  return row ?? null;
}

const toApi = (r: WebhookSourceRow) => ({
  source: r.source, channel: r.channel, active: r.active, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  intakeUrl: `/api/v1/intake/webhook/${r.source}`,
});

/**
 * Admins register each partner or social network with its own secret. The secret is shown once,
 * when set; it is stored as given because checking an HMAC needs it (the database is the trust
 * boundary, as for the signing key of survey links).
 */
export const webhookSourceRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/admin/webhook-sources', tag: 'channels', auth: 'required',
    summary: 'Register a webhook source or rotate its secret (a generated secret is returned once)',
    body: z.object({
      source: sourceName,
      secret: z.string().min(32, { message: 'at least 32 characters' }).max(200).optional(),
      channel: z.enum(['webhook', 'social']).optional(),
    }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const admin = requireRole(principal, ['admin'], 'administer webhook sources');
      const secret = body.secret ?? randomBytes(32).toString('hex');
      const now = ctx.clock.now();
      const [row] = await ctx.db.query<WebhookSourceRow>(
        `insert into webhook_sources (source, secret, channel, active, created_by, created_at, updated_at)
         values ($1, $2, $3, true, $4, $5, $5)
         on conflict (source) do update set secret = excluded.secret, channel = coalesce($6, webhook_sources.channel),
           active = true, updated_at = excluded.updated_at
         returning *`,
        [body.source, secret, body.channel ?? 'webhook', admin.userId, now, body.channel ?? null],
      );
      return { ...toApi(row!), secret };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/webhook-sources', tag: 'channels', auth: 'required',
    summary: 'Webhook sources (never their secrets)',
    async handler({ ctx, principal }) {
      requireRole(principal, ['admin'], 'administer webhook sources');
      const rows = await ctx.db.query<WebhookSourceRow>('select * from webhook_sources order by source');
      return { items: rows.map(toApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/admin/webhook-sources/:source', tag: 'channels', auth: 'required',
    summary: 'Switch a source off (its requests then answer 404; its history stays)',
    params: z.object({ source: sourceName }),
    async handler({ ctx, principal, params }) {
      requireRole(principal, ['admin'], 'administer webhook sources');
      const rows = await ctx.db.query('update webhook_sources set active = false, updated_at = $2 where source = $1 returning 1', [params.source, ctx.clock.now()]);
      if (!rows.length) throw notFound('No such webhook source.');
      return { ok: true };
    },
  }),
];
