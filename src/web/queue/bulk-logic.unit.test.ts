import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../types.js';
import { chunks, mergeResults, statusChoices, summarize, tagsOf } from './bulk-logic.js';

describe('bulk actions', () => {
  it('offers every move some selected complaint may take, with how many may', () => {
    const choices = statusChoices(['new', 'new', 'resolved']);
    expect(choices.find((c) => c.status === 'in_progress')).toEqual({ status: 'in_progress', valid: 2 });
    expect(choices.find((c) => c.status === 'closed')).toEqual({ status: 'closed', valid: 1 });
    // Every offered move is legal from at least one selected status, and none is missed.
    const offered = new Set(choices.map((c) => c.status));
    expect(offered).toEqual(new Set([...TRANSITIONS.new, ...TRANSITIONS.resolved]));
    // The moves that fit most come first.
    expect(choices[0]!.valid).toBe(2);
    expect(statusChoices(['closed', 'cancelled'])).toEqual([]);
  });

  it('splits ids into server-sized requests and merges the answers', () => {
    const ids = Array.from({ length: 205 }, (_, i) => `id${i}`);
    expect(chunks(ids).map((c) => c.length)).toEqual([100, 100, 5]);
    expect(chunks(ids).flat()).toEqual(ids);
    const merged = mergeResults([
      { items: [{ id: 'a', ok: true }], succeeded: 1, failed: 0 },
      { items: [{ id: 'b', ok: false, error: { code: 'invalid_transition', message: 'no' } }], succeeded: 0, failed: 1 },
    ]);
    expect(merged).toMatchObject({ succeeded: 1, failed: 1 });
    expect(merged.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('summarizes by complaint number, falling back to the id for a row no longer shown', () => {
    const numbers: Record<string, string> = { a: 'C-2026-000001', b: 'C-2026-000002' };
    const s = summarize({
      items: [
        { id: 'a', ok: true },
        { id: 'b', ok: false, error: { code: 'invalid_transition', message: 'A complaint cannot go from cancelled to in_progress.' } },
        { id: 'z', ok: false, error: { code: 'not_found', message: 'No such complaint.' } },
      ],
      succeeded: 1, failed: 2,
    }, (id) => numbers[id]);
    expect(s.updated).toBe(1);
    expect(s.failures).toEqual([
      { id: 'b', number: 'C-2026-000002', code: 'invalid_transition', message: 'A complaint cannot go from cancelled to in_progress.' },
      { id: 'z', number: 'z', code: 'not_found', message: 'No such complaint.' },
    ]);
  });

  it('offers for removal the tags any selected complaint carries', () => {
    expect(tagsOf([{ tags: ['vip', 'late'] }, { tags: ['late'] }, { tags: [] }])).toEqual(['late', 'vip']);
  });
});
