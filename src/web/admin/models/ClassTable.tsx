import { useI18n } from '../../i18n.js';
import { formatPct } from './model-metrics.js';
import type { ClassReport } from './model-types.js';
import { messages as m } from './models.messages.js';

/** Precision, recall, F1 and support per category; weak classes stand out. */
export function ClassTable({ rows, labelName }: { rows: ClassReport[]; labelName: (code: string) => string }) {
  useI18n();
  if (!rows.length) return <p className="empty">{m('models.detail.no_classes')}</p>;
  return (
    <div className="table-wrap">
      <table className="models-table" data-testid="class-table">
        <thead>
          <tr>
            <th scope="col">{m('models.col.label')}</th>
            <th scope="col" className="num">{m('models.col.precision')}</th>
            <th scope="col" className="num">{m('models.col.recall')}</th>
            <th scope="col" className="num">{m('models.col.f1')}</th>
            <th scope="col" className="num">{m('models.col.support')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.label} data-testid={`class-${c.label}`}>
              <th scope="row">{labelName(c.label)} <span className="mono muted small">{c.label}</span></th>
              <td className="num">{formatPct(c.precision)}</td>
              <td className="num">{formatPct(c.recall)}</td>
              <td className={c.f1 < 0.7 ? 'num models-weak' : 'num'}>
                <span className="models-bar" style={{ width: `${Math.round(c.f1 * 100)}%` }} aria-hidden="true" />
                <span className="models-bar-value">{formatPct(c.f1)}</span>
              </td>
              <td className="num">{c.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
