import { useI18n } from '../../i18n.js';
import { compareVersions, formatDelta, formatPct } from './model-metrics.js';
import type { ModelVersion } from './model-types.js';
import { messages as m } from './models.messages.js';

const deltaClass = (d: number | null) => (d === null || Math.abs(d) < 0.0005 ? 'num' : d > 0 ? 'num models-up' : 'num models-down');

/** A version against the active one: accuracies and per-category F1, with the change in points. */
export function CompareTable({ version, active, labelName }: { version: ModelVersion; active: ModelVersion | null; labelName: (code: string) => string }) {
  useI18n();
  if (!active) return <p className="muted small" data-testid="compare-builtin">{m('models.compare.builtin')}</p>;
  const c = compareVersions(version.metrics, active.metrics);
  const thisCol = m('models.compare.this', { version: version.version });
  const activeCol = m('models.compare.this', { version: active.version });
  return (
    <div className="models-compare" data-testid="compare">
      <h3>{m('models.compare.title', { version: active.version })}</h3>
      <div className="table-wrap">
        <table className="models-table">
          <thead>
            <tr>
              <th scope="col">{m('models.compare.metric')}</th>
              <th scope="col" className="num">{thisCol}</th>
              <th scope="col" className="num">{activeCol}</th>
              <th scope="col" className="num">{m('models.compare.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {(['heldout', 'cv'] as const).map((k) => (
              <tr key={k} data-testid={`compare-${k}`}>
                <th scope="row">{m(k === 'heldout' ? 'models.detail.heldout' : 'models.detail.cv')}</th>
                <td className="num">{formatPct(c[k].candidate)}</td>
                <td className="num">{formatPct(c[k].baseline)}</td>
                <td className={deltaClass(c[k].delta)} data-testid={`compare-${k}-delta`}>{formatDelta(c[k].delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.classSource ? (
        <>
          <h4>{m('models.compare.per_class', { source: m(c.classSource === 'heldout' ? 'models.detail.source_heldout' : 'models.detail.source_cv') })}</h4>
          <div className="table-wrap">
            <table className="models-table" data-testid="compare-classes">
              <thead>
                <tr>
                  <th scope="col">{m('models.col.label')}</th>
                  <th scope="col" className="num">{thisCol}</th>
                  <th scope="col" className="num">{activeCol}</th>
                  <th scope="col" className="num">{m('models.compare.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {c.perClass.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{labelName(r.label)} <span className="mono muted small">{r.label}</span></th>
                    <td className="num">{r.candidate === null ? m('models.compare.dropped') : formatPct(r.candidate)}</td>
                    <td className="num">{r.baseline === null ? m('models.compare.new') : formatPct(r.baseline)}</td>
                    <td className={deltaClass(r.delta)}>{formatDelta(r.delta)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted small">{m('models.compare.no_classes')}</p>
      )}
    </div>
  );
}
