/**
 * Read latencies on a large database, one request at a time (what one agent waits for):
 * the agent queue, a complaint's detail and timeline, filtered lists with text search.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Queryable } from '../src/db/database.js';
import { SEARCH_WORDS } from './phrases.js';
import { percentile, progress, round, withTarget, type Figure } from './report.js';
import type { ServerProcess } from './server-process.js';

export interface LatencyTargets {
  ids: string[];
  departments: string[];
}

export interface LatencyOptions {
  database: 'postgres' | 'pglite';
  complaints: number;
  requests: number;
  warmup: number;
}

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** Random complaints and the departments that own complaints, to pick requests from. */
export async function sampleTargets(db: Queryable, size = 2000): Promise<LatencyTargets> {
  const ids = await db.query<{ id: string }>(`select id from complaints order by random() limit ${size}`);
  const departments = await db.query<{ code: string }>(
    `select d.code from departments d where exists (select 1 from complaints c where c.department_id = d.id)`,
  );
  return { ids: ids.map((r) => r.id), departments: departments.map((r) => r.code) };
}

function get(agent: http.Agent, server: ServerProcess, path: string): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(`${server.baseUrl}${path}`, { agent, headers: { authorization: `Bearer ${server.token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Kind {
  name: string;
  label: string;
  /** One or more GETs measured as one unit; each part is reported too when there are several. */
  paths(): Array<{ part: string; path: string }>;
  target?: number;
}

export async function runLatency(server: ServerProcess, targets: LatencyTargets, o: LatencyOptions): Promise<Figure[]> {
  const pg = o.database === 'postgres';
  const kinds: Kind[] = [
    {
      name: 'floor', label: 'GET /healthz (HTTP round trip + select 1): the floor under every figure',
      paths: () => [{ part: 'floor', path: '/healthz' }],
    },
    {
      name: 'queue', label: 'agent queue: 50 most urgent open complaints of a department',
      paths: () => [{ part: 'queue', path: `/api/v1/complaints?department=${any(targets.departments)}&status=open&sort=urgency&limit=50` }],
      target: 20,
    },
    {
      name: 'detail_timeline', label: 'complaint detail + event timeline (two GETs)',
      paths: () => {
        const id = any(targets.ids);
        return [{ part: 'detail', path: `/api/v1/complaints/${id}` }, { part: 'timeline', path: `/api/v1/complaints/${id}/events` }];
      },
    },
    {
      // What the complaint view asks for: the record and its timeline in one round trip.
      name: 'detail_with_events', label: 'complaint detail with its event timeline (one GET, include=events)',
      paths: () => [{ part: 'detail_with_events', path: `/api/v1/complaints/${any(targets.ids)}?include=events` }],
      target: 10,
    },
    {
      name: 'search_zh', label: 'open complaints containing a Chinese word (q + status=open)',
      paths: () => [{ part: 'search_zh', path: `/api/v1/complaints?q=${encodeURIComponent(any(SEARCH_WORDS.zh))}&status=open` }],
      target: 150,
    },
    {
      name: 'search_en', label: 'open complaints containing an English word (q + status=open)',
      paths: () => [{ part: 'search_en', path: `/api/v1/complaints?q=${encodeURIComponent(any(SEARCH_WORDS.en))}&status=open` }],
      target: 150,
    },
    {
      name: 'search_en_all', label: 'complaints in any status containing an English word (q only)',
      paths: () => [{ part: 'search_en_all', path: `/api/v1/complaints?q=${encodeURIComponent(any(SEARCH_WORDS.en))}` }],
      target: 150,
    },
  ];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const totals = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
  const parts = new Map<string, number[]>();
  let failures = 0;
  const total = o.warmup + o.requests;
  progress(`latency on ${o.database}: ${o.warmup} warm-up + ${o.requests} measured requests per kind, interleaved`);
  for (let i = 0; i < total; i++) {
    for (const kind of kinds) {
      let sum = 0;
      for (const { part, path } of kind.paths()) {
        const r = await get(agent, server, path);
        if (r.status !== 200) {
          failures++;
          if (failures <= 5) progress(`GET ${path} answered ${r.status}`);
        }
        sum += r.ms;
        if (i >= o.warmup) (parts.get(part) ?? parts.set(part, []).get(part)!).push(r.ms);
      }
      if (i >= o.warmup) totals.get(kind.name)!.push(sum);
    }
  }
  agent.destroy();

  const common = { database: o.database, complaints: o.complaints, requests: o.requests };
  const figures: Figure[] = [];
  const stats = (name: string, values: number[], label: string, target?: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [50, 95, 99] as const) {
      let f: Figure = { name: `latency.${o.database}.${name}.p${p}`, value: round(percentile(sorted, p), 2), unit: 'ms', ...common, what: label };
      if (pg && target !== undefined && p === 95) f = withTarget(f, '<=', target);
      figures.push(f);
    }
  };
  for (const kind of kinds) {
    stats(kind.name, totals.get(kind.name)!, kind.label, kind.target);
    if (kind.name === 'detail_timeline') {
      stats('detail', parts.get('detail') ?? [], 'GET /api/v1/complaints/:id');
      stats('timeline', parts.get('timeline') ?? [], 'GET /api/v1/complaints/:id/events');
    }
  }
  figures.push(withTarget({ name: `latency.${o.database}.errors`, value: failures, unit: 'count', ...common }, '<=', 0));
  return figures;
}
