/** Flattens a dry run's per-complaint changes into table rows: complaint, field, before → after. */
import type { DryRunItem } from './routing-api.js';

export const CHANGE_FIELDS = ['department', 'severity', 'team', 'tags', 'assignee'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface ChangeRow {
  complaintId: string;
  number: string;
  field: ChangeField;
  before: string | string[] | null;
  after: string | string[] | null;
  /** For tags: the ones the rules would add. */
  added: string[];
  fired: string[];
}

/** Newest complaints first (the dry run's order), fields in a fixed order; at most `limit` rows. */
export function changeRows(items: readonly DryRunItem[], limit: number): { rows: ChangeRow[]; total: number } {
  const rows: ChangeRow[] = [];
  let total = 0;
  for (const item of items) {
    for (const field of CHANGE_FIELDS) {
      const c = item.changes[field];
      if (!c) continue;
      total++;
      if (rows.length < limit) {
        rows.push({
          complaintId: item.complaintId, number: item.number, field, before: c.actual, after: c.wouldBe,
          added: field === 'tags' && 'added' in c ? c.added : [], fired: item.fired,
        });
      }
    }
  }
  return { rows, total };
}
