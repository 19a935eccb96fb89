/**
 * Who an `assign` action picks. The pool: active users with one of the roles, optionally of one
 * department and team, holding every listed skill. round_robin walks the pool (ordered by id)
 * with a counter per pool in routing_cursors; least_loaded takes the one with the fewest open
 * complaints (ties: lowest id); by_skill is least_loaded among those with the skills.
 * A dry run passes a Simulation instead of committing: it reads the counters and loads and
 * advances copies in memory, so nothing is written.
 */
import type { Queryable } from '../../db/database.js';
import { OPEN_STATUSES } from '../complaints/lifecycle.js';
import type { AssignIntent } from './evaluate-rules.js';

export interface Picked {
  userId: string;
  reason: string;
}

export class Simulation {
  readonly cursors = new Map<string, number>();
  readonly extraLoad = new Map<string, number>();
}

const poolKey = (i: AssignIntent) => [i.ruleId, [...i.roles].sort().join(','), i.department ?? '*', i.team ?? '*', [...i.skills].sort().join(',')].join('|');

async function pool(q: Queryable, i: AssignIntent): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select u.id from users u left join departments d on d.id = u.department_id
      where u.active and u.role = any($1) and ($2::text is null or d.code = $2) and ($3::text is null or u.team = $3)
        and u.skills @> $4::text[]
      order by u.id`,
    [[...i.roles], i.department, i.team, [...i.skills]],
  );
  return rows.map((r) => r.id);
}

async function loads(q: Queryable, ids: string[], sim: Simulation | null): Promise<Map<string, number>> {
  const rows = await q.query<{ id: string; n: number }>(
    `select u.id, count(c.id)::int as n from unnest($1::uuid[]) as u(id)
       left join complaints c on c.assignee_id = u.id and c.status = any($2)
      group by u.id`,
    [ids, [...OPEN_STATUSES]],
  );
  const m = new Map(rows.map((r) => [r.id, r.n + (sim?.extraLoad.get(r.id) ?? 0)]));
  return m;
}

export async function pickAssignee(q: Queryable, i: AssignIntent, at: Date, sim: Simulation | null = null): Promise<Picked | null> {
  const ids = await pool(q, i);
  const scope = `${i.roles.join('/')}${i.department ? ` of ${i.department}` : ''}${i.team ? ` team ${i.team}` : ''}${i.skills.length ? ` with ${i.skills.join('+')}` : ''}`;
  if (!ids.length) return null;
  let picked: Picked;
  if (i.strategy === 'round_robin') {
    const key = poolKey(i);
    let n: number;
    if (sim) {
      if (!sim.cursors.has(key)) {
        const [row] = await q.query<{ n: string }>('select n::text as n from routing_cursors where pool_key = $1', [key]);
        sim.cursors.set(key, Number(row?.n ?? 0));
      }
      n = sim.cursors.get(key)! + 1;
      sim.cursors.set(key, n);
    } else {
      // One row per pool: concurrent intakes for the same pool take turns on it until they commit.
      const [row] = await q.query<{ n: string }>(
        `insert into routing_cursors (pool_key, n, updated_at) values ($1, 1, $2)
         on conflict (pool_key) do update set n = routing_cursors.n + 1, updated_at = excluded.updated_at returning n::text as n`,
        [key, at],
      );
      n = Number(row!.n);
    }
    picked = { userId: ids[(n - 1) % ids.length]!, reason: `round robin over ${ids.length} ${scope}` };
  } else {
    const load = await loads(q, ids, sim);
    let best = ids[0]!;
    for (const id of ids) if (load.get(id)! < load.get(best)!) best = id;
    picked = { userId: best, reason: `${i.strategy === 'by_skill' ? 'by skill, then ' : ''}least loaded (${load.get(best)} open) of ${ids.length} ${scope}` };
  }
  if (sim) sim.extraLoad.set(picked.userId, (sim.extraLoad.get(picked.userId) ?? 0) + 1);
  return picked;
}
