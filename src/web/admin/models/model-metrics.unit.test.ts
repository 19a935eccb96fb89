import { describe, expect, it } from 'vitest';
import { compareVersions, defaultSource, formatDelta, formatPct, perClass } from './model-metrics.js';
import type { ClassReport, ModelMetrics } from './model-types.js';

const cls = (label: string, f1: number): ClassReport => ({ label, precision: f1, recall: f1, f1, support: 10 });

function metrics(o: { heldout?: [number, ClassReport[]] | null; cv?: [number, ClassReport[]] | null }): ModelMetrics {
  return {
    epochs: 12, trainMs: 1000, evaluateMs: 500, features: 100,
    heldout: o.heldout ? { accuracy: o.heldout[0], n: 100, perClass: o.heldout[1], file: 'heldout.jsonl', byLanguage: {} } : null,
    crossValidation: o.cv ? { accuracy: o.cv[0], n: 100, perClass: o.cv[1], folds: 5, perFold: [o.cv[0]] } : null,
  };
}

describe('formatting', () => {
  it('percent with one decimal, a dash for nothing', () => {
    expect(formatPct(0.8743)).toBe('87.4 %');
    expect(formatPct(1)).toBe('100.0 %');
    expect(formatPct(null)).toBe('—');
    expect(formatPct(Number.NaN)).toBe('—');
  });
  it('deltas in percentage points with a sign', () => {
    expect(formatDelta(0.0123)).toBe('+1.2');
    expect(formatDelta(-0.008)).toBe('−0.8');
    expect(formatDelta(0.00001)).toBe('±0.0');
    expect(formatDelta(null)).toBe('—');
  });
});

describe('evaluation source', () => {
  it('held-out first; cross-validation for a model outside the taxonomy', () => {
    const both = metrics({ heldout: [0.9, [cls('refund', 0.9)]], cv: [0.8, [cls('refund', 0.8), cls('installation', 0.7)]] });
    expect(defaultSource(both)).toBe('heldout');
    expect(perClass(both, 'cv').map((c) => c.label)).toEqual(['refund', 'installation']);
    const csv = metrics({ heldout: null, cv: [0.8, [cls('a', 0.8)]] });
    expect(defaultSource(csv)).toBe('cv');
    expect(perClass(csv, 'heldout')).toEqual([]);
  });
});

describe('compareVersions', () => {
  it('accuracy deltas and per-class F1 over both label sets, largest drop first, new classes last', () => {
    const active = metrics({ heldout: [0.85, [cls('billing', 0.8), cls('refund', 0.9), cls('gone', 0.5)]], cv: [0.8, []] });
    const draft = metrics({ heldout: [0.88, [cls('billing', 0.84), cls('refund', 0.86), cls('installation', 0.7)]], cv: null });
    const c = compareVersions(draft, active);
    expect(c.heldout.candidate).toBe(0.88);
    expect(c.heldout.baseline).toBe(0.85);
    expect(c.heldout.delta).toBeCloseTo(0.03, 10);
    expect(c.cv).toEqual({ candidate: null, baseline: 0.8, delta: null });
    expect(c.classSource).toBe('heldout');
    expect(c.perClass.map((r) => r.label)).toEqual(['refund', 'billing', 'gone', 'installation']);
    expect(c.perClass[0]!.delta).toBeCloseTo(-0.04, 10);
    expect(c.perClass.find((r) => r.label === 'installation')).toEqual({ label: 'installation', candidate: 0.7, baseline: null, delta: null });
    expect(c.perClass.find((r) => r.label === 'gone')).toEqual({ label: 'gone', candidate: null, baseline: 0.5, delta: null });
  });

  it('falls back to cross-validation per class when one side has no held-out evaluation', () => {
    const a = metrics({ heldout: null, cv: [0.7, [cls('x', 0.6)]] });
    const b = metrics({ heldout: [0.9, [cls('x', 0.9)]], cv: [0.75, [cls('x', 0.7)]] });
    const c = compareVersions(a, b);
    expect(c.classSource).toBe('cv');
    expect(c.perClass[0]!.delta).toBeCloseTo(-0.1, 10);
    expect(compareVersions(metrics({ heldout: null, cv: null }), b).classSource).toBeNull();
  });
});
