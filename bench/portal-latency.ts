/**
 * Service hall read latencies on a large database, one request at a time, each as a real
 * customer (customer session token): the first screen (GET /api/v1/portal/home) and the
 * progress page of one of their complaints (GET /api/v1/portal/complaints/:number).
 * Issue 4 target: server time p95 ≤ 50 ms at 1,000,000 complaints on PostgreSQL.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Queryable } from '../src/db/database.js';
import { createSession } from '../src/modules/auth/sessions.js';
import { percentile, progress, round, withTarget, type Figure } from './report.js';
import type { ServerProcess } from './server-process.js';

export const PORTAL_TARGET_MS = 50;

export interface PortalTarget {
  token: string;
  number: string;
}

/**
 * Random complaints and a session for each one's customer. Sampling complaints (not
 * customers) weights customers by how many complaints they have — the heavier first screens.
 */
export async function samplePortalTargets(db: Queryable, size = 500): Promise<PortalTarget[]> {
  const rows = await db.query<{ customer_id: string; number: string }>(
    `select customer_id, number from complaints tablesample system (1) order by random() limit ${size}`,
  );
  const out: PortalTarget[] = [];
  for (const r of rows) {
    const s = await createSession(db, { customerId: r.customer_id }, { kind: 'session', expiresAt: null, name: 'bench portal' });
    out.push({ token: s.token, number: r.number });
  }
  return out;
}

function get(agent: http.Agent, base: string, path: string, token: string): Promise<{ status: number; ms: number; serverMs: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, serverMs: null }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function runPortalLatency(
  server: ServerProcess,
  targets: readonly PortalTarget[],
  o: { database: 'postgres' | 'pglite'; complaints: number; requests: number; warmup: number },
): Promise<Figure[]> {
  if (!targets.length) throw new Error('no portal targets sampled');
  const kinds = [
    { name: 'floor', label: 'GET /healthz (HTTP round trip + select 1): the floor under the portal figures', path: () => '/healthz' },
    { name: 'home', label: 'service hall first screen: GET /api/v1/portal/home (customer session)', path: () => '/api/v1/portal/home' },
    { name: 'progress', label: 'service hall progress page: GET /api/v1/portal/complaints/:number (customer session)', path: (t: PortalTarget) => `/api/v1/portal/complaints/${t.number}` },
  ];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
  let failures = 0;
  progress(`portal latency on ${o.database}: ${o.warmup} warm-up + ${o.requests} measured requests per page, ${targets.length} customers`);
  for (let i = 0; i < o.warmup + o.requests; i++) {
    const t = targets[i % targets.length]!;
    for (const k of kinds) {
      const r = await get(agent, server.baseUrl, k.path(t), t.token);
      if (r.status !== 200) {
        failures++;
        if (failures <= 5) progress(`GET ${k.path(t)} answered ${r.status}`);
      }
      if (i >= o.warmup) times.get(k.name)!.push(r.ms);
    }
  }
  agent.destroy();
  const common = { database: o.database, complaints: o.complaints, requests: o.requests, customers: targets.length };
  const figures: Figure[] = [];
  for (const k of kinds) {
    const sorted = [...times.get(k.name)!].sort((a, b) => a - b);
    for (const p of [50, 95, 99] as const) {
      let f: Figure = { name: `latency.${o.database}.portal_${k.name}.p${p}`, value: round(percentile(sorted, p), 2), unit: 'ms', ...common, what: k.label };
      if (o.database === 'postgres' && p === 95 && k.name !== 'floor') f = withTarget(f, '<=', PORTAL_TARGET_MS);
      figures.push(f);
    }
  }
  figures.push(withTarget({ name: `latency.${o.database}.portal.errors`, value: failures, unit: 'count', ...common }, '<=', 0));
  return figures;
}
