import type { TimelineEvent } from '../types.js';

export type LinkKind = 'merged_into' | 'merged_from' | 'repeat_of' | 'split_from' | 'split_into';

export interface ComplaintLink {
  kind: LinkKind;
  id: string;
  /** Null when no event named it (the chip then shows a short id). */
  number: string | null;
}

interface Linkable {
  repeatOfId?: string | null;
  mergedIntoId?: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The latest number an event gave for complaint `id` under the id/number keys named. */
function numberFor(events: TimelineEvent[], types: string[], idKey: string, numberKey: string, id: string): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (types.includes(e.type) && e.data?.[idKey] === id) {
      const n = str(e.data[numberKey]);
      if (n) return n;
    }
  }
  return null;
}

/**
 * Every complaint this one is tied to: the live links on the record (merged into, repeat of)
 * and the ones its history tells (merged from, split from / into). Each link once, in that order.
 */
export function complaintLinks(c: Linkable, events: TimelineEvent[]): ComplaintLink[] {
  const out: ComplaintLink[] = [];
  const add = (kind: LinkKind, id: string | null, number: string | null) => {
    if (id && !out.some((l) => l.kind === kind && l.id === id)) out.push({ kind, id, number });
  };
  if (c.mergedIntoId) add('merged_into', c.mergedIntoId, numberFor(events, ['complaint.merged'], 'intoId', 'intoNumber', c.mergedIntoId));
  if (c.repeatOfId) {
    add('repeat_of', c.repeatOfId, numberFor(events, ['complaint.linked', 'complaint.repeat_detected'], 'repeatOfId', 'repeatOfNumber', c.repeatOfId));
  }
  for (const e of events) {
    const d = e.data ?? {};
    if (e.type === 'complaint.merge_received') add('merged_from', str(d.fromId), str(d.fromNumber));
    else if (e.type === 'complaint.split_from') add('split_from', str(d.fromId), str(d.fromNumber));
    else if (e.type === 'complaint.split') add('split_into', str(d.intoId), str(d.intoNumber));
  }
  return out;
}

const NUMBER = /^C-\d{4}-\d{6,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A complaint reference the server takes (a number such as C-2026-000123, or an id), or null. */
export function parseComplaintRef(input: string): string | null {
  const v = input.trim();
  if (UUID.test(v)) return v.toLowerCase();
  const upper = v.toUpperCase();
  return NUMBER.test(upper) ? upper : null;
}

/** 0.873 → "87%". */
export function similarityPercent(s: number): string {
  return `${Math.round(Math.min(Math.max(s, 0), 1) * 100)}%`;
}
