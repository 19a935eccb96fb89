/** Pure helpers for the models section: reading a version's evaluation and comparing two versions. */
import type { ClassReport, ModelMetrics } from './model-types.js';

export type EvalSource = 'heldout' | 'cv';

/** "87.4 %" from 0.8743; "—" when there is no number. */
export function formatPct(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '—';
}

/** "+1.2" / "−0.8" / "±0.0" percentage points from a difference of two fractions. */
export function formatDelta(d: number | null | undefined): string {
  if (typeof d !== 'number' || !Number.isFinite(d)) return '—';
  const pts = Math.round(d * 1000) / 10;
  if (pts === 0) return '±0.0';
  return `${pts > 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)}`;
}

/** The evaluation to show first: held-out when the model speaks the built-in taxonomy, else cross-validation. */
export function defaultSource(m: ModelMetrics): EvalSource {
  return m.heldout ? 'heldout' : 'cv';
}

export function perClass(m: ModelMetrics, source: EvalSource): ClassReport[] {
  return (source === 'heldout' ? m.heldout?.perClass : m.crossValidation?.perClass) ?? [];
}

export function accuracyOf(m: ModelMetrics, source: EvalSource): number | null {
  return (source === 'heldout' ? m.heldout?.accuracy : m.crossValidation?.accuracy) ?? null;
}

export interface AccuracyDelta {
  candidate: number | null;
  baseline: number | null;
  /** candidate − baseline; null when either is missing. */
  delta: number | null;
}

export interface ClassDelta {
  label: string;
  candidate: number | null;
  baseline: number | null;
  delta: number | null;
}

export interface Comparison {
  heldout: AccuracyDelta;
  cv: AccuracyDelta;
  /** Which evaluation the per-class F1 comparison uses (the one both versions have, held-out first). */
  classSource: EvalSource | null;
  perClass: ClassDelta[];
}

function delta(a: number | null, b: number | null): AccuracyDelta {
  return { candidate: a, baseline: b, delta: a !== null && b !== null ? a - b : null };
}

/**
 * A candidate (usually a draft) against a baseline (the active version): accuracies and per-class
 * F1, over the union of both label sets so that a new category shows up (with no baseline) and a
 * dropped one too. Largest drop first: a regression is what an admin must see before activating.
 */
export function compareVersions(candidate: ModelMetrics, baseline: ModelMetrics): Comparison {
  const classSource: EvalSource | null = candidate.heldout && baseline.heldout ? 'heldout' : candidate.crossValidation && baseline.crossValidation ? 'cv' : null;
  const rows: ClassDelta[] = [];
  if (classSource) {
    const a = new Map(perClass(candidate, classSource).map((c) => [c.label, c.f1]));
    const b = new Map(perClass(baseline, classSource).map((c) => [c.label, c.f1]));
    for (const label of [...new Set([...a.keys(), ...b.keys()])]) {
      const x = a.get(label) ?? null;
      const y = b.get(label) ?? null;
      rows.push({ label, candidate: x, baseline: y, delta: x !== null && y !== null ? x - y : null });
    }
    rows.sort((p, q) => (p.delta ?? Infinity) - (q.delta ?? Infinity) || p.label.localeCompare(q.label));
  }
  return {
    heldout: delta(accuracyOf(candidate, 'heldout'), accuracyOf(baseline, 'heldout')),
    cv: delta(accuracyOf(candidate, 'cv'), accuracyOf(baseline, 'cv')),
    classSource,
    perClass: rows,
  };
}
