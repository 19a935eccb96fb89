import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, SYSTEM_ACTOR, type Principal } from '../../auth/principal.js';
import { matchOrCreateCustomer } from '../../customers/match-customer.js';
import { appendEvents } from '../../events/append-event.js';
import { dueTimes, schedule } from '../../sla/clock-state.js';
import { calendarOf, loadPolicy } from '../../sla/policies.js';
import { loadIntakeSettings } from '../intake/intake-settings.js';
import { assertCan } from '../complaint-policy.js';
import type { CreateComplaintInput } from '../complaint-schema.js';
import { DEFAULT_DEPARTMENT } from '../taxonomy.js';
import { categoryDepartment, requireCategory } from '../../taxonomy/category-lookup.js';
import { decideIntake, NEEDS_TRIAGE_TAG } from '../intake/decide-intake.js';
import { recordIntakeLinks } from '../../repeats/record-intake-links.js';
import { getComplaint } from '../queries/get-complaint.js';
import { decideRouting, routingEvents } from '../../routing/apply-routing.js';
import { complaintToApi, complaintViewFrom, type ComplaintDto, type ComplaintViewRow } from '../complaint-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}

type IntakeCustomer = { id: string; tier: 'normal' | 'vip' };

async function resolveCustomer(tx: Queryable, p: Principal, input: CreateComplaintInput, now: Date): Promise<IntakeCustomer> {
  if (p.kind === 'customer' || input.customerId) {
    // A customer files for themself only; naming anyone else is refused without revealing them.
    if (p.kind === 'customer' && input.customerId && input.customerId !== p.customerId) throw invalid('body.customerId', 'No such customer.');
    const id = p.kind === 'customer' ? p.customerId : input.customerId!;
    const [row] = await tx.query<IntakeCustomer>('select id, tier from customers where id = $1', [id]);
    if (!row) throw invalid('body.customerId', 'No such customer.');
    return row;
  }
  const { customer } = await matchOrCreateCustomer(tx, input.customer!, now);
  return { id: customer.id, tier: customer.tier };
}

type IntakeOrder = { id: string; status: string; merchant: string | null };

async function resolveOrder(tx: Queryable, customerId: string, ref: string | undefined): Promise<IntakeOrder | null> {
  if (!ref) return null;
  const [row] = await tx.query<IntakeOrder & { customer_id: string }>(
    `select id, customer_id, status, merchant from orders where ${UUID.test(ref) ? 'id = $1::uuid' : 'number = $1'}`,
    [ref],
  );
  // Another customer's order is reported exactly like a missing one.
  if (!row || row.customer_id !== customerId) throw invalid('body.orderId', 'No such order for this customer.');
  return { id: row.id, status: row.status, merchant: row.merchant };
}

function requestHash(input: CreateComplaintInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

export interface CreateResult {
  complaint: ComplaintDto;
  replayed: boolean;
}

/**
 * Takes a complaint in from any channel: one record, its classification, its route and
 * its SLA clocks, with every step in the event log, all in one transaction. With an
 * Idempotency-Key a retry returns the first complaint instead of writing a second.
 * `inTransaction` lets a channel (email, webhook) write its own rows in that transaction.
 */
export async function createComplaint(
  ctx: AppContext,
  p: Principal,
  input: CreateComplaintInput,
  idempotencyKey?: string,
  opts: { inTransaction?: (tx: Queryable, complaintId: string) => Promise<void> } = {},
): Promise<CreateResult> {
  assertCan(p, 'create');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  const id = randomUUID();
  const outcome = await ctx.db.transaction(async (tx): Promise<{ replayOf: string } | { created: string; row?: ComplaintViewRow }> => {
    if (idempotencyKey) {
      const principalKey = p.kind === 'user' ? `user:${p.userId}` : `customer:${p.customerId}`;
      const hash = requestHash(input);
      const claimed = await tx.query(
        `insert into idempotency_keys (principal, key, request_hash, complaint_id, created_at)
         values ($1, $2, $3, $4, $5) on conflict do nothing returning 1`,
        [principalKey, idempotencyKey, hash, id, now],
      );
      if (!claimed.length) {
        const [prior] = await tx.query<{ request_hash: string; complaint_id: string }>(
          'select request_hash, complaint_id from idempotency_keys where principal = $1 and key = $2',
          [principalKey, idempotencyKey],
        );
        if (prior!.request_hash !== hash) throw new AppError('idempotency_key_reused');
        return { replayOf: prior!.complaint_id };
      }
    }
    // Built-in or admin-added (src/modules/taxonomy): the schema only checks the code's shape.
    if (input.category) await requireCategory(tx, input.category, 'body.category');
    const customer = await resolveCustomer(tx, p, input, now);
    const customerId = customer.id;
    const order = await resolveOrder(tx, customerId, input.orderId);
    const orderId = order?.id ?? null;
    const windowDays = ctx.config.REPEAT_WINDOW_DAYS;
    const settings = await loadIntakeSettings(tx);
    const decision = await decideIntake(tx, input, customer, orderId, now, windowDays);
    const { category } = decision;
    const baseTags = decision.needsTriage ? [...new Set([...(input.tags ?? []), NEEDS_TRIAGE_TAG])] : (input.tags ?? []);
    // Routing rules after classification and before the SLA clocks: a raised severity sets the due times.
    const routing = await decideRouting(tx, {
      category, severity: decision.severity, channel: input.channel, customerTier: customer.tier,
      merchant: order?.merchant ?? null, amount: input.amount ?? null, orderStatus: order?.status ?? null,
      text: `${input.subject}\n${input.description}`, emotion: decision.emotion ?? null, tags: baseTags,
      // an admin-added category names its own department
      department: (await categoryDepartment(tx, category)) ?? DEFAULT_DEPARTMENT.other, team: null, at: now,
    }, now, settings);
    const severity = routing.severity;
    const policy = settings.policies.get(severity) ?? (await loadPolicy(tx, severity));
    const due = dueTimes(policy, calendarOf(policy), now, 0);
    const sla = {
      status: 'new' as const,
      sla_cycle: 1,
      sla_started_at: now,
      sla_paused_at: null,
      sla_paused_ms: 0,
      ...due,
      first_response_at: null,
      resolved_at: null,
    };
    const { sla_urgent_at, sla_next_check_at } = schedule(sla, new Set());
    // The new row comes back as the complaint view, so the answer needs no read after commit;
    // nothing later in this transaction changes the row.
    const [row] = await tx.query<ComplaintViewRow>(
      `with seq as (select nextval('complaint_number_seq') as n),
       ins as (
         insert into complaints (id, number, customer_id, order_id, channel, subject, description, category, severity,
           status, department_id, amount_claimed, currency, tags, sla_started_at, first_response_due_at,
           first_response_at_risk_at, resolution_due_at, resolution_at_risk_at, sla_urgent_at, sla_next_check_at,
           created_at, updated_at, repeat_of_id, assignee_id, team)
         select $1, 'C-' || $2 || '-' || case when seq.n < 1000000 then lpad(seq.n::text, 6, '0') else seq.n::text end,
           $3, $4, $5, $6, $7, $8, $9, 'new', $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $14, $14, $21, $22, $23
         from seq returning *)
       ${complaintViewFrom('ins')}`,
      [
        id, String(now.getUTCFullYear()), customerId, orderId, input.channel, input.subject, input.description,
        category, severity, routing.departmentId, input.amount ?? null, input.amount !== undefined ? (input.currency ?? 'CNY') : null,
        routing.outcome.tags, now, due.first_response_due_at, due.first_response_at_risk_at, due.resolution_due_at,
        due.resolution_at_risk_at, sla_urgent_at, sla_next_check_at, decision.repeat?.id ?? null,
        routing.assignee?.userId ?? null, routing.outcome.team,
      ],
    );
    const base = { complaintId: id, at: now };
    await appendEvents(tx, [
      {
        ...base, type: 'complaint.created', actor,
        data: { number: row!.number, channel: input.channel, subject: input.subject, customerId, orderId, amountClaimed: input.amount ?? null },
      },
      {
        ...base, type: 'complaint.classified', actor: SYSTEM_ACTOR,
        data: {
          category, severity, source: decision.source, reasons: decision.reasons,
          ...(decision.confidence !== undefined ? { confidence: decision.confidence } : {}),
          ...(decision.emotion ? { emotion: decision.emotion } : {}),
          ...(decision.language ? { language: decision.language } : {}),
          needsTriage: decision.needsTriage,
        },
      },
      ...(await routingEvents(tx, id, routing, now)),
      {
        ...base, type: 'sla.started', actor: SYSTEM_ACTOR,
        data: { cycle: 1, severity, firstResponseDueAt: due.first_response_due_at.toISOString(), resolutionDueAt: due.resolution_due_at.toISOString() },
      },
      // Repeat / near-duplicate: the follow-up and suggestions are written first, their events go with the rest.
      ...(await recordIntakeLinks(tx, id, now, { repeat: decision.repeat, duplicates: decision.duplicates, windowDays })),
    ]);
    // A channel's own records (its message id, attachments, intake event) commit with the complaint or not at all.
    if (opts.inTransaction) {
      await opts.inTransaction(tx, id);
      return { created: id }; // a channel's rows may touch the complaint: read it back after commit
    }
    return { created: id, row: row! };
  });
  if ('replayOf' in outcome) return { complaint: await getComplaint(ctx, p, outcome.replayOf), replayed: true };
  // Only staff who see every complaint and the customer themself may create one (complaint-policy), so the
  // creator may always see it: the row written is the answer.
  if (outcome.row) return { complaint: complaintToApi(outcome.row, ctx.clock.now()), replayed: false };
  return { complaint: await getComplaint(ctx, p, outcome.created), replayed: false };
}
