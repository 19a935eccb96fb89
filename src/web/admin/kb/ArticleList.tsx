import { ErrorBox } from '../../ErrorBox.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { useApiData } from '../../useApiData.js';
import { KB_CATEGORIES, KB_LOCALES, type KbLocale, type KbState, type ManagedArticle } from './kb-types.js';
import { messages as m } from './kb.messages.js';

/** The version to name an article by: the filtered locale, else the reader's, else whichever exists. */
export function displayVersion(a: ManagedArticle, prefer: (KbLocale | '')[]) {
  for (const l of [...prefer, ...KB_LOCALES]) {
    const v = l ? a.versions[l] : undefined;
    if (l && v) return { locale: l, ...v };
  }
  return null;
}

function Helpfulness({ votes }: { votes: ManagedArticle['votes'] }) {
  const total = votes.helpful + votes.notHelpful;
  if (!total) return <span className="muted">{m('kb.noVotes')}</span>;
  return (
    <span title={m('kb.votesTitle', { up: votes.helpful, down: votes.notHelpful })}>
      {m('kb.helpfulPct', { pct: Math.round((votes.helpful / total) * 100) })} <span className="muted">({total})</span>
    </span>
  );
}

export interface KbFilters {
  locale: KbLocale | '';
  state: KbState | '';
  category: string;
  search: string;
}
export const NO_FILTERS: KbFilters = { locale: '', state: '', category: '', search: '' };

/**
 * Every article with its locale versions, filtered by locale, state and category on the server and
 * by text here. The filters live with the caller so they survive a trip to the editor and back.
 */
export function ArticleList({ filters, onFilters, onOpen, onNew }: {
  filters: KbFilters;
  onFilters: (f: KbFilters) => void;
  onOpen: (id: string, locale: KbLocale | null) => void;
  onNew: () => void;
}) {
  const { t, tEnum, locale: uiLocale } = useI18n();
  const { locale, state, category, search } = filters;
  const set = (patch: Partial<KbFilters>) => onFilters({ ...filters, ...patch });
  const qs = new URLSearchParams();
  if (locale) qs.set('locale', locale);
  if (state) qs.set('status', state);
  if (category) qs.set('category', category);
  const { data, error, reload } = useApiData<{ items: ManagedArticle[] }>(`/api/v1/kb/manage/articles${qs.size ? `?${qs}` : ''}`);

  // The management list has no text filter: it is at most a few hundred articles, so this searches what it answered.
  const needle = search.trim().toLowerCase();
  const items = (data?.items ?? []).filter((a) => !needle || a.slug.includes(needle)
    || Object.values(a.versions).some((v) => v.title.toLowerCase().includes(needle) || v.body.toLowerCase().includes(needle)));

  return (
    <section className="kb-list" aria-labelledby="kb-list-title" data-testid="kb-list">
      <div className="kb-head">
        <h2 id="kb-list-title">{m('kb.title')}</h2>
        <button type="button" className="btn btn-primary" onClick={onNew} data-testid="kb-new">{m('kb.new')}</button>
      </div>
      <div className="filters card kb-filters" role="search">
        <label className="field field-inline field-grow">
          <span>{m('kb.search')}</span>
          <input type="search" value={search} onChange={(e) => set({ search: e.target.value })} placeholder={m('kb.searchPlaceholder')} data-testid="kb-filter-search" />
        </label>
        <label className="field field-inline">
          <span>{m('kb.locale')}</span>
          <select value={locale} onChange={(e) => set({ locale: e.target.value as KbLocale | '' })} data-testid="kb-filter-locale">
            <option value="">{m('kb.any')}</option>
            {KB_LOCALES.map((l) => <option key={l} value={l}>{tEnum('locale', l)}</option>)}
          </select>
        </label>
        <label className="field field-inline">
          <span>{m('kb.state')}</span>
          <select value={state} onChange={(e) => set({ state: e.target.value as KbState | '' })} data-testid="kb-filter-state">
            <option value="">{m('kb.any')}</option>
            <option value="draft">{m('kb.state.draft')}</option>
            <option value="published">{m('kb.state.published')}</option>
          </select>
        </label>
        <label className="field field-inline">
          <span>{m('kb.category')}</span>
          <select value={category} onChange={(e) => set({ category: e.target.value })} data-testid="kb-filter-category">
            <option value="">{m('kb.any')}</option>
            {KB_CATEGORIES.map((c) => <option key={c} value={c}>{tEnum('category', c)}</option>)}
          </select>
        </label>
      </div>
      <ErrorBox error={error} onRetry={reload} />
      {!data && !error && <p className="empty">{t('common.loading')}</p>}
      {data && items.length === 0 && (
        <p className="empty card" data-testid="kb-empty">{data.items.length ? m('kb.noMatch') : m('kb.empty')}</p>
      )}
      {items.length > 0 && (
        <div className="card table-wrap">
          <table className="complaint-table kb-table" data-testid="kb-table">
            <thead>
              <tr>
                <th scope="col">{m('kb.col.title')}</th>
                <th scope="col">{m('kb.col.category')}</th>
                <th scope="col">{m('kb.col.versions')}</th>
                <th scope="col">{m('kb.col.helpful')}</th>
                <th scope="col">{m('kb.col.views')}</th>
                <th scope="col">{m('kb.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const shown = displayVersion(a, [locale, uiLocale]);
                return (
                  <tr key={a.id} className="complaint-row" onClick={() => onOpen(a.id, locale || shown?.locale || null)} data-testid={`kb-row-${a.slug}`}>
                    <td className="kb-cell-title">
                      {/* A real button: the row opens from the keyboard too. */}
                      <button
                        type="button"
                        className="kb-open"
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(a.id, locale || shown?.locale || null);
                        }}
                        data-testid={`kb-open-${a.slug}`}
                      >
                        {shown?.title ?? a.slug}
                      </button>
                      <span className="kb-slug">{a.slug}</span>
                    </td>
                    <td>{tEnum('category', a.category)}</td>
                    <td>
                      <span className="kb-versions">
                        {KB_LOCALES.filter((l) => a.versions[l]).map((l) => (
                          <span key={l} className={`kb-chip kb-chip-${a.versions[l]!.status}`} data-testid={`kb-version-${a.slug}-${l}`} data-status={a.versions[l]!.status}>
                            {tEnum('locale', l)} · {m(`kb.state.${a.versions[l]!.status}`)}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td><Helpfulness votes={a.votes} /></td>
                    <td>{a.views}</td>
                    <td className="kb-nowrap">{formatDateTime(a.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
