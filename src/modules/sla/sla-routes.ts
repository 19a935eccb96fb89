import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { SEVERITIES } from '../complaints/taxonomy.js';
import { listPolicies, policyUpdateSchema, updatePolicy } from './policies.js';

export const slaRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/sla/policies', tag: 'sla', auth: 'required', summary: 'SLA policies per severity tier',
    async handler({ ctx, principal }) {
      requireRole(principal, ALL_STAFF, 'read SLA policies');
      return { items: await listPolicies(ctx.db), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/sla/policies/:severity', tag: 'sla', auth: 'required',
    summary: 'Edit a tier’s targets, pause rule or business-hours calendar (admin); applies to clocks started or re-timed afterwards',
    params: z.object({ severity: z.enum(SEVERITIES) }).strict(),
    body: policyUpdateSchema,
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, ['admin'], 'edit SLA policies');
      return updatePolicy(ctx.db, params.severity, body, ctx.clock.now());
    },
  }),
];
