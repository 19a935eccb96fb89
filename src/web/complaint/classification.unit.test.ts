import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../types.js';
import { latestClassification } from './classification.js';

const ev = (type: string, data: Record<string, unknown>, actor: TimelineEvent['actor'] = { kind: 'system', id: null, role: null }): TimelineEvent =>
  ({ id: String(Math.random()), type, lane: 'support', actor, at: '2026-03-02T01:00:00.000Z', data });

describe('latestClassification', () => {
  it('reads the latest intake classification with its cues, confidence and tone, and the correction made after it', () => {
    const events = [
      ev('complaint.created', { channel: 'web' }),
      ev('complaint.classified', { category: 'other', severity: 'general', source: 'default' }),
      ev('complaint.classified', {
        category: 'safety', severity: 'urgent', source: 'classifier', confidence: 0.93, reasons: ['keyword "smoke" → safety', 7],
        emotion: { anger: 0.1, urgency: 0.8, threat: 0, intensity: 0.5 },
      }),
      ev('classification.corrected', { category: { from: 'safety', to: 'product_quality' }, severity: { from: 'urgent', to: 'serious' } }, { kind: 'user', id: 'u1', role: 'agent', name: 'Ann' }),
    ];
    expect(latestClassification(events)).toEqual({
      source: 'classifier', category: 'safety', severity: 'urgent', confidence: 0.93, reasons: ['keyword "smoke" → safety'],
      emotion: { anger: 0.1, urgency: 0.8, threat: 0, intensity: 0.5 },
      correction: { by: 'Ann', category: 'product_quality', severity: 'serious' },
    });
  });

  it('has none without a classification event, and tolerates old payloads without the newer fields', () => {
    expect(latestClassification([ev('complaint.created', {})])).toBeNull();
    expect(latestClassification([ev('complaint.classified', { category: 'refund', severity: 'general', source: 'request', emotion: { anger: 1 } })])).toEqual({
      source: 'request', category: 'refund', severity: 'general', confidence: null, reasons: [], emotion: null, correction: null,
    });
  });
});
