import { z } from 'zod';
import { notFound } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { text } from '../../http/schemas.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { TRIAGE_CONFIDENCE } from '../complaints/intake/decide-intake.js';
import { findRepeat } from '../repeats/find-repeats.js';
import { classify, type ClassifyContext } from './classifier.js';

/**
 * Whitespace-only or empty text is accepted (it classifies as `other` with low confidence);
 * a missing or non-string text, control characters or more than 100,000 characters are 422.
 */
export const classifyBodySchema = z
  .object({
    text: text(100_000, 0),
    amount: z.number().finite().min(0).max(1e10).nullable().optional().describe('amount at stake (any currency); ≥ 1000 → serious'),
    customerId: z.uuid({ message: 'not a valid id' }).optional().describe('applies the VIP and repeat-complaint rules'),
  })
  .strict();

const emotionSchema = z.object({ anger: z.number(), urgency: z.number(), threat: z.number(), intensity: z.number() });
const classifyResponseSchema = z.object({
  category: z.string(),
  severity: z.string(),
  department: z.string(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  emotion: emotionSchema,
  language: z.enum(['zh', 'en', 'mixed', 'unknown']),
  needsTriage: z.boolean().describe('below the confidence at which intake sends a complaint to the human triage view (tag needs_triage)'),
});

export const classifyRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/classify', tag: 'triage', auth: 'required',
    summary: 'Classify a complaint text: category, severity tier, department, confidence, the cues that decided, emotion (staff)',
    body: classifyBodySchema,
    response: { status: 200, schema: classifyResponseSchema },
    async handler({ ctx, principal, body }) {
      requireRole(principal, ALL_STAFF, 'classify complaints');
      const context: ClassifyContext = { amount: body.amount ?? null };
      let result = classify(body.text, context);
      if (body.customerId) {
        const [customer] = await ctx.db.query<{ tier: 'normal' | 'vip' }>('select tier from customers where id = $1', [body.customerId]);
        if (!customer) throw notFound('No such customer.');
        context.customerTier = customer.tier;
        const since = new Date(ctx.clock.now().getTime() - ctx.config.REPEAT_WINDOW_DAYS * 86_400_000);
        const repeat = await findRepeat(ctx.db, { customerId: body.customerId, category: result.category, orderId: null, since });
        context.repeat = repeat !== null;
        // Re-run with the context (cheap: ~0.2 ms) so the reasons name the tier / history rule.
        if (context.repeat || context.customerTier === 'vip') result = classify(body.text, context);
        if (repeat) {
          const days = ctx.config.REPEAT_WINDOW_DAYS;
          result.reasons = result.reasons.map((r) => (r.startsWith('repeat complaint') ? `repeat of ${repeat.number} (same category within ${days} days) → serious` : r));
        }
      }
      const { category, severity, department, confidence, reasons, emotion, language } = result;
      return { category, severity, department, confidence, reasons, emotion, language, needsTriage: confidence < TRIAGE_CONFIDENCE };
    },
  }),
];
