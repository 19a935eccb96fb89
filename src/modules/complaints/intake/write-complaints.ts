/**
 * Intake for a group of complaints in ONE transaction (see create-complaint.ts for how groups
 * form): the same decisions as taking them one by one in order — classification, DESIGN §2
 * context rules, repeats and near-duplicates (also between complaints of the group), routing,
 * SLA clocks, notices, every step in the event log — in about ten statements for the whole
 * group instead of about ten per complaint. A complaint whose input is refused (missing
 * customer, another customer's order, unknown category, reused Idempotency-Key) gets its own
 * error and writes nothing; the others go on.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable, SqlParam } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import { actorOf, SYSTEM_ACTOR, type Principal } from '../../auth/principal.js';
import { createCustomers, type PendingCustomer } from '../../customers/match-customers.js';
import { appendEvents, type NewEvent } from '../../events/append-event.js';
import { findRepeatsAndDuplicates, type RepeatQuery } from '../../repeats/find-repeats.js';
import { withGroupLinks } from '../../repeats/in-group-links.js';
import { recordIntakeLinks } from '../../repeats/record-intake-links.js';
import { activeRuleSet } from '../../routing/active-rule-set.js';
import { planRouting, routingEvents, type RoutingDecision } from '../../routing/apply-routing.js';
import { pickAssignee } from '../../routing/pick-assignee.js';
import { dueTimes, schedule } from '../../sla/clock-state.js';
import { calendarOf, loadPolicy } from '../../sla/policies.js';
import type { ItemOutcome } from './group-runner.js';
import { classifyForIntake, decideIntake, NEEDS_TRIAGE_TAG, type Classified, type IntakeDecision } from './decide-intake.js';
import { loadIntakeSettings } from './intake-settings.js';
import { resolveParties, type IntakeCustomer, type IntakeOrder } from './resolve-parties.js';
import type { CreateComplaintInput } from '../complaint-schema.js';
import { complaintViewFrom, type ComplaintViewRow } from '../complaint-row.js';
import { DEFAULT_DEPARTMENT, isBuiltinCategory } from '../taxonomy.js';

export interface IntakeRequest {
  principal: Principal;
  input: CreateComplaintInput;
  idempotencyKey?: string;
  /** When the complaint was taken in (its events and SLA clocks start here). */
  now: Date;
  /** A channel's own rows (message id, attachments), written in the same transaction. */
  inTransaction?: (tx: Queryable, complaintId: string) => Promise<void>;
}

/** A new complaint (`row`: its view as written, absent when a channel's rows may have changed it) or an earlier one replayed. */
export type IntakeResult = { created: string; row?: ComplaintViewRow } | { replayOf: string };

interface Member {
  req: IntakeRequest;
  id: string;
  error?: unknown;
  replayOf?: string;
  claimedKey?: { principal: string; key: string };
  customer?: IntakeCustomer;
  order?: IntakeOrder | null;
  base?: Classified;
  categoryDepartment?: string;
  number?: string;
  decision?: IntakeDecision;
  routing?: RoutingDecision;
  row?: ComplaintViewRow;
}

const live = (m: Member) => m.error === undefined && m.replayOf === undefined;

function requestHash(input: CreateComplaintInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

const principalKey = (p: Principal) => (p.kind === 'user' ? `user:${p.userId}` : `customer:${p.customerId}`);

/** With an Idempotency-Key, the first request claims it; a retry is answered with the first complaint. */
async function claimKeys(tx: Queryable, members: Member[]): Promise<void> {
  for (const m of members) {
    if (!m.req.idempotencyKey) continue;
    const principal = principalKey(m.req.principal);
    const hash = requestHash(m.req.input);
    const claimed = await tx.query(
      `insert into idempotency_keys (principal, key, request_hash, complaint_id, created_at)
       values ($1, $2, $3, $4, $5) on conflict do nothing returning 1`,
      [principal, m.req.idempotencyKey, hash, m.id, m.req.now],
    );
    if (claimed.length) {
      m.claimedKey = { principal, key: m.req.idempotencyKey };
      continue;
    }
    const [prior] = await tx.query<{ request_hash: string; complaint_id: string }>(
      'select request_hash, complaint_id from idempotency_keys where principal = $1 and key = $2',
      [principal, m.req.idempotencyKey],
    );
    if (prior!.request_hash !== hash) m.error = new AppError('idempotency_key_reused');
    else m.replayOf = prior!.complaint_id;
  }
}

/** The default department of each category (built in, or an admin-added one's); unknown categories are refused. */
async function categoryDepartments(tx: Queryable, members: Member[]): Promise<void> {
  const custom = [...new Set(members.filter(live).map((m) => m.base!.category).filter((c) => !isBuiltinCategory(c)))];
  const added = new Map(custom.length
    ? (await tx.query<{ code: string; department_code: string }>('select code, department_code from taxonomy_categories where code = any($1)', [custom])).map((r) => [r.code, r.department_code])
    : []);
  for (const m of members.filter(live)) {
    const code = m.base!.category;
    const department = isBuiltinCategory(code) ? DEFAULT_DEPARTMENT[code] : added.get(code);
    if (department !== undefined) {
      m.categoryDepartment = department;
    } else if (m.req.input.category) {
      const message = `No category ${code}: use a DESIGN §2 category or one added under /api/v1/admin/taxonomy/categories.`;
      m.error = new AppError('validation_failed', message, [{ path: 'body.category', message }]);
    } else {
      m.categoryDepartment = DEFAULT_DEPARTMENT.other; // a model's category removed since: route as "other"
    }
  }
}

/** The columns intake writes, with the SQL array type each is sent as (tags: a JSON array each, rows differ in length). */
const COLUMNS: ReadonlyArray<[column: string, arrayType: string]> = [
  ['id', 'uuid'], ['number', 'text'], ['customer_id', 'uuid'], ['order_id', 'uuid'], ['channel', 'text'], ['subject', 'text'],
  ['description', 'text'], ['category', 'text'], ['severity', 'text'], ['department_id', 'uuid'], ['amount_claimed', 'numeric'],
  ['currency', 'text'], ['tags', 'text'], ['created_at', 'timestamptz'], ['first_response_due_at', 'timestamptz'],
  ['first_response_at_risk_at', 'timestamptz'], ['resolution_due_at', 'timestamptz'], ['resolution_at_risk_at', 'timestamptz'],
  ['sla_urgent_at', 'timestamptz'], ['sla_next_check_at', 'timestamptz'], ['repeat_of_id', 'uuid'], ['assignee_id', 'uuid'], ['team', 'text'],
];

/**
 * The rows of some members in one INSERT, as arrays (one statement text for any number of
 * rows: a prepared statement per row count would pile up plans in every connection); the
 * view rows (complaintViewFrom) come back. Status is 'new'; the SLA clock starts and the row
 * is created and updated at the intake time.
 */
const INSERT_SQL = `with ins as (
    insert into complaints (${COLUMNS.map(([c]) => c).join(', ')}, status, sla_started_at, updated_at)
    select ${COLUMNS.map(([c]) => (c === 'tags' ? 'array(select jsonb_array_elements_text(t.tags::jsonb))' : `t.${c}`)).join(', ')}, 'new', t.created_at, t.created_at
      from unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) with ordinality as t(${COLUMNS.map(([c]) => c).join(', ')}, ord)
     order by t.ord
    returning *)
  ${complaintViewFrom('ins')}`;

async function insertRows(tx: Queryable, rows: ReadonlyArray<{ m: Member; values: SqlParam[] }>): Promise<void> {
  if (!rows.length) return;
  const written = await tx.query<ComplaintViewRow>(INSERT_SQL, COLUMNS.map((_, i) => rows.map(({ values }) => values[i]!)));
  const byId = new Map(written.map((r) => [r.id, r]));
  for (const { m } of rows) m.row = byId.get(m.id);
}

/** One row's values, in COLUMNS order. */
function rowValues(m: Member, due: ReturnType<typeof dueTimes>, sla: ReturnType<typeof schedule>): SqlParam[] {
  const { input, now } = m.req;
  const r = m.routing!;
  return [
    m.id, m.number!, m.customer!.id, m.order?.id ?? null, input.channel, input.subject, input.description,
    m.decision!.category, r.severity, r.departmentId, input.amount ?? null, input.amount !== undefined ? (input.currency ?? 'CNY') : null,
    JSON.stringify(r.outcome.tags), now, due.first_response_due_at, due.first_response_at_risk_at, due.resolution_due_at,
    due.resolution_at_risk_at, sla.sla_urgent_at, sla.sla_next_check_at, m.decision!.repeat?.id ?? null,
    r.assignee?.userId ?? null, r.outcome.team,
  ];
}

/**
 * Writes the group. `windowDays`: the repeat window (REPEAT_WINDOW_DAYS). Answers one outcome
 * per request, in order. Throws only for a failure of the transaction itself (the caller then
 * takes the complaints one by one, so one bad complaint cannot sink the others).
 */
export async function writeComplaints(tx: Queryable, requests: readonly IntakeRequest[], windowDays: number): Promise<Array<ItemOutcome<IntakeResult>>> {
  const members: Member[] = requests.map((req) => ({ req, id: randomUUID() }));
  await claimKeys(tx, members);
  const year = members[0] ? members[0].req.now.getUTCFullYear() : 0;
  const sameYear = members.every((m) => m.req.now.getUTCFullYear() === year);
  const settings = await loadIntakeSettings(tx, { year, count: sameYear ? members.filter(live).length : 0 });

  const parties = await resolveParties(tx, members.filter(live).map((m) => m.req));
  members.filter(live).forEach((m, i) => {
    const p = parties[i]!;
    if ('error' in p) m.error = p.error;
    else Object.assign(m, p);
  });
  for (const m of members.filter(live)) m.base = classifyForIntake(m.req.input, m.customer!);
  await categoryDepartments(tx, members);

  // Nothing has been written for a refused complaint but its key claim: release it. A retry in
  // this same group replaying it is refused alike (there is no first complaint to replay).
  for (const m of members) {
    if (m.error !== undefined && m.claimedKey) await tx.query('delete from idempotency_keys where principal = $1 and key = $2', [m.claimedKey.principal, m.claimedKey.key]);
  }
  for (const m of members) {
    const first = m.replayOf !== undefined ? members.find((o) => o.id === m.replayOf) : undefined;
    if (first?.error !== undefined) {
      m.error = first.error;
      delete m.replayOf;
    }
  }
  const group = members.filter(live);
  if (group.length) {
    // New customers named by the complaints that go ahead (one shared by several is written once).
    const pending = new Map<string, PendingCustomer>();
    for (const m of group) if (m.customer!.pending) pending.set(m.customer!.id, m.customer!.pending);
    const created = await createCustomers(tx, [...pending.values()], group[0]!.req.now);
    for (const m of group) {
      const c = m.customer!.pending ? created.get(m.customer!.id)! : null;
      if (c) m.customer = { id: c.id, tier: c.tier };
    }
    const numbers = sameYear ? settings.numbers : null;
    for (const [i, m] of group.entries()) {
      m.number = numbers ? numbers[i]! : (await loadIntakeSettings(tx, { year: m.req.now.getUTCFullYear(), count: 1 })).numbers[0]!;
    }

    // Repeats and near-duplicates: the database's (new customers have none), then within the group.
    const queries: RepeatQuery[] = group.map((m) => ({
      customerId: m.customer!.id, category: m.base!.category, orderId: m.order?.id ?? null,
      since: new Date(m.req.now.getTime() - windowDays * 86_400_000), text: `${m.req.input.subject} ${m.req.input.description}`,
    }));
    const withHistory = group.flatMap((m, i) => (pending.has(m.customer!.id) ? [] : [i]));
    const fromDb = await findRepeatsAndDuplicates(tx, withHistory.map((i) => queries[i]!));
    const found = group.map((_, i) => fromDb[withHistory.indexOf(i)] ?? { repeat: null, duplicates: [] });
    const links = withGroupLinks(group.map((m) => ({
      id: m.id, number: m.number!, customer: m.customer!.id, category: m.base!.category, orderId: m.order?.id ?? null,
      subject: m.req.input.subject, description: m.req.input.description,
    })), found);
    group.forEach((m, i) => { m.decision = decideIntake(m.base!, m.req.input, m.customer!, links[i]!, windowDays); });

    // Routing rules after classification and before the SLA clocks: a raised severity sets the due times.
    const set = await activeRuleSet(tx, settings.ruleSet);
    let batch: Array<{ m: Member; values: SqlParam[] }> = [];
    for (const m of group) {
      const { input, now } = m.req;
      const d = m.decision!;
      const tags = d.needsTriage ? [...new Set([...(input.tags ?? []), NEEDS_TRIAGE_TAG])] : (input.tags ?? []);
      const plan = planRouting(set, {
        category: d.category, severity: d.severity, channel: input.channel, customerTier: m.customer!.tier,
        merchant: m.order?.merchant ?? null, amount: input.amount ?? null, orderStatus: m.order?.status ?? null,
        text: `${input.subject}\n${input.description}`, emotion: d.emotion ?? null, tags,
        department: m.categoryDepartment!, team: null, at: now,
      }, settings.departmentIds);
      let assignee = null;
      if (plan.outcome.assign) {
        // Who is least loaded (or next in turn) depends on the complaints before this one: write them first.
        await insertRows(tx, batch);
        batch = [];
        assignee = await pickAssignee(tx, plan.outcome.assign, now);
      }
      m.routing = { ...plan, department: plan.department ?? null, assignee };
      const policy = settings.policies.get(m.routing.severity) ?? (await loadPolicy(tx, m.routing.severity));
      const due = dueTimes(policy, calendarOf(policy), now, 0);
      const sla = schedule({
        status: 'new', sla_cycle: 1, sla_started_at: now, sla_paused_at: null, sla_paused_ms: 0, ...due, first_response_at: null, resolved_at: null,
      }, new Set());
      batch.push({ m, values: rowValues(m, due, sla) });
    }
    await insertRows(tx, batch);

    // Every complaint's events in one statement, in order: created, classified, routing, SLA, links.
    const linkEvents = await recordIntakeLinks(tx, group.map((m) => ({
      complaintId: m.id, at: m.req.now, repeat: m.decision!.repeat, duplicates: m.decision!.duplicates, windowDays,
    })));
    const events: NewEvent[] = [];
    for (const [i, m] of group.entries()) {
      const { input, now, principal } = m.req;
      const d = m.decision!;
      const base = { complaintId: m.id, at: now };
      events.push(
        {
          ...base, type: 'complaint.created', actor: actorOf(principal),
          data: { number: m.number!, channel: input.channel, subject: input.subject, customerId: m.customer!.id, orderId: m.order?.id ?? null, amountClaimed: input.amount ?? null },
        },
        {
          ...base, type: 'complaint.classified', actor: SYSTEM_ACTOR,
          data: {
            category: d.category, severity: m.routing!.severity, source: d.source, reasons: d.reasons,
            ...(d.confidence !== undefined ? { confidence: d.confidence } : {}),
            ...(d.emotion ? { emotion: d.emotion } : {}),
            ...(d.language ? { language: d.language } : {}),
            needsTriage: d.needsTriage,
          },
        },
        ...(await routingEvents(tx, m.id, m.routing!, now)),
        {
          ...base, type: 'sla.started', actor: SYSTEM_ACTOR,
          data: { cycle: 1, severity: m.routing!.severity, firstResponseDueAt: m.row!.first_response_due_at.toISOString(), resolutionDueAt: m.row!.resolution_due_at.toISOString() },
        },
        ...linkEvents[i]!,
      );
    }
    await appendEvents(tx, events);
    // A channel's own records (its message id, attachments, intake event) commit with the complaint or not at all.
    for (const m of group) if (m.req.inTransaction) await m.req.inTransaction(tx, m.id);
  }
  return members.map((m): ItemOutcome<IntakeResult> => {
    if (m.error !== undefined) return { ok: false, error: m.error };
    if (m.replayOf !== undefined) return { ok: true, value: { replayOf: m.replayOf } };
    // A channel's rows may touch the complaint: it is read back after commit.
    return { ok: true, value: m.req.inTransaction ? { created: m.id } : { created: m.id, row: m.row! } };
  });
}

