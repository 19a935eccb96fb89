/**
 * Intake throughput: POST /api/v1/complaints with 50 connections next to the ceiling of
 * the same server process — POST /bench/bare-insert, one bare INSERT per request.
 */
import autocannon, { type Result } from 'autocannon';
import { CATEGORIES, CHANNELS, SEVERITIES } from '../src/modules/complaints/taxonomy.js';
import { PHRASES } from './phrases.js';
import { emit, progress, round, withTarget, type Figure } from './report.js';
import { sampleCpu, sampleRss, type ServerProcess } from './server-process.js';

export interface IntakeOptions {
  database: 'postgres' | 'pglite';
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
/** Returning customers: a bounded pool of addresses, so matching by email is exercised (and creating). */
const CUSTOMER_POOL = 20_000;

/** A varied, valid create-complaint body: Chinese or English, sometimes with category, severity, amount. */
export function intakeBody(): string {
  const category = any(CATEGORIES);
  const p = PHRASES[category];
  const zh = Math.random() < 0.6;
  const n = Math.floor(Math.random() * CUSTOMER_POOL);
  const body: Record<string, unknown> = {
    channel: any(CHANNELS),
    subject: zh ? any(p.subjectZh) : any(p.subjectEn),
    description: zh ? `${any(p.detailZh)}${any(p.detailZh)}` : `${any(p.detailEn)} ${any(p.detailEn)}`,
    customer: Math.random() < 0.9
      ? { name: zh ? `客户${n}` : `Customer ${n}`, email: `intake${n}@bench.example.com` }
      : { name: zh ? `客户${n}` : `Customer ${n}`, phone: `+86 139 ${String(n).padStart(8, '0')}` },
  };
  if (Math.random() < 0.7) body.category = category;
  if (Math.random() < 0.2) body.severity = any(SEVERITIES);
  if (Math.random() < 0.3) body.amount = Math.round(Math.random() * 300_000) / 100;
  return JSON.stringify(body);
}

async function load(server: ServerProcess, path: string, seconds: number, connections: number, withToken: boolean): Promise<Result> {
  return autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${server.token}` } : {}) },
    requests: [{ method: 'POST', path, setupRequest: (req) => ({ ...req, body: intakeBody() }) }],
  });
}

async function measure(server: ServerProcess, label: string, path: string, withToken: boolean, o: IntakeOptions) {
  if (o.warmupSeconds > 0) {
    progress(`${label} on ${o.database}: warm-up ${o.warmupSeconds}s`);
    await load(server, path, o.warmupSeconds, o.connections, withToken);
  }
  progress(`${label} on ${o.database}: ${o.connections} connections for ${o.seconds}s`);
  const rss = sampleRss(server);
  const cpu = sampleCpu(server.pid);
  const own = process.cpuUsage();
  const ownStart = process.hrtime.bigint();
  const r = await load(server, path, o.seconds, o.connections, withToken);
  const rssMax = rss.stop();
  const cores = {
    ...cpu.stop(),
    loadGeneratorCores: round((() => { const u = process.cpuUsage(own); return (u.user + u.system) / 1e6 / (Number(process.hrtime.bigint() - ownStart) / 1e9); })(), 2),
  };
  const ok = r['2xx'];
  const failures = r.errors + r.timeouts + r.non2xx;
  if (failures > 0) progress(`${label} on ${o.database}: ${failures} failures, status codes ${JSON.stringify(r.statusCodeStats)}`);
  return { rps: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, failures, ok, rssMax, statusCodes: r.statusCodeStats, ...cores };
}

export async function runIntake(server: ServerProcess, o: IntakeOptions): Promise<Figure[]> {
  const db = o.database;
  const common = { database: db, connections: o.connections, seconds: o.seconds, routingRules: Number(process.env.BENCH_ROUTING_RULES ?? 0) };
  const idleRss = server.rssMb() ?? 0;
  const groups = async () => (await (await fetch(`${server.baseUrl}/bench/intake-groups`)).json()) as { runs: number; items: number };
  const groupsBefore = await groups();
  const intake = await measure(server, 'intake', '/api/v1/complaints', true, o);
  const groupsAfter = await groups();
  const memoryAfter = (await (await fetch(`${server.baseUrl}/bench/memory`)).json()) as Record<string, number>;
  // Includes the warm-up seconds (measure() runs them first).
  const meanGroup = (groupsAfter.items - groupsBefore.items) / Math.max(1, groupsAfter.runs - groupsBefore.runs);
  const ceiling = await measure(server, 'ceiling', '/bench/bare-insert', false, o);
  // BENCH_EXPERIMENT=1: the same intake written in one statement (bench/experimental-intake.ts).
  const oneStatement = process.env.BENCH_EXPERIMENT === '1' ? await measure(server, 'one-statement intake', '/bench/intake-one-statement', true, o) : null;
  const pg = db === 'postgres';
  const figures: Figure[] = [
    { name: `intake.${db}.rps`, value: round(intake.rps), unit: 'req/s', ...common, requests: intake.ok,
      serverCores: intake.serverCores, loadGeneratorCores: intake.loadGeneratorCores, machineBusyCores: intake.machineBusyCores },
    { name: `intake.${db}.latency_p50`, value: intake.p50, unit: 'ms', ...common },
    { name: `intake.${db}.mean_group`, value: round(meanGroup), unit: 'complaints per transaction', ...common, transactions: groupsAfter.runs - groupsBefore.runs },
    { name: `intake.${db}.latency_p99`, value: intake.p99, unit: 'ms', ...common },
    { name: `intake.${db}.errors`, value: intake.failures, unit: 'count', ...common, statusCodes: intake.statusCodes },
    { name: `intake.${db}.rss_max`, value: round(intake.rssMax), unit: 'MB', ...common, peakRssSinceStart: round(server.peakRssMb() ?? 0), memoryAfterMb: memoryAfter },
    { name: `server.${db}.rss_idle`, value: round(idleRss), unit: 'MB', database: db, what: 'RSS of the started server before any load' },
    { name: `ceiling.${db}.rps`, value: round(ceiling.rps), unit: 'req/s', ...common, requests: ceiling.ok, route: 'POST /bench/bare-insert',
      serverCores: ceiling.serverCores, loadGeneratorCores: ceiling.loadGeneratorCores, machineBusyCores: ceiling.machineBusyCores },
    { name: `ceiling.${db}.latency_p50`, value: ceiling.p50, unit: 'ms', ...common },
    { name: `ceiling.${db}.latency_p99`, value: ceiling.p99, unit: 'ms', ...common },
    { name: `ceiling.${db}.errors`, value: ceiling.failures, unit: 'count', ...common },
    { name: `ceiling.${db}.rss_max`, value: round(ceiling.rssMax), unit: 'MB', ...common },
    { name: `intake.${db}.ratio_to_ceiling`, value: round((100 * intake.rps) / ceiling.rps), unit: '%', ...common },
  ];
  if (oneStatement) {
    const experiment = 'POST /bench/intake-one-statement: customer, complaint and 4 events in one statement (BENCH_EXPERIMENT=1)';
    figures.push(
      { name: `experiment.intake_one_statement.${db}.rps`, value: round(oneStatement.rps), unit: 'req/s', ...common, experiment,
        serverCores: oneStatement.serverCores, machineBusyCores: oneStatement.machineBusyCores, failures: oneStatement.failures },
      { name: `experiment.intake_one_statement.${db}.latency_p99`, value: oneStatement.p99, unit: 'ms', ...common, experiment },
      { name: `experiment.intake_one_statement.${db}.ratio_to_ceiling`, value: round((100 * oneStatement.rps) / ceiling.rps), unit: '%', ...common, experiment },
    );
  }
  return figures.map((f) => {
    if (f.name === `intake.${db}.errors` || f.name === `ceiling.${db}.errors`) return withTarget(f, '<=', 0);
    if (f.name === `intake.${db}.rss_max`) return withTarget(f, '<=', 300);
    if (pg && f.name === 'intake.postgres.ratio_to_ceiling') return withTarget(f, '>=', 50);
    if (pg && f.name === 'intake.postgres.latency_p99') return withTarget(f, '<=', 50);
    if (!pg && f.name === 'intake.pglite.rps') return withTarget(f, '>=', 1000);
    return f;
  });
}

export function emitAll(figures: Figure[]): void {
  for (const f of figures) emit(f);
}
