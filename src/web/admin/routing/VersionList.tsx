import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { RuleSetSummary } from './routing-api.js';
import { messages as m } from './routing.messages.js';

/** All versions, newest first; the active one is marked. */
export function VersionList({ items, selectedId, onSelect }: { items: readonly RuleSetSummary[]; selectedId: string | null; onSelect: (id: string) => void }) {
  useI18n();
  if (!items.length) return <p className="empty">{m('routing.noVersions')}</p>;
  return (
    <nav className="card rt-versions" aria-label={m('routing.versions')}>
      <h2>{m('routing.versions')}</h2>
      <ul>
        {items.map((v) => (
          <li key={v.id}>
            <button
              type="button" className={`rt-version${v.id === selectedId ? ' selected' : ''}`} aria-current={v.id === selectedId ? 'true' : undefined}
              data-testid="routing-version-item" data-version={v.version} data-status={v.status} onClick={() => onSelect(v.id)}
            >
              <span className="rt-version-line">
                <strong>{m('routing.version', { n: v.version })}</strong>
                <span className={`badge rt-status-${v.status}`}>{m(`routing.status.${v.status}`)}</span>
              </span>
              {v.note && <span className="rt-version-note">{v.note}</span>}
              <span className="muted small">{m('routing.ruleCount', { n: v.ruleCount })} · {formatDateTime(v.createdAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
