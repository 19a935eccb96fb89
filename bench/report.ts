/** One benchmark figure, printed as one JSON line on stdout (DESIGN §6). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  database?: 'postgres' | 'pglite';
  target?: number;
  comparator?: '<=' | '>=';
  pass?: boolean;
  [extra: string]: unknown;
}

/** Adds the target and whether it is met. */
export function withTarget(f: Figure, comparator: '<=' | '>=', target: number): Figure {
  return { ...f, target, comparator, pass: comparator === '<=' ? f.value <= target : f.value >= target };
}

export function emit(f: Figure): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

/** Progress and diagnostics: stderr, so stdout carries only figures. */
export function progress(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
