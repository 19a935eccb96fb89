import { describe, expect, it } from 'vitest';
import { lastSeq, mergeLines } from './chat-lines.js';
import type { ChatLine } from './chat-types.js';

const line = (seq: number, body = `line ${seq}`): ChatLine => ({
  id: `id-${seq}`, seq, sessionId: 's', sender: 'customer', body, clientId: null, createdAt: '2026-03-02T01:00:00Z',
});

describe('mergeLines', () => {
  it('orders by seq and keeps each line once, whatever order the pieces come in', () => {
    const merged = mergeLines([line(1), line(4)], [line(3), line(4), line(2)]);
    expect(merged.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeq(merged)).toBe(4);
  });

  it('returns the same array when nothing is new (no needless re-render)', () => {
    const current = [line(1), line(2)];
    expect(mergeLines(current, [line(2)])).toBe(current);
    expect(mergeLines(current, [])).toBe(current);
  });

  it('starts from nothing', () => {
    expect(lastSeq([])).toBe(0);
    expect(mergeLines([], [line(7)]).map((l) => l.body)).toEqual(['line 7']);
  });
});
