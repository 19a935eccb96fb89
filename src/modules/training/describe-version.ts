/** Plain-text views of model versions for the `loopdesk` CLI. */
import type { ModelVersionRow } from './model-versions.js';

const pct = (x: number | null | undefined) => (typeof x === 'number' ? `${(x * 100).toFixed(1)} %` : '—');
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

export function versionTable(rows: readonly ModelVersionRow[]): string {
  if (!rows.length) return 'No model versions yet: the built-in model is in use. Train one with `loopdesk train`.';
  const head = `${pad('version', 8)}${pad('status', 9)}${pad('source', 8)}${lpad('rows', 7)}${lpad('labels', 7)}${lpad('cv', 9)}${lpad('held-out', 10)}${lpad('severity', 10)}${lpad('urgent-R', 10)}  created                   activated`;
  const lines = rows.map((r) =>
    `${pad(r.version, 8)}${pad(r.status, 9)}${pad(r.source, 8)}${lpad(r.training_size, 7)}${lpad(r.labels.length, 7)}` +
    `${lpad(pct(r.metrics.crossValidation?.accuracy), 9)}${lpad(pct(r.metrics.heldout?.accuracy), 10)}` +
    `${lpad(pct(r.metrics.severity?.heldout.accuracy), 10)}${lpad(pct(r.metrics.severity?.heldout.urgentRecall), 10)}  ${r.created_at.toISOString()}  ${r.activated_at?.toISOString() ?? ''}`,
  );
  const active = rows.find((r) => r.status === 'active');
  return [head, ...lines, '', active ? `Active: version ${active.version}.` : 'Active: the built-in model (no version activated).'].join('\n');
}

export function describeVersion(r: ModelVersionRow): string {
  const m = r.metrics;
  const detail = Object.entries(r.source_detail)
    .filter(([k]) => k !== 'auxiliary')
    .map(([k, v]) => `${k} ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
  const auxSources = Array.isArray(r.source_detail['auxiliary']) ? (r.source_detail['auxiliary'] as Array<Record<string, unknown>>) : [];
  const out = [
    `Version ${r.version} (${r.status}) — source ${r.source}${detail ? ` (${detail})` : ''}`,
    `  ${r.training_size} rows, ${r.labels.length} labels, ${m.features} features, ${m.epochs} epochs; trained in ${(m.trainMs / 1000).toFixed(1)} s, evaluated in ${(m.evaluateMs / 1000).toFixed(1)} s`,
  ];
  auxSources.forEach((a, i) =>
    out.push(`  auxiliary CSV ${i + 1}: ${String(a['used'])} rows used (${String(a['droppedAsDuplicates'])} dropped as repeats of primary rows, ${String(a['skipped'])} without text or a mapped label; text preparation ${String(a['prepare'])})`),
  );
  if (m.auxiliary) {
    const cut = m.auxiliary.length === 'primary-max' ? `; ${m.auxiliary.cut ?? 0} cut to the longest primary text` : '';
    out.push(`  auxiliary rows: ${m.auxiliary.rows}, weighting ${m.auxiliary.weighting} (${m.auxiliary.used} trained the model${cut}); never tested by the cross-validation`);
  }
  if (m.crossValidation) {
    const aux = m.crossValidation.auxiliary ? ` — auxiliary weighting per fold: ${m.crossValidation.auxiliary.weightings.join(', ')}` : '';
    out.push(`  ${m.crossValidation.folds}-fold cross-validation: ${pct(m.crossValidation.accuracy)} (folds ${m.crossValidation.perFold.map(pct).join(', ')})${aux}`);
  }
  else out.push('  cross-validation: skipped');
  if (m.heldout) {
    const langs = Object.entries(m.heldout.byLanguage).map(([l, v]) => `${l} ${pct(v.accuracy)}`).join(', ');
    out.push(`  held-out (${m.heldout.file}, ${m.heldout.n} items): ${pct(m.heldout.accuracy)} (${langs})`);
  } else {
    out.push('  held-out: not applicable (the labels are not the built-in taxonomy)');
  }
  out.push(...classTable(m.heldout ? 'label (held-out)' : 'label (cross-validation)', m.heldout?.perClass ?? m.crossValidation?.perClass ?? []));
  const s = m.severity;
  if (s) {
    const h = s.heldout;
    const langs = Object.entries(h.byLanguage).map(([l, v]) => `${l} ${pct(v.accuracy)}`).join(', ');
    out.push(
      `  severity model: ${s.trainingSize} rows, ${s.features} features, trained in ${(s.trainMs / 1000).toFixed(1)} s`,
      `  severity held-out (${h.file}, ${h.n} items, whole classifier): ${pct(h.accuracy)} (${langs}); model alone ${pct(h.modelAccuracy)}`,
      `  urgent recall: ${pct(h.urgentRecall)} (${Math.round((1 - h.urgentRecall) * h.urgentN)} of ${h.urgentN} urgent items not called urgent)`,
      ...h.urgentMissed.map((x) => `    missed → ${x.predicted}: ${x.text}`),
      ...classTable('severity (held-out)', h.perClass),
    );
  } else {
    out.push(`  severity: no severity model in this version (${r.source === 'csv' ? 'CSV source' : 'trained before severity learning'}): while it is active the built-in severity model applies`);
  }
  return out.join('\n');
}

function classTable(title: string, perClass: ReadonlyArray<{ label: string; precision: number; recall: number; f1: number; support: number }>): string[] {
  if (!perClass.length) return [];
  const w = Math.min(40, Math.max(8, title.length, ...perClass.map((c) => c.label.length)) + 2);
  return [
    `  ${pad(title, w)}${lpad('precision', 10)}${lpad('recall', 9)}${lpad('f1', 9)}${lpad('n', 6)}`,
    ...perClass.map((c) => `  ${pad(c.label.slice(0, w - 2), w)}${lpad(pct(c.precision), 10)}${lpad(pct(c.recall), 9)}${lpad(pct(c.f1), 9)}${lpad(c.support, 6)}`),
  ];
}
