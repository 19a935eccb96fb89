import { useEffect, useState } from 'react';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { useApiData } from '../useApiData.js';
import type { Page } from '../types.js';
import { messages } from './queue.messages.js';
import { SaveViewForm } from './SaveViewForm.js';
import { deleteView } from './views-api.js';
import { filtersKey, paramsToFilters, type Filters } from './view-filters.js';
import './queue.css';

interface BuiltinView { key: string; filters: Record<string, unknown>; count: number; countCapped: boolean }
interface SavedView { id: string; name: string; filters: Record<string, unknown>; shared: boolean; mine: boolean; count: number; countCapped: boolean }

interface Props {
  filters: Filters;
  onApply: (f: Filters) => void;
  canShare: boolean;
  /** Bumped by the page after it changed complaints itself, so counts follow at once. */
  version: number;
}

type BuiltinKey = 'mine' | 'my_team' | 'my_department' | 'unassigned' | 'needs_triage' | 'at_risk' | 'breached' | 'repeat' | 'recovery' | 'all_open';
const BUILTIN_KEYS = new Set<string>(['mine', 'my_team', 'my_department', 'unassigned', 'needs_triage', 'at_risk', 'breached', 'repeat', 'recovery', 'all_open']);

/** Standard queues and saved views, each with its live count; clicking one applies its filters. */
export function ViewsBar({ filters, onApply, canShare, version }: Props) {
  useI18n();
  const builtin = useApiData<Page<BuiltinView>>('/api/v1/views/built-in');
  const saved = useApiData<Page<SavedView>>('/api/v1/views');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const { reload: reloadBuiltin } = builtin;
  const { reload: reloadSaved } = saved;

  useEffect(() => {
    if (version === 0) return; // the first load is useApiData's own
    reloadBuiltin();
    reloadSaved();
  }, [version, reloadBuiltin, reloadSaved]);

  const current = filtersKey(filters);
  const keyOf = (f: Record<string, unknown>) => filtersKey(paramsToFilters(f));

  async function remove(v: SavedView) {
    setDeleteError(null);
    try {
      await deleteView(v.id);
      setConfirming(null);
    } catch (err) {
      setDeleteError(err);
    } finally {
      reloadSaved();
    }
  }

  const viewButton = (id: string, label: string, v: { filters: Record<string, unknown>; count: number; countCapped: boolean }, attrs: Record<string, string>) => {
    const active = keyOf(v.filters) === current;
    return (
      <button
        type="button"
        className={active ? 'queue-view active' : 'queue-view'}
        aria-pressed={active}
        data-testid="view"
        data-active={active}
        {...attrs}
        onClick={() => onApply(paramsToFilters(v.filters))}
      >
        <span className="queue-view-name" title={label}>{label}</span>
        <span className="queue-count" data-testid="view-count" aria-label={messages('queue.count', { n: v.count })}>
          {v.countCapped ? messages('queue.countCapped', { n: v.count }) : v.count}
        </span>
      </button>
    );
  };

  return (
    <nav className="queue-views card" aria-label={messages('queue.views')} data-testid="views-bar">
      <h2>{messages('queue.views')}</h2>
      <ErrorBox error={builtin.error} onRetry={reloadBuiltin} />
      {!builtin.data && !builtin.error && <p className="muted small">…</p>}
      <ul className="queue-view-list">
        {builtin.data?.items.filter((v) => BUILTIN_KEYS.has(v.key)).map((v) => (
          <li key={v.key}>{viewButton(v.key, messages(`queue.builtin.${v.key as BuiltinKey}`), v, { 'data-view': v.key })}</li>
        ))}
      </ul>

      <h3>{messages('queue.savedViews')}</h3>
      <ErrorBox error={saved.error ?? deleteError} onRetry={reloadSaved} />
      {saved.data && saved.data.items.length === 0 && <p className="muted small" data-testid="no-saved-views">{messages('queue.noSavedViews')}</p>}
      <ul className="queue-view-list">
        {saved.data?.items.map((v) => (
          <li key={v.id} className="queue-saved">
            {confirming === v.id ? (
              <div className="queue-confirm" role="group" aria-label={messages('queue.deleteView', { name: v.name })}>
                <span>{messages('queue.confirmDelete', { name: v.name })}</span>
                <button type="button" className="btn btn-small btn-danger" data-testid="view-delete-confirm" onClick={() => void remove(v)}>{messages('queue.delete')}</button>
                <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>{messages('queue.cancel')}</button>
              </div>
            ) : (
              <>
                {viewButton(v.id, v.name, v, { 'data-name': v.name })}
                {v.shared && <span className="queue-shared">{messages('queue.sharedBadge')}</span>}
                {v.mine && (
                  <button type="button" className="queue-delete" data-testid="view-delete" aria-label={messages('queue.deleteView', { name: v.name })} title={messages('queue.deleteView', { name: v.name })} onClick={() => setConfirming(v.id)}>
                    ×
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>

      <SaveViewForm filters={filters} canShare={canShare} onSaved={reloadSaved} />
    </nav>
  );
}
