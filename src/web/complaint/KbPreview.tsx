import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ErrorBox } from '../ErrorBox.js';
import { useI18n } from '../i18n.js';
import { messages } from './complaint-extras.messages.js';
import type { ArticleHit } from './kb-types.js';
import { kbSnippet } from './reply-insert.js';

interface ManagedArticle {
  versions: Partial<Record<ArticleHit['locale'], { title: string; html: string; status: string }>>;
}

/**
 * The chosen article as the customer will read it, with what "Insert" will put in the reply.
 * Read through the staff route, so an agent's preview is not counted as a customer's view.
 */
export function KbPreview({ hit, onInsert }: { hit: ArticleHit; onInsert: (snippet: string) => void }) {
  useI18n();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setHtml(null);
    setError(null);
    api.get<ManagedArticle>(`/api/v1/kb/manage/articles/${encodeURIComponent(hit.id)}`)
      .then((a) => live && setHtml(a.versions[hit.locale]?.html ?? ''))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [hit.id, hit.locale]);

  const snippet = kbSnippet(hit);
  return (
    <div className="kb-preview" data-testid="kb-preview" data-slug={hit.slug}>
      <h4>{hit.title}</h4>
      <ErrorBox error={error} />
      {html === null && !error && <p className="muted">{messages('kb.previewLoading')}</p>}
      {/* Rendered by the server from Markdown with raw HTML escaped and only http(s)/mailto links. */}
      {html !== null && <div className="kb-article" dangerouslySetInnerHTML={{ __html: html }} />}
      <p className="muted small">{messages('kb.insertHint')}</p>
      <pre className="kb-snippet" data-testid="kb-snippet">{snippet}</pre>
      <div className="kb-preview-actions">
        <a href={hit.url} target="_blank" rel="noopener noreferrer">{messages('kb.openPublic')}</a>
        <button type="button" className="btn btn-primary btn-small" data-testid="kb-insert" onClick={() => onInsert(snippet)}>
          {messages('kb.insert')}
        </button>
      </div>
    </div>
  );
}
