/**
 * Benchmark data: N complaints with plausible histories, written straight in SQL with
 * set-based inserts (generate_series, one batch per transaction), on PGlite or PostgreSQL.
 *
 * Customers ≈ N/5 (a few complain often), 3 orders each, users (agents and department
 * staff); complaints spread over the year before `now` across every status, category,
 * severity, channel and department, in Chinese and English; each with its event history,
 * messages and SLA alerts consistent with the SLA rules (see plan-sql.ts). Timestamps have
 * millisecond precision. Complaint numbers come from complaint_number_seq.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../src/db/database.js';
import { DEFAULT_DEPARTMENTS } from '../src/modules/complaints/taxonomy.js';
import { INSERT_ALERTS, INSERT_COMPLAINTS, INSERT_EVENTS, INSERT_MESSAGES } from './history-sql.js';
import { AGENTS, planSql, STAFF_PER_DEPARTMENT } from './plan-sql.js';
import { CUSTOMER_NAMES_EN, CUSTOMER_NAMES_ZH, PRODUCTS } from './phrases.js';
import { pick, textArray, uid } from './sql-text.js';

export interface GenerateOptions {
  complaints: number;
  /** The instant the histories lead up to (defaults to the wall clock). */
  now?: Date;
  /** Complaints per transaction. */
  batchSize?: number;
  /** Drop secondary indexes during the load and rebuild them after (default: from 100,000 complaints). */
  rebuildIndexes?: boolean;
  /** Makes the random choices repeatable (per batch, with setseed). */
  seed?: number;
  log?: (msg: string) => void;
}

export interface GenerateResult {
  complaints: number;
  customers: number;
  orders: number;
  events: number;
  messages: number;
  slaAlerts: number;
  seconds: number;
  /** Seconds per phase (customers, complaints, indexes, vacuum). */
  phases: Record<string, number>;
}

const LOADED_TABLES = ['complaints', 'complaint_events', 'messages', 'sla_alerts', 'customers', 'orders'];
const BIG_BATCH = 100_000;

async function count(db: Queryable, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? 0;
}

async function insertPeople(db: Database, run: string, customers: number, now: Date): Promise<void> {
  const zhName = `${pick(CUSTOMER_NAMES_ZH.surnames, `((k * 7) % 20) / 20.0`)} || ${pick(CUSTOMER_NAMES_ZH.given, `((k / 20) % 30) / 30.0`)}`;
  const enName = `${pick(CUSTOMER_NAMES_EN.first, `(k % 25) / 25.0`)} || ' ' || ${pick(CUSTOMER_NAMES_EN.last, `((k / 25) % 25) / 25.0`)}`;
  // Customers exist before the complaint year; their creation instant is a hash of k so orders can use it.
  const created = `date_trunc('milliseconds', $3::timestamptz - interval '730 days'
    + (('x' || substr(md5($4 || 'cc' || k), 1, 8))::bit(32)::bigint / 4294967296.0) * interval '364 days')`;
  for (let lo = 1; lo <= customers; lo += BIG_BATCH) {
    const hi = Math.min(customers, lo + BIG_BATCH - 1);
    await db.query(
      `insert into customers (id, name, email, phone, locale, tier, created_at, updated_at)
       select ${uid(`$4 || 'k' || k`)}, case when k % 5 < 3 then ${zhName} else ${enName} end,
         'c' || k || '.' || $4 || '@' || (array['qq.com','163.com','gmail.com','outlook.com'])[1 + k % 4],
         '+8613' || lpad(((k::bigint * 7919) % 1000000000)::text, 9, '0'),
         case when k % 5 < 3 then 'zh-CN' else 'en' end, case when k % 33 = 0 then 'vip' else 'normal' end, ${created}, ${created}
       from generate_series($1::int, $2::int) k`,
      [lo, hi, now, run],
    );
  }
  for (let lo = 1; lo <= customers * 3; lo += BIG_BATCH) {
    const hi = Math.min(customers * 3, lo + BIG_BATCH - 1);
    await db.query(
      `insert into orders (id, number, customer_id, items, amount, currency, status, placed_at, delivered_at, created_at, updated_at)
       select ${uid(`$4 || 'o' || o`)}, 'SO' || $4 || '-' || lpad(o::text, 8, '0'), ${uid(`$4 || 'k' || k`)},
         jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (o * 13 % 997), 'name', product, 'qty', qty, 'price', price)),
         qty * price, 'CNY', case when o % 20 = 0 then 'returned' else 'delivered' end, placed,
         placed + (1 + o % 5) * interval '1 day', placed, placed + (1 + o % 5) * interval '1 day'
       from (
         select o, k, ${pick(PRODUCTS, 'random()')} as product, 1 + o % 3 as qty, round((9.9 + random() * 990)::numeric, 2) as price,
           date_trunc('milliseconds', ${created} + random() * (($3::timestamptz - interval '365 days') - ${created})) as placed
         from (select o, 1 + (o - 1) % $5::int as k from generate_series($1::int, $2::int) o) s
       ) x`,
      [lo, hi, now, run, customers],
    );
  }
  const depts = textArray(DEFAULT_DEPARTMENTS.map((d) => d.code));
  await db.query(
    `insert into users (id, email, name, role, department_id)
     select ${uid(`$1 || 'a' || i`)}, 'agent' || i || '.' || $1 || '@bench.loopdesk.test', 'Agent ' || i, 'agent',
       (select id from departments where code = 'customer_service')
     from generate_series(1, ${AGENTS}) i
     union all
     select ${uid(`$1 || 's' || d.code || ':' || j`)}, d.code || j || '.' || $1 || '@bench.loopdesk.test', d.name || ' staff ' || j,
       'department_staff', d.id
     from departments d cross join generate_series(0, ${STAFF_PER_DEPARTMENT - 1}) j where d.code = any(${depts})`,
    [run],
  );
}

/** Secondary (non-unique) indexes of the loaded tables, so a large load can drop and rebuild them. */
async function secondaryIndexes(db: Queryable): Promise<Array<{ name: string; def: string }>> {
  return db.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i
       join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
       join pg_index x on x.indexrelid = c.oid
      where i.schemaname = current_schema() and i.tablename = any($1) and not x.indisunique and not x.indisprimary`,
    [LOADED_TABLES],
  );
}

export async function generateData(db: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? (() => undefined);
  const n = opts.complaints;
  const now = opts.now ?? new Date();
  const batch = opts.batchSize ?? (n >= 200_000 ? 25_000 : 5_000);
  const customers = Math.max(1, Math.ceil(n / 5));
  const run = randomBytes(4).toString('hex');
  const started = Date.now();
  const phases: Record<string, number> = {};
  const phase = (name: string, since: number) => (phases[name] = Math.round((Date.now() - since) / 100) / 10);

  const [policy] = await db.query<{ n: number }>(`select count(*)::int as n from sla_policies where calendar->>'mode' <> '24x7'`);
  if (policy && policy.n > 0) throw new Error('generateData supports 24x7 SLA calendars only');
  const [su] = await db.query<{ su: boolean }>('select rolsuper as su from pg_roles where rolname = current_user');
  const before = { events: await count(db, 'complaint_events'), messages: await count(db, 'messages'), alerts: await count(db, 'sla_alerts') };

  let t = Date.now();
  await insertPeople(db, run, customers, now);
  phase('customers', t);
  log(`generate: ${customers} customers, ${customers * 3} orders in ${phases.customers}s`);

  const rebuild = opts.rebuildIndexes ?? n >= 100_000;
  const dropped = rebuild ? await secondaryIndexes(db) : [];
  for (const ix of dropped) await db.query(`drop index ${ix.name}`);
  try {
    const [seq] = await db.query<{ first: number }>(`select nextval('complaint_number_seq')::bigint as first`);
    const base = seq!.first - 1;
    await db.query(`select setval('complaint_number_seq', $1::bigint)`, [base + n]);
    const plan = planSql();
    t = Date.now();
    for (let lo = 1; lo <= n; lo += batch) {
      const hi = Math.min(n, lo + batch - 1);
      await db.transaction(async (tx) => {
        // A bulk load of consistent rows: skip per-row foreign-key triggers when allowed (as pg_restore does).
        if (su?.su) await tx.query(`set local session_replication_role = replica`);
        await tx.query(`set local synchronous_commit = off`);
        // The batch's plan is scanned once per event type: keep it and the sort in memory.
        await tx.query(`set local work_mem = '${db.kind === 'postgres' ? '256MB' : '64MB'}'`);
        await tx.query(`set local temp_buffers = '${db.kind === 'postgres' ? '512MB' : '64MB'}'`);
        if (opts.seed !== undefined) await tx.query('select setseed($1)', [(((opts.seed * 7919 + lo) % 2000) - 1000) / 1000]);
        await tx.query(plan, [lo, hi, n, now, customers, run, base]);
        await tx.query(INSERT_COMPLAINTS);
        await tx.query(INSERT_ALERTS);
        await tx.query(INSERT_MESSAGES);
        await tx.query(INSERT_EVENTS);
      });
      if (hi === n || Math.floor(hi / 100_000) > Math.floor((hi - batch) / 100_000)) {
        const s = (Date.now() - t) / 1000;
        log(`generate: ${hi}/${n} complaints (${Math.round(hi / s)}/s, ${s.toFixed(0)}s)`);
      }
    }
    phase('complaints', t);
  } finally {
    t = Date.now();
    for (const ix of dropped) {
      await db.transaction(async (tx) => {
        await tx.query(`set local maintenance_work_mem = '${db.kind === 'postgres' ? '1GB' : '256MB'}'`);
        await tx.query(ix.def);
      });
      log(`generate: rebuilt ${ix.name} (${((Date.now() - t) / 1000).toFixed(0)}s)`);
    }
    if (dropped.length) phase('indexes', t);
  }
  t = Date.now();
  for (const table of [...LOADED_TABLES, 'users']) await db.exec(`vacuum analyze ${table}`);
  phase('vacuum', t);
  const result: GenerateResult = {
    complaints: n,
    customers,
    orders: customers * 3,
    events: (await count(db, 'complaint_events')) - before.events,
    messages: (await count(db, 'messages')) - before.messages,
    slaAlerts: (await count(db, 'sla_alerts')) - before.alerts,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    phases,
  };
  log(`generate: done ${JSON.stringify(result)}`);
  return result;
}
