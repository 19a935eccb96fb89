import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { line } from '../../http/schemas.js';
import { requireRole } from '../auth/require-role.js';
import { OPEN_STATUSES } from '../complaints/lifecycle.js';

/**
 * The supervisor's view of the team: per person, what they hold open, how much of it is at
 * risk or already late, and their nearest deadline — the basis for reassigning work.
 */
export const teamLoadRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/reports/team-load', tag: 'workspace', auth: 'required',
    summary: 'Open complaints per agent: total, at risk, breached, nearest due time',
    query: z.object({ department: line(40).optional().describe('department code of the agents') }).strict(),
    async handler({ ctx, principal, query }) {
      requireRole(principal, ['admin', 'supervisor', 'analyst'], 'see team load');
      const now = ctx.clock.now();
      const rows = await ctx.db.query<{
        id: string; name: string; role: string; department_code: string | null;
        open: number; at_risk: number; breached: number; nearest_due_at: Date | null;
      }>(
        `select u.id, u.name, u.role, d.code as department_code,
                count(c.id)::int as open,
                -- the same at-risk test as the list filter (list-complaints.ts)
                count(c.id) filter (where c.sla_urgent_at is not null and (
                  (c.first_response_at is null and c.first_response_at_risk_at <= $1 and c.first_response_due_at > $1)
                  or (c.resolved_at is null and c.resolution_at_risk_at <= $1 and c.resolution_due_at > $1)))::int as at_risk,
                count(c.id) filter (where c.sla_breached or (c.sla_urgent_at is not null and c.sla_urgent_at <= $1))::int as breached,
                min(c.sla_urgent_at) as nearest_due_at
           from users u
           left join departments d on d.id = u.department_id
           left join complaints c on c.assignee_id = u.id and c.status = any($2)
          where u.active and u.role in ('agent', 'supervisor')
            and ($3::text is null or d.code = $3)
          group by u.id, u.name, u.role, d.code
          order by open desc, u.name, u.id`,
        [now, [...OPEN_STATUSES], query.department ?? null],
      );
      return {
        items: rows.map((r) => ({
          userId: r.id, name: r.name, role: r.role, department: r.department_code,
          open: r.open, atRisk: r.at_risk, breached: r.breached, nearestDueAt: r.nearest_due_at?.toISOString() ?? null,
        })),
        nextCursor: null,
      };
    },
  }),
];
