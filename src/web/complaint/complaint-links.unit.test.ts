import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../types.js';
import { complaintLinks, parseComplaintRef, similarityPercent } from './complaint-links.js';

let n = 0;
const ev = (type: string, data: Record<string, unknown>): TimelineEvent => ({
  id: `e${++n}`, type, lane: 'backstage', actor: { kind: 'user', id: 'u', role: 'agent' }, at: '2026-03-02T01:00:00Z', data,
});

describe('complaintLinks', () => {
  it('has none for a complaint tied to nothing', () => {
    expect(complaintLinks({ repeatOfId: null, mergedIntoId: null }, [ev('complaint.created', {})])).toEqual([]);
  });

  it('names the merge target and the repeat with the numbers their events gave', () => {
    const events = [
      ev('complaint.repeat_detected', { repeatOfId: 'a', repeatOfNumber: 'C-2026-000001' }),
      ev('complaint.linked', { repeatOfId: 'b', repeatOfNumber: 'C-2026-000002' }),
      ev('complaint.merged', { intoId: 'm', intoNumber: 'C-2026-000009' }),
    ];
    expect(complaintLinks({ repeatOfId: 'b', mergedIntoId: 'm' }, events)).toEqual([
      { kind: 'merged_into', id: 'm', number: 'C-2026-000009' },
      { kind: 'repeat_of', id: 'b', number: 'C-2026-000002' },
    ]);
  });

  it('drops a repeat that was unlinked and keeps an unknown number as null', () => {
    const events = [ev('complaint.linked', { repeatOfId: 'b', repeatOfNumber: 'C-2026-000002' }), ev('complaint.linked', { repeatOfId: null, repeatOfNumber: null })];
    expect(complaintLinks({ repeatOfId: null }, events)).toEqual([]);
    expect(complaintLinks({ repeatOfId: 'z' }, events)).toEqual([{ kind: 'repeat_of', id: 'z', number: null }]);
  });

  it('reads merges received and splits from the history, each once', () => {
    const events = [
      ev('complaint.merge_received', { fromId: 'x', fromNumber: 'C-2026-000003' }),
      ev('complaint.merge_received', { fromId: 'x', fromNumber: 'C-2026-000003' }),
      ev('complaint.split', { intoId: 's', intoNumber: 'C-2026-000004' }),
      ev('complaint.split_from', { fromId: 'p', fromNumber: 'C-2026-000005' }),
    ];
    expect(complaintLinks({}, events).map((l) => `${l.kind}:${l.number}`)).toEqual([
      'merged_from:C-2026-000003', 'split_into:C-2026-000004', 'split_from:C-2026-000005',
    ]);
  });
});

describe('parseComplaintRef', () => {
  it('takes numbers in any case and ids, and nothing else', () => {
    expect(parseComplaintRef(' c-2026-000123 ')).toBe('C-2026-000123');
    expect(parseComplaintRef('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(parseComplaintRef('C-2026-12')).toBeNull();
    expect(parseComplaintRef('123')).toBeNull();
    expect(parseComplaintRef('')).toBeNull();
  });
});

describe('similarityPercent', () => {
  it('rounds and bounds', () => {
    expect(similarityPercent(0.873)).toBe('87%');
    expect(similarityPercent(1.2)).toBe('100%');
  });
});
