import { nearDuplicates, type RepeatFindings, type RepeatMatch } from './find-repeats.js';

/** A complaint of an intake group, as the repeat rules see it. */
export interface GroupEntry {
  id: string;
  number: string;
  /** The customer: an id, or the id a customer is about to be created with. */
  customer: string;
  category: string;
  orderId: string | null;
  subject: string;
  description: string;
}

/**
 * Repeats and near-duplicates among complaints written in one intake group (one transaction),
 * which a lookup of the database cannot see: each entry is checked against the entries before
 * it, as if they had been written one by one. An earlier entry of the group is more recent
 * than anything in the database, so it is the one a repeat points at; near-duplicates in the
 * group join those found in the database, closest first.
 */
export function withGroupLinks(entries: readonly GroupEntry[], found: readonly RepeatFindings[]): RepeatFindings[] {
  return entries.map((e, j) => {
    const earlier = entries.slice(0, j).filter((o) => o.customer === e.customer).reverse();
    const repeatOf = earlier.find((o) => o.category === e.category || (o.orderId !== null && o.orderId === e.orderId));
    const own = found[j] ?? { repeat: null, duplicates: [] };
    const match: RepeatMatch['match'] = repeatOf?.orderId != null && repeatOf.orderId === e.orderId ? 'order' : 'category';
    const repeat: RepeatMatch | null = repeatOf ? { id: repeatOf.id, number: repeatOf.number, match } : own.repeat;
    const inGroup = earlier.length ? nearDuplicates(`${e.subject} ${e.description}`, earlier) : [];
    const duplicates = inGroup.length ? [...inGroup, ...own.duplicates].sort((a, b) => b.similarity - a.similarity) : own.duplicates;
    return { repeat, duplicates };
  });
}
