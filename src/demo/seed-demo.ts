import { performance } from 'node:perf_hooks';
import { ManualClock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { generatePassword, hashPassword } from '../modules/auth/passwords.js';
import type { Principal, Role } from '../modules/auth/principal.js';
import { addMessage } from '../modules/complaints/commands/add-message.js';
import { changeStatus } from '../modules/complaints/commands/change-status.js';
import { createComplaint } from '../modules/complaints/commands/create-complaint.js';
import { updateComplaint } from '../modules/complaints/commands/update-complaint.js';
import { decideApproval } from '../modules/approvals/commands/decide-approval.js';
import { requestSettlement } from '../modules/approvals/commands/request-settlement.js';
import { acknowledgeHandoff } from '../modules/handoffs/commands/acknowledge-handoff.js';
import { answerHandoff } from '../modules/handoffs/commands/answer-handoff.js';
import { requestHandoff } from '../modules/handoffs/commands/request-handoff.js';
import type { CreateComplaintInput } from '../modules/complaints/complaint-schema.js';
import { STATUSES, type Status } from '../modules/complaints/lifecycle.js';
import { SEVERITIES, type Channel, type Severity } from '../modules/complaints/taxonomy.js';
import { loadPolicy } from '../modules/sla/policies.js';
import { runSlaSweep } from '../modules/sla/sla-scheduler.js';
import { departmentStaff, FRONT_STAFF, type DemoCustomer, type DemoStaff } from './demo-people.js';
import { planDemo, type DemoPlan, type PlannedComplaint, type StaffRef, type Step } from './demo-plan.js';

/**
 * LOOPDESK_DEMO=1: fills an empty Loopdesk with a believable quarter of complaint work —
 * staff for every role, customers with orders, and complaints whose whole history is
 * played through the real commands (createComplaint, addMessage, changeStatus,
 * updateComplaint) on a manual clock set to each step's historical time. Nothing is
 * written to the event log by hand, so the demo obeys the same rules as real work.
 *
 * Runs only while the database has no complaints; a transaction-scoped advisory lock makes
 * two instances starting together on one PostgreSQL seed once.
 */

export interface DemoSeedOptions {
  /** Complaints to create (default 500). */
  complaints?: number;
  /** Customers to create (default 60). */
  customers?: number;
  /** How far back the complaints go, in days (default 90). */
  days?: number;
  /** Seed of the generator: the same seed plans the same demo (default 'loopdesk-demo'). */
  seed?: string;
  /** One password for every demo account; default: a generated password per role. */
  password?: string;
  /** Complaints per transaction (default 25). */
  batchSize?: number;
}

export interface DemoCredential {
  role: Role;
  name: string;
  email: string;
  department: string | null;
  /** Null for the bootstrap admin, whose password the demo does not know. */
  password: string | null;
}

export interface DemoSeedResult {
  report: string;
  credentials: DemoCredential[];
  customers: number;
  orders: number;
  complaints: number;
  events: number;
  byStatus: Record<Status, number>;
  /** Complaints with at least one sla.breached event. */
  breached: number;
  elapsedMs: number;
}

/** Arbitrary, fixed: the key of the advisory lock that serialises demo seeding. */
const DEMO_LOCK_KEY = 7_310_425_001;
const DEMO_SESSION = 'demo-seed';

/** Seeds the demo and returns a printable report, or null when the database already has complaints. */
export async function seedDemo(ctx: AppContext, opts: DemoSeedOptions = {}): Promise<string | null> {
  const result = await runDemoSeed(ctx, opts);
  return result?.report ?? null;
}

interface People {
  staff: Map<StaffRef, Principal & { kind: 'user' }>;
  departments: Map<string, Principal & { kind: 'user' }>;
  customers: Array<{ id: string; name: string }>;
  orders: Array<string | null>;
  credentials: DemoCredential[];
}

export async function runDemoSeed(ctx: AppContext, opts: DemoSeedOptions = {}): Promise<DemoSeedResult | null> {
  const started = performance.now();
  if (await hasComplaints(ctx.db)) return null;

  const now = ctx.clock.now();
  const departments = await ctx.db.query<{ id: string; code: string; name: string }>('select id, code, name from departments order by code');
  const targets = {} as Record<Severity, { firstResponse: number; resolution: number }>;
  for (const s of SEVERITIES) {
    const p = await loadPolicy(ctx.db, s);
    targets[s] = { firstResponse: p.firstResponseMinutes, resolution: p.resolutionMinutes };
  }
  const plan = planDemo({
    now,
    complaints: opts.complaints ?? 500,
    customers: opts.customers ?? 60,
    days: opts.days ?? 90,
    seed: opts.seed ?? 'loopdesk-demo',
    targets,
    departments: new Set(departments.map((d) => d.code)),
  });

  // scrypt is slow by design: one password (and one hash) per role, not per account.
  const staffList: DemoStaff[] = [...FRONT_STAFF, ...departments.map((d) => departmentStaff(d.code))];
  const passwords = new Map<string, { plain: string; hash: string }>();
  for (const role of new Set(staffList.map((s) => s.role))) {
    const plain = opts.password ?? `${role.replace('_', '-')}-${generatePassword().replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`;
    passwords.set(role, { plain, hash: await hashPassword(plain) });
  }

  const batch = Math.max(1, opts.batchSize ?? 25);
  const people = await ctx.db.transaction(async (tx) => {
    await tx.query('select 1 from (select pg_advisory_xact_lock($1::bigint)) as l', [DEMO_LOCK_KEY]);
    if (await hasComplaints(tx)) return null; // another instance seeded while we planned
    const p = await createPeople(tx, plan, staffList, passwords, departments, now);
    await playBatch(ctx, tx, p, plan.complaints.slice(0, batch));
    return p;
  });
  if (!people) return null;
  for (let i = batch; i < plan.complaints.length; i += batch) {
    await ctx.db.transaction((tx) => playBatch(ctx, tx, people, plan.complaints.slice(i, i + batch)));
  }
  // Now with the real clock: complaints still open record the at-risk / breach alerts they passed.
  await runSlaSweep(ctx);
  return summarise(ctx, plan, people, performance.now() - started);
}

async function hasComplaints(db: Queryable): Promise<boolean> {
  const rows = await db.query('select 1 from complaints limit 1');
  return rows.length > 0;
}

async function createPeople(
  tx: Queryable,
  plan: DemoPlan,
  staffList: DemoStaff[],
  passwords: Map<string, { plain: string; hash: string }>,
  departments: Array<{ id: string; code: string; name: string }>,
  now: Date,
): Promise<People> {
  const since = new Date(now.getTime() - 120 * 86_400_000);
  const people: People = { staff: new Map(), departments: new Map(), customers: [], orders: [], credentials: [] };

  const [admin] = await tx.query<{ email: string; name: string }>(
    `select email, name from users where role = 'admin' and active order by created_at limit 1`,
  );
  if (admin) people.credentials.push({ role: 'admin', name: admin.name, email: admin.email, department: null, password: null });

  for (const s of staffList) {
    const pw = passwords.get(s.role)!;
    const departmentId = s.department ? departments.find((d) => d.code === s.department)?.id ?? null : null;
    const { id, email } = await insertStaff(tx, s, departmentId, pw.hash, since);
    const principal = { kind: 'user' as const, sessionId: DEMO_SESSION, userId: id, role: s.role, departmentId, name: s.name, email };
    if (s.department) people.departments.set(s.department, principal);
    else if (s.key !== 'analyst') people.staff.set(s.key as StaffRef, principal);
    people.credentials.push({ role: s.role, name: s.name, email, department: s.department, password: pw.plain });
  }

  for (const c of plan.customers) people.customers.push({ id: await insertCustomer(tx, c, now), name: c.name });

  for (const o of plan.orders) {
    const [row] = await tx.query<{ id: string }>(
      `insert into orders (number, customer_id, items, amount, currency, status, placed_at, delivered_at, created_at, updated_at)
       values ($1, $2, $3::jsonb, $4, 'CNY', $5, $6, $7, $6, $8)
       on conflict (number) do nothing returning id`,
      [o.number, people.customers[o.customer]!.id, JSON.stringify(o.items), o.amount, o.status, o.placedAt, o.deliveredAt, o.deliveredAt ?? o.placedAt],
    );
    // An order number already taken (never in an empty database) just leaves the complaint without an order.
    people.orders.push(row ? o.number : null);
  }
  return people;
}

/** A fresh account for a demo role; an email already in use gets a +n suffix so no existing account is touched. */
async function insertStaff(tx: Queryable, s: DemoStaff, departmentId: string | null, hash: string, since: Date): Promise<{ id: string; email: string }> {
  for (let n = 0; n < 50; n++) {
    const email = n === 0 ? s.email : s.email.replace('@', `+${n}@`);
    const [row] = await tx.query<{ id: string }>(
      `insert into users (email, name, role, department_id, password_hash, locale, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (lower(email)) do nothing returning id`,
      [email, s.name, s.role, departmentId, hash, s.locale, since],
    );
    if (row) return { id: row.id, email };
  }
  throw new Error(`demo: could not find a free email for ${s.email}`);
}

async function insertCustomer(tx: Queryable, c: DemoCustomer, now: Date): Promise<string> {
  const created = new Date(now.getTime() - c.sinceDays * 86_400_000);
  const [row] = await tx.query<{ id: string }>(
    `insert into customers (name, email, phone, locale, tier, external_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict do nothing returning id`,
    [c.name, c.email, c.phone, c.lang === 'zh' ? 'zh-CN' : 'en', c.tier, c.externalId, created],
  );
  if (row) return row.id;
  // The email or CRM id already belongs to someone: reuse that customer.
  const [existing] = await tx.query<{ id: string }>(
    'select id from customers where lower(email) = lower($1) or external_id = $2 order by created_at limit 1',
    [c.email, c.externalId],
  );
  return existing!.id;
}

/**
 * The application's database seen through one open transaction: commands that open their
 * own transaction join this one, so a batch of complaints commits whole — the SLA scheduler
 * of a running server never sees a complaint half-way through its history.
 */
function joined(db: Database, tx: Queryable): Database {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    notify: (channel, payload) => tx.notify(channel, payload),
    transaction: (fn) => fn(tx),
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: () => Promise.reject(new Error('the demo seeder does not close the database')),
  };
}

async function playBatch(base: AppContext, tx: Queryable, people: People, complaints: PlannedComplaint[]): Promise<void> {
  const clock = new ManualClock(base.clock.now());
  const ctx: AppContext = { ...base, db: joined(base.db, tx), clock };
  for (const pc of complaints) await playComplaint(ctx, clock, people, pc);
}

function replyChannel(channel: Channel): Channel {
  return channel === 'api' || channel === 'webhook' ? 'web' : channel;
}

async function playComplaint(ctx: AppContext, clock: ManualClock, people: People, pc: PlannedComplaint): Promise<void> {
  const customer = people.customers[pc.customer]!;
  const customerPrincipal: Principal = { kind: 'customer', sessionId: DEMO_SESSION, customerId: customer.id, name: customer.name };
  const staff = (ref: StaffRef) => people.staff.get(ref)!;
  const department = () => {
    const p = people.departments.get(pc.department);
    if (!p) throw new Error(`demo: no staff for department ${pc.department}`);
    return p;
  };
  const orderNumber = pc.order === null ? null : people.orders[pc.order];

  clock.set(pc.createdAt);
  const input: CreateComplaintInput = { channel: pc.channel, subject: pc.subject, description: pc.description, customerId: customer.id };
  if (orderNumber) input.orderId = orderNumber;
  if (pc.category) input.category = pc.category;
  if (pc.severity) input.severity = pc.severity;
  if (pc.amount !== undefined) {
    input.amount = pc.amount;
    input.currency = 'CNY';
  }
  if (pc.tags.length) input.tags = pc.tags;
  const filer = pc.filedBy === 'customer' ? customerPrincipal : staff(pc.filedBy);
  const { complaint } = await createComplaint(ctx, filer, input);
  const id = complaint.id;

  for (const step of pc.steps) {
    clock.set(step.at);
    await playStep(ctx, id, pc, step, { customer: customerPrincipal, staff, department });
  }
}

async function playStep(
  ctx: AppContext,
  id: string,
  pc: PlannedComplaint,
  step: Step,
  who: { customer: Principal; staff: (ref: StaffRef) => Principal & { kind: 'user' }; department: () => Principal },
): Promise<void> {
  switch (step.kind) {
    case 'assign':
      await updateComplaint(ctx, who.staff(step.by), id, { assigneeId: who.staff(step.to).userId });
      return;
    case 'reply':
      await addMessage(ctx, who.staff(step.by), id, { kind: 'public_reply', body: step.body, channel: replyChannel(pc.channel) });
      return;
    case 'note':
      await addMessage(ctx, step.by === 'department' ? who.department() : who.staff(step.by), id, { kind: 'internal_note', body: step.body });
      return;
    case 'customer':
      await addMessage(ctx, who.customer, id, { body: step.body });
      return;
    case 'status': {
      const by = step.by === 'customer' ? who.customer : step.by === 'department' ? who.department() : who.staff(step.by);
      await changeStatus(ctx, by, id, { status: step.to, ...(step.reason ? { reason: step.reason } : {}) });
      return;
    }
    case 'reclassify':
      await updateComplaint(ctx, who.staff(step.by), id, {
        ...(step.category ? { category: step.category } : {}),
        ...(step.severity ? { severity: step.severity } : {}),
        ...(step.tags ? { tags: step.tags } : {}),
        reason: step.reason,
      });
      return;
    case 'handoff':
      await requestHandoff(ctx, who.staff(step.by), id, { department: pc.department, note: step.note });
      return;
    case 'handoff_ack':
      await acknowledgeHandoff(ctx, who.department(), await openHandoff(ctx.db, id));
      return;
    case 'handoff_answer':
      await answerHandoff(ctx, who.department(), await openHandoff(ctx.db, id), { answer: step.body, outcome: 'action_taken' });
      return;
    case 'settle':
      await requestSettlement(ctx, who.staff(step.by), id, { kind: step.settlement, amount: step.amount, currency: 'CNY', reason: step.reason });
      return;
    case 'decide': {
      const [a] = await ctx.db.query<{ id: string }>(`select id from approvals where complaint_id = $1 and status = 'pending' order by created_at desc limit 1`, [id]);
      if (!a) throw new Error(`demo: complaint ${id} has no pending approval`);
      await decideApproval(ctx, who.staff('supervisor'), a.id, { decision: step.decision, reason: step.reason });
      return;
    }
  }
}

/** The complaint's task still waiting for its department (the demo opens one at a time). */
async function openHandoff(db: Queryable, complaintId: string): Promise<string> {
  const [h] = await db.query<{ id: string }>(
    `select id from handoffs where complaint_id = $1 and status in ('open', 'acknowledged') order by sequence desc limit 1`, [complaintId]);
  if (!h) throw new Error(`demo: complaint ${complaintId} has no open department task`);
  return h.id;
}

async function summarise(ctx: AppContext, plan: DemoPlan, people: People, elapsedMs: number): Promise<DemoSeedResult> {
  const statusRows = await ctx.db.query<{ status: Status; n: number }>('select status, count(*)::int as n from complaints group by status');
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of statusRows) byStatus[r.status] = r.n;
  const [counts] = await ctx.db.query<{ complaints: number; events: number; breached: number; overdue: number }>(
    `select (select count(*)::int from complaints) as complaints,
            (select count(*)::int from complaint_events) as events,
            (select count(distinct complaint_id)::int from complaint_events where type = 'sla.breached') as breached,
            (select count(*)::int from complaints where sla_urgent_at < $1) as overdue`,
    [ctx.clock.now()],
  );
  const c = counts!;
  const orders = people.orders.filter((o) => o !== null).length;
  const span = plan.complaints.length ? Math.round((ctx.clock.now().getTime() - plan.complaints[0]!.createdAt.getTime()) / 86_400_000) : 0;
  const lines = [
    `Loopdesk demo data seeded in ${(elapsedMs / 1000).toFixed(1)} s:`,
    `  ${plan.customers.length} customers, ${orders} orders, ${c.complaints} complaints with ${c.events} events over the last ${span} days`,
    `  by status: ${STATUSES.map((s) => `${s} ${byStatus[s]}`).join(' · ')}`,
    `  SLA: ${c.breached} complaints breached a target at some point; ${c.overdue} open complaints are overdue now`,
    '',
    'Demo accounts (sign in on the web UI or POST /api/v1/auth/login):',
    ...credentialTable(people.credentials),
  ];
  return {
    report: lines.join('\n'),
    credentials: people.credentials,
    customers: plan.customers.length,
    orders,
    complaints: c.complaints,
    events: c.events,
    byStatus,
    breached: c.breached,
    elapsedMs,
  };
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

function credentialTable(creds: DemoCredential[]): string[] {
  const rows = [
    ['role', 'department', 'name', 'email', 'password'],
    ...creds.map((c) => [c.role, c.department ?? '', c.name, c.email, c.password ?? '(ADMIN_PASSWORD, or the one printed at first start)']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  ')}`);
}
