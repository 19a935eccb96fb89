import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorBox } from '../../ErrorBox.js';
import { useI18n } from '../../i18n.js';
import { changeRows, type ChangeRow } from './dry-run-rows.js';
import { fieldLabel, type SummaryContext } from './rule-summary.js';
import { ROUTING_BASE, type DryRunResult, type RuleSetSummary } from './routing-api.js';
import { messages as m } from './routing.messages.js';

const LIMITS = [50, 200, 1000] as const;
const MAX_ROWS = 100;

function ValueText({ row, side, ctx }: { row: ChangeRow; side: 'before' | 'after'; ctx: SummaryContext }) {
  const { tEnum } = useI18n();
  const v = row[side];
  if (row.field === 'tags') {
    const tags = Array.isArray(v) ? v : [];
    if (!tags.length) return <span className="muted">{m('routing.test.none')}</span>;
    return <>{tags.map((t) => <span key={t} className={side === 'after' && row.added.includes(t) ? 'tag rt-tag-added' : 'tag'}>{t}</span>)}</>;
  }
  if (v === null || Array.isArray(v)) return <span className="muted">{row.field === 'assignee' ? m('routing.dry.nobody') : m('routing.test.none')}</span>;
  if (row.field === 'severity') return <>{tEnum('severity', v)}</>;
  if (row.field === 'department') return <>{ctx.departmentName(v)}</>;
  if (row.field === 'assignee') return <>{ctx.userName ? ctx.userName(v) : v}</>;
  return <>{v}</>;
}

/** Replays one version over past complaints and shows what would change. Writes nothing. */
export function DryRunPanel({ ruleSet, ctx }: { ruleSet: RuleSetSummary; ctx: SummaryContext }) {
  useI18n();
  const [limit, setLimit] = useState<number>(200);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<DryRunResult>(`${ROUTING_BASE}/rulesets/${ruleSet.id}/dry-run`, { limit, onlyChanged: true }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const table = result ? changeRows(result.items, MAX_ROWS) : null;
  const fired = result ? Object.entries(result.totals.rulesFired).sort((a, b) => b[1] - a[1]) : [];
  return (
    <section className="card rt-dry-run" aria-label={m('routing.dry.title', { n: ruleSet.version })} data-testid="routing-dry-run">
      <h2>{m('routing.dry.title', { n: ruleSet.version })}</h2>
      <p className="muted small">{m('routing.dry.intro')}</p>
      <div className="row-actions">
        <label className="rt-inline-field">
          <span>{m('routing.dry.limit')}</span>
          <select value={limit} data-testid="routing-dry-limit" onChange={(e) => setLimit(Number(e.target.value))}>
            {LIMITS.map((n) => <option key={n} value={n}>{m('routing.dry.limitOption', { n })}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-primary" disabled={busy} data-testid="routing-dry-run-button" onClick={() => void run()}>
          {busy ? m('routing.dry.running') : m('routing.dry.run')}
        </button>
      </div>
      <ErrorBox error={error} />
      {result && (
        <div className="rt-dry-result" data-testid="routing-dry-result" data-changed={result.totals.changed} data-replayed={result.totals.replayed}>
          {result.totals.replayed === 0 ? (
            <p className="empty">{m('routing.dry.noComplaints')}</p>
          ) : (
            <>
              <p className="rt-dry-summary" data-testid="routing-dry-summary">
                <strong>{m('routing.dry.summary', { changed: result.totals.changed, replayed: result.totals.replayed })}</strong>
              </p>
              <p className="muted small">
                {m('routing.dry.byField', { department: result.totals.department, severity: result.totals.severity, team: result.totals.team, tags: result.totals.tags, assignee: result.totals.assignee })}
                {' · '}
                {m('routing.dry.sideEffects', { notifications: result.totals.notifications, autoReplies: result.totals.autoReplies })}
              </p>
              {fired.length > 0 && (
                <p className="small">
                  <span className="rt-label">{m('routing.dry.fired')}</span>{' '}
                  {fired.map(([rule, n]) => m('routing.dry.firedItem', { rule, n })).join(' · ')}
                </p>
              )}
            </>
          )}
          {result.totals.replayed > 0 && table && table.total === 0 && <p className="empty">{m('routing.dry.none')}</p>}
          {table && table.total > 0 && (
            <>
              <h3>{m('routing.dry.examples')}</h3>
              <div className="table-wrap">
                <table className="complaint-table rt-dry-table">
                  <thead>
                    <tr>
                      <th scope="col">{m('routing.dry.col.complaint')}</th>
                      <th scope="col">{m('routing.dry.col.field')}</th>
                      <th scope="col">{m('routing.dry.col.change')}</th>
                      <th scope="col">{m('routing.dry.col.rules')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={`${row.complaintId}-${row.field}`} data-testid="routing-dry-row" data-field={row.field}>
                        <td className="cell-number"><a href={`#/complaints/${encodeURIComponent(row.number)}`}>{row.number}</a></td>
                        <td>{fieldLabel(row.field)}</td>
                        <td className="rt-change"><ValueText row={row} side="before" ctx={ctx} /> <span className="rt-arrow-inline">→</span> <ValueText row={row} side="after" ctx={ctx} /></td>
                        <td className="small"><code>{row.fired.join(', ')}</code></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {table.total > table.rows.length && <p className="muted small">{m('routing.dry.more', { shown: table.rows.length, total: table.total })}</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
