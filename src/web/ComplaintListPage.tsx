import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api } from './api.js';
import { ComplaintRow } from './ComplaintRow.js';
import { ErrorBox } from './ErrorBox.js';
import { formatTime } from './format.js';
import { useI18n } from './i18n.js';
import { EMPTY_FILTERS, ListFilters, type Filters } from './ListFilters.js';

const OPEN_WORK: Filters = { ...EMPTY_FILTERS, status: 'open' };
import { useLive } from './live.js';
import { createThrottle } from './live-throttle.js';
import { BulkBar } from './queue/BulkBar.js';
import { messages } from './queue/queue.messages.js';
import { NO_SELECTION, pageSelectionState, selectionReducer } from './queue/selection.js';
import { useQueueRefs } from './queue/useQueueRefs.js';
import { listUrl } from './queue/view-filters.js';
import { ViewsBar } from './queue/ViewsBar.js';
import { complaintHref, navigate } from './router.js';
import { useShortcuts } from './useShortcuts.js';
import type { Complaint, Page } from './types.js';

const PAGE_SIZE = 50;
const MAX_LIMIT = 200;
// A safety net only: live updates reload the queue as soon as anything changes.
const REFRESH_MS = 60_000;
/** Bursts of changes (a bulk action) coalesce into one reload. */
/** At most one live-triggered reload per this many ms; the first runs at once. */
const LIVE_RELOAD_WINDOW_MS = 400;
const SEARCH_DEBOUNCE_MS = 300;

interface Row {
  c: Complaint;
  /** Browser time the row arrived: its countdown runs from here. */
  at: number;
}

export function ComplaintListPage() {
  const { t } = useI18n();
  // The queue opens on the open work (the "All open" view): closed history is a filter away, and
  // urgency order over every complaint ever filed costs seconds at a million complaints.
  const [filters, setFilters] = useState<Filters>(OPEN_WORK);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const seq = useRef(0);
  const count = useRef(0);
  const refs = useQueueRefs();
  const [selection, select] = useReducer(selectionReducer, NO_SELECTION);
  /** Bumped after this page changed complaints, so the view counts reload at once. */
  const [viewsVersion, setViewsVersion] = useState(0);

  // Only rows on screen stay selected: a bulk action never reaches a complaint nobody sees.
  useEffect(() => {
    select({ type: 'keep', ids: rows.map((r) => r.c.id) });
  }, [rows]);

  function applyView(f: Filters) {
    setSearch(f.q);
    setFilters(f);
  }

  useEffect(() => {
    count.current = rows.length;
  }, [rows.length]);

  useEffect(() => {
    const h = setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(h);
  }, [search]);

  /** (Re)loads from the top; a newer call makes older answers void. */
  const load = useCallback(
    async (limit: number) => {
      const mine = ++seq.current;
      try {
        const page = await api.get<Page<Complaint>>(listUrl(filters, limit));
        if (mine !== seq.current) return;
        const at = Date.now();
        setRows(page.items.map((c) => ({ c, at })));
        setNextCursor(page.nextCursor);
        setUpdatedAt(at);
        setError(null);
      } catch (err) {
        if (mine === seq.current) setError(err);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    setLoading(true);
    void load(PAGE_SIZE);
  }, [load]);

  // Auto-refresh, keeping as many rows as are shown now.
  useEffect(() => {
    const h = setInterval(() => {
      if (document.hidden) return;
      void load(Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, count.current)));
    }, REFRESH_MS);
    return () => clearInterval(h);
  }, [load]);

  const liveReload = useMemo(
    () => createThrottle(() => void load(Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, count.current))), LIVE_RELOAD_WINDOW_MS),
    [load],
  );
  useLive((f) => {
    if (f.type === 'complaint.changed') liveReload.call();
  });
  useEffect(() => () => liveReload.cancel(), [liveReload]);

  // j / k move through the queue, Enter (or o) opens, / searches.
  const [cursorRow, setCursorRow] = useState(-1);
  const move = (d: number) => setCursorRow((i) => Math.max(0, Math.min(rows.length - 1, i + d)));
  const open = () => {
    const r = rows[cursorRow];
    if (r) navigate(complaintHref(r.c.id));
  };
  const toggleCursorRow = () => {
    const r = rows[cursorRow];
    if (r && refs.canBulk) select({ type: 'toggle', id: r.c.id });
  };
  useShortcuts({
    j: () => move(1), k: () => move(-1), Enter: open, o: open, x: toggleCursorRow,
    '/': () => document.getElementById('filter-q')?.focus(),
  });
  useEffect(() => {
    document.querySelector('.complaint-row.is-cursor')?.scrollIntoView({ block: 'nearest' });
  }, [cursorRow]);

  async function loadMore() {
    if (!nextCursor) return;
    const mine = seq.current;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<Complaint>>(listUrl(filters, PAGE_SIZE, nextCursor));
      if (mine !== seq.current) return;
      const at = Date.now();
      setRows((prev) => {
        const seen = new Set(prev.map((r) => r.c.id));
        return [...prev, ...page.items.filter((c) => !seen.has(c.id)).map((c) => ({ c, at }))];
      });
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.subtitle')} <span className="small">{t('list.shortcuts')} {refs.canBulk && messages('queue.shortcutX')}</span></p>
        </div>
        <div className="page-head-actions">
          {updatedAt !== null && <span className="muted small">{t('list.updated', { time: formatTime(updatedAt) })}</span>}
          <button type="button" className="btn" data-testid="list-refresh" onClick={() => { setViewsVersion((v) => v + 1); void load(Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, rows.length))); }}>
            {t('list.refresh')}
          </button>
        </div>
      </div>

      <div className="queue-layout">
        <ViewsBar filters={filters} onApply={applyView} canShare={refs.canShare} version={viewsVersion} />
        <div className="queue-main">
          <ListFilters value={filters} search={search} onSearch={setSearch} onChange={setFilters} departments={refs.departments} staff={refs.staff} />
          <ErrorBox error={error} onRetry={() => void load(PAGE_SIZE)} />
          <ErrorBox error={refs.error} />
          {refs.canBulk && (
            <BulkBar
              selected={rows.filter((r) => selection.has(r.c.id)).map((r) => r.c)}
              staff={refs.staff}
              me={refs.me}
              onClear={() => select({ type: 'clear' })}
              onSelect={(ids) => select({ type: 'replace', ids })}
              onDone={() => {
                setViewsVersion((v) => v + 1);
                void load(Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, count.current)));
              }}
            />
          )}

          <div className="table-wrap card">
            <table className="complaint-table" data-testid="complaint-table" aria-busy={loading}>
              <thead>
                <tr>
                  {refs.canBulk && (
                    <th className="cell-select">
                      <SelectAll state={pageSelectionState(selection, rows.map((r) => r.c.id))} disabled={rows.length === 0}
                        onChange={(on) => select({ type: 'set', ids: rows.map((r) => r.c.id), on })} />
                    </th>
                  )}
                  <th>{t('col.number')}</th>
                  <th>{t('col.subject')}</th>
                  <th>{t('col.customer')}</th>
                  <th>{t('col.category')}</th>
                  <th>{t('col.severity')}</th>
                  <th>{t('col.status')}</th>
                  <th>{t('col.department')}</th>
                  <th>{t('col.assignee')}</th>
                  <th>{t('col.sla')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <ComplaintRow
                    key={r.c.id} c={r.c} fetchedAt={r.at} isCursor={i === cursorRow}
                    selected={selection.has(r.c.id)}
                    onToggleSelect={refs.canBulk ? () => { setCursorRow(i); select({ type: 'toggle', id: r.c.id }); } : undefined}
                  />
                ))}
              </tbody>
            </table>
            {rows.length === 0 && (
              <p className="empty" data-testid={loading ? "list-loading" : "list-empty"}>
                {loading ? t('common.loading') : t('list.empty')}
              </p>
            )}
          </div>

          <div className="list-foot">
            <span className="muted small">{t('list.shown', { n: rows.length })}</span>
            {nextCursor && (
              <button type="button" className="btn" data-testid="load-more" disabled={loadingMore} onClick={() => void loadMore()}>
                {loadingMore ? t('common.loading') : t('list.loadMore')}
              </button>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The header box: ticks or unticks every row on the page; half-ticked when some are. */
function SelectAll({ state, disabled, onChange }: { state: 'all' | 'some' | 'none'; disabled: boolean; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref} type="checkbox" data-testid="select-all" aria-label={messages('queue.selectAll')}
      checked={state === 'all'} disabled={disabled} onChange={() => onChange(state !== 'all')}
    />
  );
}
