import type { Queryable } from '../../db/database.js';
import { similarity } from './text-similarity.js';

export const DUPLICATE_THRESHOLD = 0.5;

export interface RepeatMatch {
  id: string;
  number: string;
  match: 'category' | 'order';
}

/**
 * A repeat: the same customer complained within the window about the same category or the
 * same order. The most recent earlier complaint is the one it repeats.
 */
export async function findRepeat(
  tx: Queryable,
  q: { customerId: string; category: string; orderId: string | null; since: Date; excludeId?: string },
): Promise<RepeatMatch | null> {
  const [row] = await tx.query<{ id: string; number: string; same_order: boolean }>(
    `select id, number, (order_id is not null and order_id = $3) as same_order from complaints
      where customer_id = $1 and created_at >= $4 and status <> 'cancelled' and merged_into_id is null
        and (category = $2 or (order_id is not null and order_id = $3))
        and ($5::uuid is null or id <> $5)
      order by created_at desc, id desc limit 1`,
    [q.customerId, q.category, q.orderId, q.since, q.excludeId ?? null],
  );
  return row ? { id: row.id, number: row.number, match: row.same_order ? 'order' : 'category' } : null;
}

/** Open complaints of the same customer whose text is nearly the same: likely one complaint sent twice. */
export async function findDuplicates(
  tx: Queryable,
  q: { customerId: string; text: string; since: Date },
): Promise<Array<{ id: string; number: string; similarity: number }>> {
  const rows = await tx.query<{ id: string; number: string; subject: string; description: string }>(
    `select id, number, subject, description from complaints
      where customer_id = $1 and created_at >= $2 and merged_into_id is null
        and status in ('new','in_progress','awaiting_department','awaiting_customer','reopened')
      order by created_at desc limit 20`,
    [q.customerId, q.since],
  );
  return rows
    .map((r) => ({ id: r.id, number: r.number, similarity: Math.round(similarity(q.text, `${r.subject} ${r.description}`) * 1000) / 1000 }))
    .filter((r) => r.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}
