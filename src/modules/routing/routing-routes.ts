import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { notFound } from '../../errors.js';
import { requireRole } from '../auth/require-role.js';
import { createRuleSet } from './commands/create-rule-set.js';
import { dryRun } from './queries/dry-run.js';
import { testRules } from './queries/test-rules.js';
import { activateRuleSet, getRuleSet, listRuleSets, ruleSetToApi } from './rule-set-repo.js';
import { createRuleSetSchema, dryRunSchema, listQuery, testRulesSchema, userRoutingSchema } from './routing-schema.js';

const BASE = '/api/v1/admin/routing';
// Admins edit; supervisors may read, replay and test (none of which changes anything).
const READ = ['admin', 'supervisor'] as const;

export const routingRoutes = [
  defineRoute({
    method: 'GET', url: `${BASE}/rulesets`, tag: 'routing', auth: 'required',
    summary: 'Rule set versions, newest first (?rules=true includes the rules)',
    query: listQuery,
    async handler({ ctx, principal, query }) {
      requireRole(principal, READ, 'read routing rules');
      const rows = await listRuleSets(ctx.db);
      return { items: rows.map((r) => ruleSetToApi(r, { withRules: query.rules ?? false })), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/rulesets`, tag: 'routing', auth: 'required',
    summary: 'Save a new rule set version from a rules array (a draft unless activate); 422 rule_invalid / rule_loop',
    body: createRuleSetSchema, response: { status: 201 },
    handler: ({ ctx, principal, body }) => createRuleSet(ctx, principal, body),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/rulesets/:id`, tag: 'routing', auth: 'required',
    summary: 'One rule set version with its rules',
    params: idParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, READ, 'read routing rules');
      return ruleSetToApi(await getRuleSet(ctx.db, params.id));
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/rulesets/:id/activate`, tag: 'routing', auth: 'required',
    summary: 'Make this version the active one (the previous one retires); activating an older version rolls back',
    params: idParams,
    async handler({ ctx, principal, params }) {
      const admin = requireRole(principal, ['admin'], 'activate routing rules');
      const { row, previous } = await ctx.db.transaction((tx) => activateRuleSet(tx, params.id, admin.userId, ctx.clock.now()));
      return { ...ruleSetToApi(row), previousVersion: previous && previous.id !== row.id ? previous.version : null };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/rulesets/:id/dry-run`, tag: 'routing', auth: 'required',
    summary: 'Replay this version over past complaints: what would change vs what happened (writes nothing)',
    params: idParams, body: dryRunSchema,
    handler: ({ ctx, principal, params, body }) => dryRun(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/test`, tag: 'routing', auth: 'required',
    summary: 'Evaluate rules (inline, a version, or the active one) on an ad-hoc complaint',
    body: testRulesSchema,
    handler: ({ ctx, principal, body }) => testRules(ctx, principal, body),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/users`, tag: 'routing', auth: 'required',
    summary: 'Active staff with their skills and team (what assign pools by_skill / team match on)',
    async handler({ ctx, principal }) {
      requireRole(principal, READ, 'read skills');
      const rows = await ctx.db.query<{ id: string; name: string; role: string; skills: string[]; team: string | null }>(
        `select id, name, role, skills, team from users where active order by name, id`,
      );
      return { items: rows, nextCursor: null };
    },
  }),
  defineRoute({
    method: 'PUT', url: `${BASE}/users/:id`, tag: 'routing', auth: 'required',
    summary: "Set a staff user's skills and team (for assign by_skill and team pools)",
    params: idParams, body: userRoutingSchema,
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, ['admin'], 'set skills');
      const [row] = await ctx.db.query<{ id: string; skills: string[]; team: string | null }>(
        `update users set skills = coalesce($2::text[], skills), team = case when $3 then $4 else team end, updated_at = $5
          where id = $1 returning id, skills, team`,
        [params.id, body.skills ? [...new Set(body.skills)] : null, body.team !== undefined, body.team ?? null, ctx.clock.now()],
      );
      if (!row) throw notFound('No such user.');
      return row;
    },
  }),
];
