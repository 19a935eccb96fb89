import { useState } from 'react';
import { hallApi, HallError } from './hall-api.js';
import { formatWhen, ht, useHallI18n } from './hall-i18n.js';
import { go } from './hall-router.js';
import { HallErrorBox } from './HallError.js';
import { messages } from './kb-article.messages.js';
import { useLoad } from './useLoad.js';
import './kb-article.css';

type KbLocale = 'zh-CN' | 'en';

interface PublicArticle {
  id: string;
  slug: string;
  locale: KbLocale;
  locales: KbLocale[];
  title: string;
  html: string;
  publishedAt: string;
  votes: { helpful: number; notHelpful: number };
}

/**
 * The article in the language the link names (the version the agent chose), not the page's:
 * hallApi.get would add the page language, so this one request builds its own query.
 */
async function fetchArticle(slug: string, locale: KbLocale): Promise<PublicArticle> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/kb/articles/${encodeURIComponent(slug)}?locale=${locale}`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new HallError(0, 'network', ht('hall.error.network'));
  }
  const data = (await res.json().catch(() => null)) as (PublicArticle & { error?: { code?: string; message?: string } }) | null;
  if (!res.ok) throw new HallError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? ht('hall.error.generic', { status: res.status }));
  return data!;
}

/** A published knowledge-base article as customers read it, open to everyone (no sign-in). */
export function ArticlePage({ slug, locale: asked }: { slug: string; locale: KbLocale | null }) {
  const { locale: pageLocale } = useHallI18n();
  const [locale, setLocale] = useState<KbLocale>(asked ?? pageLocale);
  const { data: a, error, loading, reload } = useLoad(() => fetchArticle(slug, locale), `kb:${slug}:${locale}`);
  const [voted, setVoted] = useState(false);
  const [voteError, setVoteError] = useState<unknown>(null);

  const vote = (helpful: boolean) => {
    if (!a) return;
    setVoteError(null);
    hallApi.post(`/api/v1/kb/articles/${encodeURIComponent(a.id)}/vote`, { helpful })
      .then(() => setVoted(true))
      .catch((err: unknown) => setVoteError(err));
  };

  if (loading && !a) return <p className="hall-empty" data-testid="hall-loading">{messages('kbArticle.loading')}</p>;
  if (error && !a) {
    if (error instanceof HallError && error.status === 404) return <p className="hall-empty" data-testid="kb-article-missing">{messages('kbArticle.notFound')}</p>;
    return <HallErrorBox error={error} onRetry={reload} />;
  }
  if (!a) return null;
  const others = a.locales.filter((l) => l !== a.locale);
  return (
    <article className="hall-stack" data-testid="kb-article" data-slug={a.slug} data-locale={a.locale} lang={a.locale}>
      <div className="hall-card">
        <h1 data-testid="kb-article-title">{a.title}</h1>
        <p className="hall-muted hall-small">
          {messages('kbArticle.published', { date: formatWhen(a.publishedAt) })}
          {others.map((l) => (
            <button key={l} type="button" className="hall-link" onClick={() => setLocale(l)}>
              {messages('kbArticle.readIn', { language: messages(`kbArticle.lang.${l}`) })}
            </button>
          ))}
        </p>
        {/* Rendered by the server from Markdown with raw HTML escaped and only http(s)/mailto links. */}
        <div className="kb-article-body" data-testid="kb-article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
      </div>
      <div className="hall-card">
        {voted ? (
          <p data-testid="kb-article-thanks">{messages('kbArticle.thanks')}</p>
        ) : (
          <div className="hall-ask">
            <span>{messages('kbArticle.helpful')}</span>
            <span className="hall-actions">
              <button type="button" className="hall-btn hall-btn-small" onClick={() => vote(true)}>{messages('kbArticle.yes')}</button>
              <button type="button" className="hall-btn hall-btn-small" onClick={() => vote(false)}>{messages('kbArticle.no')}</button>
            </span>
          </div>
        )}
        <HallErrorBox error={voteError} />
      </div>
      <div className="hall-card">
        <p className="hall-muted">{messages('kbArticle.moreHelp')}</p>
        <a className="hall-btn hall-btn-small" href="/hall" onClick={(e) => { e.preventDefault(); go('/hall'); }}>{messages('kbArticle.toHall')}</a>
      </div>
    </article>
  );
}
