import { TRANSITIONS, type Status } from '../types.js';

/** The server's bulk limit per request (src/modules/workspace/bulk-routes.ts). */
export const BULK_MAX_IDS = 100;

export interface BulkItemResult { id: string; ok: boolean; error?: { code: string; message: string } }
export interface BulkResponse { items: BulkItemResult[]; succeeded: number; failed: number }

/**
 * Status moves to offer for the selected complaints: every target at least one of them may
 * take, with how many may — the rest would be refused one by one and reported as failures.
 * Ordered by how many it fits, then in lifecycle order.
 */
export function statusChoices(statuses: readonly Status[]): Array<{ status: Status; valid: number }> {
  const counts = new Map<Status, number>();
  for (const from of statuses) for (const to of TRANSITIONS[from]) counts.set(to, (counts.get(to) ?? 0) + 1);
  const order = Object.keys(TRANSITIONS) as Status[];
  return [...counts]
    .map(([status, valid]) => ({ status, valid }))
    .sort((a, b) => b.valid - a.valid || order.indexOf(a.status) - order.indexOf(b.status));
}

/** Splits ids into requests the server accepts. */
export function chunks<T>(xs: readonly T[], size = BULK_MAX_IDS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Several bulk answers as one. */
export function mergeResults(parts: readonly BulkResponse[]): BulkResponse {
  const items = parts.flatMap((p) => p.items);
  return { items, succeeded: items.filter((i) => i.ok).length, failed: items.filter((i) => !i.ok).length };
}

export interface BulkSummary {
  updated: number;
  failures: Array<{ id: string; number: string; code: string; message: string }>;
}

/** What to tell the person: how many changed, and which did not and why, by complaint number. */
export function summarize(result: BulkResponse, numberOf: (id: string) => string | undefined): BulkSummary {
  return {
    updated: result.items.filter((i) => i.ok).length,
    failures: result.items
      .filter((i) => !i.ok)
      .map((i) => ({ id: i.id, number: numberOf(i.id) ?? i.id, code: i.error?.code ?? 'error', message: i.error?.message ?? '' })),
  };
}

/** Tags present on any selected complaint, sorted: what "remove tag" can offer. */
export function tagsOf(complaints: ReadonlyArray<{ tags: readonly string[] }>): string[] {
  return [...new Set(complaints.flatMap((c) => c.tags))].sort();
}
