import type { Queryable } from '../../db/database.js';
import { similarity } from './text-similarity.js';

export const DUPLICATE_THRESHOLD = 0.5;

export interface RepeatMatch {
  id: string;
  number: string;
  match: 'category' | 'order';
}

export type DuplicateMatch = { id: string; number: string; similarity: number };

const REPEAT_SQL = `select id, number, (order_id is not null and order_id = $3) as same_order from complaints
      where customer_id = $1 and created_at >= $4 and status <> 'cancelled' and merged_into_id is null
        and (category = $2 or (order_id is not null and order_id = $3))
        and ($5::uuid is null or id <> $5)
      order by created_at desc, id desc limit 1`;

/** Open complaints of the same customer in the window (parameters $1 and $4, as in REPEAT_SQL). */
const DUPLICATE_CANDIDATES_SQL = `select id, number, subject, description from complaints
      where customer_id = $1 and created_at >= $4 and merged_into_id is null
        and status in ('new','in_progress','awaiting_department','awaiting_customer','reopened')
      order by created_at desc limit 20`;

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
  const [row] = await tx.query<{ id: string; number: string; same_order: boolean }>(REPEAT_SQL, [q.customerId, q.category, q.orderId, q.since, q.excludeId ?? null]);
  return row ? toRepeat(row) : null;
}

function nearDuplicates(text: string, rows: ReadonlyArray<{ id: string; number: string; subject: string; description: string }>): DuplicateMatch[] {
  return rows
    .map((r) => ({ id: r.id, number: r.number, similarity: Math.round(similarity(text, `${r.subject} ${r.description}`) * 1000) / 1000 }))
    .filter((r) => r.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}

/**
 * The repeat (see findRepeat) and the near-duplicates — open complaints of the same customer
 * whose text is nearly the same, likely one complaint sent twice — in one round trip: intake
 * runs both for every complaint, as two index-backed lookups side by side in one statement.
 */
export async function findRepeatAndDuplicates(
  tx: Queryable,
  q: { customerId: string; category: string; orderId: string | null; since: Date; text: string },
): Promise<{ repeat: RepeatMatch | null; duplicates: DuplicateMatch[] }> {
  const rows = await tx.query<{ kind: 'repeat' | 'candidate'; id: string; number: string; same_order: boolean; subject: string; description: string }>(
    `(select 'repeat' as kind, id, number, same_order, '' as subject, '' as description from (${REPEAT_SQL}) r)
     union all
     (select 'candidate' as kind, id, number, false as same_order, subject, description from (${DUPLICATE_CANDIDATES_SQL}) d)`,
    [q.customerId, q.category, q.orderId, q.since, null],
  );
  const r = rows.find((x) => x.kind === 'repeat');
  return {
    repeat: r ? toRepeat(r) : null,
    duplicates: nearDuplicates(q.text, rows.filter((x) => x.kind === 'candidate')),
  };
}
