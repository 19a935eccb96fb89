import { defineRoute } from '../../http/define-route.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { NEEDS_TRIAGE_TAG } from '../complaints/intake/decide-intake.js';
import { countView, VIEW_COUNT_CAP, type ViewFilters } from './view-filters.js';

/**
 * The queues every agent starts from. Relative filters (me, my team, my department) are
 * resolved per caller by the list query, so the same definitions serve everyone; clients
 * name them by key in their own language.
 */
export const BUILTIN_VIEWS: ReadonlyArray<{ key: string; filters: ViewFilters }> = [
  { key: 'mine', filters: { status: ['open'], assigneeId: 'me' } },
  { key: 'my_team', filters: { status: ['open'], myTeam: 'true' } },
  { key: 'my_department', filters: { status: ['open'], myDepartment: 'true' } },
  { key: 'unassigned', filters: { status: ['open'], assigneeId: 'none' } },
  // The human triage view: intake classifications below the confidence threshold (decide-intake.ts).
  { key: 'needs_triage', filters: { status: ['open'], tag: NEEDS_TRIAGE_TAG } },
  { key: 'at_risk', filters: { status: ['open'], atRisk: 'true' } },
  { key: 'breached', filters: { status: ['open'], breached: 'true' } },
  { key: 'repeat', filters: { status: ['open'], repeat: 'true' } },
  { key: 'recovery', filters: { status: ['open'], recovery: 'true' } },
  { key: 'all_open', filters: { status: ['open'] } },
];

export const builtinViewRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/views/built-in', tag: 'workspace', auth: 'required',
    summary: 'The standard queues (mine, my team, unassigned, at risk, breached …) with their filters and current counts (capped at 1000)',
    async handler({ ctx, principal }) {
      const p = requireRole(principal, ALL_STAFF, 'use queue views');
      const now = ctx.clock.now();
      const items = [];
      for (const v of BUILTIN_VIEWS) {
        const count = await countView(ctx.db, p, v.filters, now);
        items.push({ key: v.key, filters: v.filters, sort: 'urgency', count, countCapped: count >= VIEW_COUNT_CAP });
      }
      return { items, nextCursor: null };
    },
  }),
];
