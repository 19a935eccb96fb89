/**
 * EXPERIMENT (BENCH_EXPERIMENT=1), not the product: POST /bench/intake-one-statement takes
 * the same body as POST /api/v1/complaints (same auth, same schema) but writes the customer
 * (matched by email), the complaint and its four creation events in ONE statement, with
 * departments and SLA policies cached in memory and the answer built from what it wrote.
 * It measures how much of the gap to the bare-insert ceiling is round trips. Phone-only
 * customers are not matched here (always created).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/db/database.js';
import { defineRoute, type AnyRoute } from '../src/http/define-route.js';
import { actorOf } from '../src/modules/auth/principal.js';
import { createComplaintSchema } from '../src/modules/complaints/complaint-schema.js';
import { DEFAULT_DEPARTMENT, isBuiltinCategory } from '../src/modules/complaints/taxonomy.js';
import { dueTimes, schedule } from '../src/modules/sla/clock-state.js';
import { calendarOf, listPolicies } from '../src/modules/sla/policies.js';

const ONE_STATEMENT = `
with cust as (
  insert into customers (name, email, phone, locale, tier, created_at, updated_at)
  values ($1, $2, $3, 'zh-CN', 'normal', $4, $4)
  on conflict (lower(email)) where email is not null do update set name = customers.name
  returning id
), c as (
  insert into complaints (id, number, customer_id, channel, subject, description, category, severity, status, department_id,
    amount_claimed, currency, tags, sla_started_at, first_response_due_at, first_response_at_risk_at, resolution_due_at,
    resolution_at_risk_at, sla_urgent_at, sla_next_check_at, created_at, updated_at)
  select $5, 'C-' || to_char($4::timestamptz at time zone 'UTC', 'YYYY') || '-' || lpad(nextval('complaint_number_seq')::text, 6, '0'),
    cust.id, $6, $7, $8, $9, $10, 'new', $11, $12, $13, $14, $4, $15, $16, $17, $18, $19, $20, $4, $4
  from cust returning id, number, customer_id
), ev as (
  insert into complaint_events (complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data)
  select c.id, t.type, t.lane, t.kind, t.actor_id, t.role, $4,
    case t.type when 'complaint.created' then jsonb_build_object('number', c.number, 'channel', $6::text, 'subject', $7::text,
      'customerId', c.customer_id, 'orderId', null::text, 'amountClaimed', $12::numeric) else t.data end
  from c, jsonb_to_recordset($21::jsonb) as t(type text, lane text, kind text, actor_id text, role text, data jsonb)
)
select id, number, customer_id from c`;

async function loadCaches(db: Database) {
  const policies = new Map((await listPolicies(db)).map((p) => [p.severity, p]));
  const departments = new Map((await db.query<{ code: string; id: string }>('select code, id from departments')).map((d) => [d.code, d.id]));
  return { policies, departments };
}

export function experimentalRoutes(): AnyRoute[] {
  let caches: Promise<Awaited<ReturnType<typeof loadCaches>>> | null = null;
  return [
    defineRoute({
      method: 'POST', url: '/bench/intake-one-statement', tag: 'bench', auth: 'required',
      summary: 'Benchmark experiment: intake in one statement',
      body: createComplaintSchema,
      response: { status: 201 },
      async handler({ ctx, principal, body }) {
        caches ??= loadCaches(ctx.db);
        const { policies, departments } = await caches;
        const now = ctx.clock.now();
        const category = body.category ?? 'other';
        const severity = body.severity ?? 'general';
        const policy = policies.get(severity)!;
        const due = dueTimes(policy, calendarOf(policy), now, 0);
        const next = schedule({ status: 'new', sla_cycle: 1, sla_started_at: now, sla_paused_at: null, sla_paused_ms: 0, ...due, first_response_at: null, resolved_at: null }, new Set());
        // The bench sends built-in categories only; an added one would fall back to customer service.
        const department = isBuiltinCategory(category) ? DEFAULT_DEPARTMENT[category] : DEFAULT_DEPARTMENT.other;
        const actor = actorOf(principal);
        const sys = { kind: 'system', actor_id: null, role: 'system' };
        const events = [
          { type: 'complaint.created', lane: 'customer', kind: actor.kind, actor_id: actor.id, role: actor.role, data: {} },
          { type: 'complaint.classified', lane: 'support', ...sys, data: { category, severity, source: body.category || body.severity ? 'request' : 'default' } },
          { type: 'complaint.routed', lane: 'support', ...sys, data: { department, reason: `default department for ${category}` } },
          { type: 'sla.started', lane: 'support', ...sys, data: { cycle: 1, severity, firstResponseDueAt: due.first_response_due_at.toISOString(), resolutionDueAt: due.resolution_due_at.toISOString() } },
        ];
        const customer = body.customer ?? { name: 'unknown' };
        const [row] = await ctx.db.query<{ id: string; number: string; customer_id: string }>(ONE_STATEMENT, [
          customer.name, customer.email ?? null, customer.phone ?? null, now, randomUUID(), body.channel, body.subject, body.description,
          category, severity, departments.get(department) ?? null, body.amount ?? null, body.amount !== undefined ? (body.currency ?? 'CNY') : null,
          body.tags ?? [], due.first_response_due_at, due.first_response_at_risk_at, due.resolution_due_at, due.resolution_at_risk_at,
          next.sla_urgent_at, next.sla_next_check_at, JSON.stringify(events),
        ]);
        return {
          id: row!.id, number: row!.number, status: 'new', channel: body.channel, category, severity, department, customerId: row!.customer_id,
          sla: { firstResponseDueAt: due.first_response_due_at.toISOString(), resolutionDueAt: due.resolution_due_at.toISOString() },
        };
      },
    }),
  ];
}
