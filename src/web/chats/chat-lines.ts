import type { ChatLine } from './chat-types.js';

/**
 * Lines arrive from the first load, from catching up after a live hint and from our own send
 * — possibly overlapping and out of order. The transcript is ordered by seq, each line once.
 */
export function mergeLines(current: readonly ChatLine[], incoming: readonly ChatLine[]): ChatLine[] {
  if (!incoming.length) return current as ChatLine[];
  const bySeq = new Map<number, ChatLine>();
  for (const l of current) bySeq.set(l.seq, l);
  let changed = false;
  for (const l of incoming) {
    if (!bySeq.has(l.seq)) changed = true;
    bySeq.set(l.seq, l);
  }
  if (!changed) return current as ChatLine[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export const lastSeq = (lines: readonly ChatLine[]): number => lines.at(-1)?.seq ?? 0;
