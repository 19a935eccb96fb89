import type { Queryable } from '../../db/database.js';
import type { UserPrincipal } from '../auth/require-role.js';
import { complaintFilter, listComplaintsQuery } from '../complaints/queries/list-complaints.js';

/** A view stores list filters exactly as the list route takes them, so it can never hold a filter the list would refuse. */
export const viewFilters = listComplaintsQuery.omit({ sort: true, limit: true, cursor: true });
export type ViewFilters = Record<string, string | string[]>;

/** Counting stops here: a queue badge says "1000+" rather than scanning a million rows. */
export const VIEW_COUNT_CAP = 1000;

/**
 * Parsed filters back in query-string shape (booleans as 'true' / 'false', lists as arrays):
 * what is stored and handed to clients, so it parses again and maps one-to-one onto the list
 * route's parameters. Views stored before this held booleans; those are read the same way.
 */
export function toQueryShape(filters: Record<string, unknown>): Record<string, unknown> {
  // Anything else passes unchanged: a wrong shape is the schema's to refuse, not ours to drop.
  return Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
}

/** How many complaints `filters` match for `p` (its own scope), stopping at the cap. */
export async function countView(db: Queryable, p: UserPrincipal, filters: Record<string, unknown>, now: Date): Promise<number> {
  const parsed = viewFilters.safeParse(toQueryShape(filters));
  if (!parsed.success) return 0; // a view saved before a filter changed shape shows nothing rather than failing the page
  const w = complaintFilter(p, parsed.data, now);
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from complaints c ${w.toSql()} limit ${VIEW_COUNT_CAP}) x`,
    w.params,
  );
  return row?.n ?? 0;
}
