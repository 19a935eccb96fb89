import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { ArticleVersion, KbLocale } from './kb-types.js';
import { messages as m } from './kb.messages.js';
import { SafeHtml } from './SafeHtml.js';

/**
 * The saved version as customers would read it. There is no server endpoint that renders unsaved
 * Markdown, so the preview is the server's rendering of the last save, and says so when the text
 * has changed since.
 */
export function ArticlePreview({ saved, changed, locale }: { saved: ArticleVersion | null; changed: boolean; locale: KbLocale }) {
  const { tEnum } = useI18n();
  return (
    <aside className="card kb-preview" aria-labelledby="kb-preview-title" data-testid="kb-preview">
      <div className="kb-preview-head">
        <h3 id="kb-preview-title">{m('kb.preview', { locale: tEnum('locale', locale) })}</h3>
        {saved && (
          <span className={`kb-chip kb-chip-${saved.status}`} data-testid="kb-preview-state" data-status={saved.status}>
            {m(`kb.state.${saved.status}`)}
          </span>
        )}
      </div>
      {!saved && <p className="empty">{m('kb.preview.none')}</p>}
      {saved && changed && <p className="kb-stale" role="status">{m('kb.preview.stale')}</p>}
      {saved && (
        <>
          <p className="hint">
            {saved.publishedAt ? m('kb.preview.publishedAt', { at: formatDateTime(saved.publishedAt) }) : m('kb.preview.savedAt', { at: formatDateTime(saved.updatedAt) })}
          </p>
          <div lang={locale}>
            <h1 className="kb-article-title" data-testid="kb-preview-title">{saved.title}</h1>
            <SafeHtml html={saved.html} className="kb-article" testId="kb-preview-body" />
          </div>
        </>
      )}
    </aside>
  );
}
