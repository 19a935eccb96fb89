import { z } from 'zod';
import { defineRoute } from '../../../http/define-route.js';
import { AppError, notFound } from '../../../errors.js';
import { findSource, sourceName } from './webhook-sources.js';
import { verifyWebhook } from './webhook-signature.js';
import { receiveWebhookMessage, webhookMessageSchema } from './webhook-intake.js';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const webhookIntakeRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/intake/webhook/:source', tag: 'channels', auth: 'public',
    summary: 'A message from a partner or social source: X-Loopdesk-Timestamp (unix seconds) and X-Loopdesk-Signature: '
      + 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the source secret>; idempotent by messageId',
    params: z.object({ source: z.string().max(100) }),
    body: webhookMessageSchema,
    response: { status: 201 },
    // Before the body is even validated: an unsigned request learns nothing about the schema.
    async verifyRawBody({ req, raw, ctx }) {
      const name = (req.params as { source?: string }).source ?? '';
      const source = sourceName.safeParse(name).success ? await findSource(ctx.db, name) : null;
      if (!source) throw notFound('No such webhook source.');
      const verdict = verifyWebhook(source.secret, {
        signature: header(req.headers['x-loopdesk-signature']), timestamp: header(req.headers['x-loopdesk-timestamp']),
      }, raw, ctx.clock.now().getTime());
      if (verdict === 'invalid') throw new AppError('invalid_signature');
      if (verdict === 'stale') throw new AppError('stale_signature');
    },
    async handler({ ctx, params, body, reply }) {
      const source = await findSource(ctx.db, params.source);
      if (!source) throw notFound('No such webhook source.');
      const { answer, duplicate } = await receiveWebhookMessage(ctx, source, body);
      if (duplicate) void reply.header('idempotent-replayed', 'true');
      return answer;
    },
  }),
];
