import type { Queryable } from '../../db/database.js';
import { similarity } from './text-similarity.js';

export const DUPLICATE_THRESHOLD = 0.5;

export interface RepeatMatch {
  id: string;
  number: string;
  match: 'category' | 'order';
}

export type DuplicateMatch = { id: string; number: string; similarity: number };

/** SQL expressions for the looked-up complaint's facts: parameters, or columns of a row being checked. */
interface Facts {
  customer: string;
  category: string;
  order: string;
  since: string;
  /** A complaint id not to report (the complaint itself), or 'null'. */
  exclude: string;
}

/** The most recent earlier complaint of the customer in the window, same category or same order. */
const repeatSql = (f: Facts) => `select r.id, r.number, (r.order_id is not null and r.order_id = ${f.order}) as same_order from complaints r
      where r.customer_id = ${f.customer} and r.created_at >= ${f.since} and r.status <> 'cancelled' and r.merged_into_id is null
        and (r.category = ${f.category} or (r.order_id is not null and r.order_id = ${f.order}))
        and (${f.exclude}::uuid is null or r.id <> ${f.exclude})
      order by r.created_at desc, r.id desc limit 1`;

/** Open complaints of the same customer in the window: the near-duplicate candidates. */
const duplicateCandidatesSql = (f: Facts) => `select d.id, d.number, d.subject, d.description from complaints d
      where d.customer_id = ${f.customer} and d.created_at >= ${f.since} and d.merged_into_id is null
        and d.status in ('new','in_progress','awaiting_department','awaiting_customer','reopened')
      order by d.created_at desc limit 20`;

const PARAMS: Facts = { customer: '$1', category: '$2', order: '$3', since: '$4', exclude: '$5' };

const toRepeat = (r: { id: string; number: string; same_order: boolean }): RepeatMatch =>
  ({ id: r.id, number: r.number, match: r.same_order ? 'order' : 'category' });

/**
 * A repeat: the same customer complained within the window about the same category or the
 * same order. The most recent earlier complaint is the one it repeats.
 */
export async function findRepeat(
  tx: Queryable,
  q: { customerId: string; category: string; orderId: string | null; since: Date; excludeId?: string },
): Promise<RepeatMatch | null> {
  const [row] = await tx.query<{ id: string; number: string; same_order: boolean }>(repeatSql(PARAMS), [q.customerId, q.category, q.orderId, q.since, q.excludeId ?? null]);
  return row ? toRepeat(row) : null;
}

/** Candidates whose text is nearly the same as `text`, closest first. */
export function nearDuplicates(text: string, rows: ReadonlyArray<{ id: string; number: string; subject: string; description: string }>): DuplicateMatch[] {
  return rows
    .map((r) => ({ id: r.id, number: r.number, similarity: Math.round(similarity(text, `${r.subject} ${r.description}`) * 1000) / 1000 }))
    .filter((r) => r.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}

export interface RepeatQuery {
  customerId: string;
  category: string;
  orderId: string | null;
  since: Date;
  text: string;
}

export interface RepeatFindings {
  repeat: RepeatMatch | null;
  duplicates: DuplicateMatch[];
}

/**
 * The repeat (see findRepeat) and the near-duplicates — open complaints of the same customer
 * whose text is nearly the same, likely one complaint sent twice — for many new complaints
 * in one round trip: intake runs both for every complaint, as two index-backed lookups side
 * by side per complaint, in one statement for the whole intake group.
 */
export async function findRepeatsAndDuplicates(tx: Queryable, queries: readonly RepeatQuery[]): Promise<RepeatFindings[]> {
  if (!queries.length) return [];
  const f: Facts = { customer: 'q.customer_id', category: 'q.category', order: 'q.order_id', since: 'q.since', exclude: 'null' };
  const rows = await tx.query<{ ord: string; kind: 'repeat' | 'candidate'; id: string; number: string; same_order: boolean; subject: string; description: string }>(
    `select q.ord, x.* from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[]) with ordinality as q(customer_id, category, order_id, since, ord)
     cross join lateral (
       (select 'repeat' as kind, id, number, same_order, '' as subject, '' as description from (${repeatSql(f)}) r)
       union all
       (select 'candidate' as kind, id, number, false as same_order, subject, description from (${duplicateCandidatesSql(f)}) d)
     ) x`,
    [queries.map((q) => q.customerId), queries.map((q) => q.category), queries.map((q) => q.orderId), queries.map((q) => q.since)],
  );
  const byQuery = queries.map(() => [] as typeof rows);
  for (const r of rows) byQuery[Number(r.ord) - 1]!.push(r);
  return queries.map((q, i) => {
    const mine = byQuery[i]!;
    const r = mine.find((x) => x.kind === 'repeat');
    return { repeat: r ? toRepeat(r) : null, duplicates: nearDuplicates(q.text, mine.filter((x) => x.kind === 'candidate')) };
  });
}
