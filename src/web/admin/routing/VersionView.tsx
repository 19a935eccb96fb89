import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { describeAction, whenParts, type SummaryContext } from './rule-summary.js';
import type { RuleSetFull } from './routing-api.js';
import { messages as m } from './routing.messages.js';

/** A stored version's rules in order, in words: conditions → actions. */
export function VersionView({ ruleSet, ctx, onEdit, onActivate, busy, canEdit }: {
  ruleSet: RuleSetFull;
  ctx: SummaryContext;
  onEdit: () => void;
  onActivate: () => void;
  busy: boolean;
  canEdit: boolean;
}) {
  useI18n();
  return (
    <section className="card rt-version-view" aria-label={m('routing.version', { n: ruleSet.version })} data-testid="routing-version" data-version={ruleSet.version} data-status={ruleSet.status}>
      <div className="rt-section-head">
        <h2>{m('routing.version', { n: ruleSet.version })}</h2>
        <span className={`badge rt-status-${ruleSet.status}`} data-testid="routing-version-status">{m(`routing.status.${ruleSet.status}`)}</span>
        <span className="muted small">
          {m('routing.savedAt', { at: formatDateTime(ruleSet.createdAt) })}
          {ruleSet.activatedAt ? ` · ${m('routing.activatedAt', { at: formatDateTime(ruleSet.activatedAt) })}` : ''}
        </span>
      </div>
      {ruleSet.note && <p className="rt-note">{ruleSet.note}</p>}
      {canEdit && (
        <div className="row-actions rt-version-actions">
          <button type="button" className="btn" data-testid="routing-edit-draft" onClick={onEdit}>{m('routing.editDraft')}</button>
          {ruleSet.status !== 'active' && (
            <button type="button" className="btn btn-primary" disabled={busy} data-testid="routing-activate" onClick={onActivate}>
              {ruleSet.status === 'retired' ? m('routing.rollback') : m('routing.activate')}
            </button>
          )}
          {ruleSet.status === 'retired' && <small className="muted">{m('routing.rollbackHint')}</small>}
        </div>
      )}
      <h3>{m('routing.rules')}</h3>
      {ruleSet.rules.length === 0 ? (
        <p className="empty">{m('routing.noRules')}</p>
      ) : (
        <ol className="rt-rule-list">
          {ruleSet.rules.map((r) => {
            const when = whenParts(r.when, ctx);
            return (
              <li key={r.id} className={r.enabled ? 'rt-rule' : 'rt-rule rt-rule-disabled'} data-testid="routing-rule" data-rule-id={r.id}>
                <div className="rt-rule-title">
                  <strong>{r.name}</strong> <code className="muted small">{r.id}</code>
                  {!r.enabled && <span className="badge">{m('routing.disabled')}</span>}
                  {r.stop && <span className="badge rt-badge-stop" title={m('routing.stopsHint')}>{m('routing.stops')}</span>}
                </div>
                {r.description && <p className="muted small rt-rule-desc">{r.description}</p>}
                <div className="rt-rule-body">
                  <div className="rt-when">
                    <span className="rt-label">{m('routing.when')}</span>
                    {when.parts.length === 0 ? (
                      <span>{m('routing.always')}</span>
                    ) : (
                      <ul>{when.parts.map((p, i) => <li key={i}>{i > 0 && when.joiner ? <em className="rt-joiner">{when.joiner} </em> : null}{p}</li>)}</ul>
                    )}
                  </div>
                  <span className="rt-arrow" aria-hidden="true">→</span>
                  <div className="rt-then">
                    <span className="rt-label">{m('routing.then')}</span>
                    <ul>{r.then.map((a, i) => <li key={i}>{describeAction(a, ctx)}</li>)}</ul>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
