import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages } from './complaint-extras.messages.js';
import { KbPreview } from './KbPreview.js';
import type { ArticleHit, KbLocaleFilter } from './kb-types.js';
import { useKbSearch } from './useKbSearch.js';
import './complaint-extras.css';

/**
 * Next to the macro picker: articles suggested for this complaint first, a search over both
 * languages, a preview, and "Insert", which hands the reply box a snippet with the public link.
 * Roles that may not read suggestions (back office) get no picker.
 */
export function KbPicker({ complaintId, onInsert }: { complaintId: string; onInsert: (snippet: string) => void }) {
  useI18n();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [suggested, setSuggested] = useState<ArticleHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [hidden, setHidden] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.get<{ items: ArticleHit[] }>(`/api/v1/complaints/${encodeURIComponent(complaintId)}/kb-suggestions`)
      .then((r) => {
        if (!live) return;
        setSuggested(r.items);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 403) setHidden(true);
        else setError(err);
      });
    return () => {
      live = false;
    };
  }, [complaintId, attempt]);

  if (hidden) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="kb-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {suggested?.length ? messages('kb.openCount', { n: suggested.length }) : messages('kb.open')}
      </button>
      {open && (
        <KbPanel
          id={panelId}
          suggested={suggested}
          suggestError={error}
          onRetry={() => setAttempt((n) => n + 1)}
          onClose={() => setOpen(false)}
          onInsert={(snippet) => {
            onInsert(snippet);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

interface PanelProps {
  id: string;
  suggested: ArticleHit[] | null;
  suggestError: unknown;
  onRetry: () => void;
  onClose: () => void;
  onInsert: (snippet: string) => void;
}

function KbPanel({ id, suggested, suggestError, onRetry, onClose, onInsert }: PanelProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [locale, setLocale] = useState<KbLocaleFilter>('');
  const [chosen, setChosen] = useState<ArticleHit | null>(null);
  const search = useKbSearch(q, locale);
  const searching = q.trim() !== '';
  const hits = searching ? search.hits : suggested?.filter((h) => !locale || h.locale === locale) ?? null;
  const current = chosen && hits?.some((h) => h.id === chosen.id && h.locale === chosen.locale) ? chosen : (hits?.[0] ?? null);

  return (
    <div
      className="kb-panel"
      id={id}
      role="region"
      aria-label={messages('kb.title')}
      data-testid="kb-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="kb-panel-head">
        <h3>{messages('kb.title')}</h3>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>{messages('kb.close')}</button>
      </div>
      <div className="kb-search">
        <label className="field">
          <span>{messages('kb.search')}</span>
          <input
            type="search"
            data-testid="kb-search"
            value={q}
            placeholder={messages('kb.searchPlaceholder')}
            maxLength={500}
            autoFocus
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label className="field kb-locale">
          <span>{messages('kb.language')}</span>
          <select data-testid="kb-locale" value={locale} onChange={(e) => setLocale(e.target.value as KbLocaleFilter)}>
            <option value="">{messages('kb.anyLanguage')}</option>
            <option value="zh-CN">{messages('kb.locale.zh-CN')}</option>
            <option value="en">{messages('kb.locale.en')}</option>
          </select>
        </label>
      </div>
      <div className="kb-body">
        <div className="kb-list-col">
          <h4>{searching ? messages('kb.results') : messages('kb.suggested')}</h4>
          <ErrorBox error={searching ? search.error : suggestError} onRetry={searching ? undefined : onRetry} />
          {searching && search.searching && <p className="muted">{messages('kb.searching')}</p>}
          {!searching && suggested === null && !suggestError && <p className="muted">{t('common.loading')}</p>}
          {hits?.length === 0 && (
            <p className="empty" data-testid="kb-empty">{searching ? messages('kb.noResults', { q: q.trim() }) : messages('kb.noSuggestions')}</p>
          )}
          {hits && hits.length > 0 && (
            <ul className="kb-list">
              {hits.map((h) => {
                const on = current?.id === h.id && current.locale === h.locale;
                return (
                  <li key={`${h.id}/${h.locale}`}>
                    <button
                      type="button"
                      className={on ? 'kb-hit on' : 'kb-hit'}
                      aria-pressed={on}
                      data-testid="kb-hit"
                      data-slug={h.slug}
                      onClick={() => setChosen(h)}
                    >
                      <span className="kb-hit-title">{h.title}</span>
                      <span className="tag">{messages(h.locale === 'en' ? 'kb.locale.en' : 'kb.locale.zh-CN')}</span>
                      <span className="kb-hit-excerpt muted small">{h.excerpt}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className="kb-preview-col">
          {current ? <KbPreview key={`${current.id}/${current.locale}`} hit={current} onInsert={onInsert} /> : <p className="muted">{messages('kb.pick')}</p>}
        </div>
      </div>
    </div>
  );
}
