/** HTTP input schemas of the routing admin API. Rules themselves are checked by parseRules(). */
import { z } from 'zod';
import { isoDateTime, queryBool, text } from '../../http/schemas.js';
import { CATEGORIES, CHANNELS, SEVERITIES } from '../complaints/taxonomy.js';
import { CUSTOMER_TIERS, ORDER_STATUSES } from './rule-fields.js';
import { RULE_LIMITS } from './rule-schema.js';

// Rules are accepted as any JSON here so that their problems come back as `rule_invalid`
// details naming the rule and the path, not as generic body validation errors.
const rulesArray = z.array(z.unknown()).max(RULE_LIMITS.rules).describe('rules, in evaluation order (see README: routing rules)');

export const createRuleSetSchema = z
  .object({
    rules: rulesArray,
    note: text(500).optional(),
    activate: z.boolean().optional().describe('activate the new version at once'),
  })
  .strict();

export const dryRunSchema = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    onlyChanged: z.boolean().default(false),
  })
  .strict();

const score = z.number().min(0).max(1);

export const testRulesSchema = z
  .object({
    ruleSetId: z.uuid().optional(),
    rules: rulesArray.optional(),
    complaint: z
      .object({
        category: z.enum(CATEGORIES),
        severity: z.enum(SEVERITIES).default('general'),
        channel: z.enum(CHANNELS).default('web'),
        customerTier: z.enum(CUSTOMER_TIERS).default('normal'),
        merchant: z.string().max(60).nullable().optional(),
        amount: z.number().finite().min(0).max(1e10).nullable().optional(),
        orderStatus: z.enum(ORDER_STATUSES).nullable().optional(),
        subject: z.string().max(200).optional(),
        description: z.string().max(20_000).optional(),
        emotion: z.object({ anger: score, urgency: score, threat: score, intensity: score }).strict().optional(),
        tags: z.array(z.string().max(40)).max(20).default([]),
        at: isoDateTime.optional(),
      })
      .strict(),
  })
  .strict()
  .refine((v) => !(v.rules && v.ruleSetId), { message: 'give rules or ruleSetId, not both', path: ['rules'] });
export type TestRulesInput = z.infer<typeof testRulesSchema>;

export const userRoutingSchema = z
  .object({
    skills: z.array(z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9_.:-]*$/i)).max(50).optional(),
    team: z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9_.:-]*$/i).nullable().optional(),
  })
  .strict();

export const listQuery = z.object({ rules: queryBool.optional() }).strict();
