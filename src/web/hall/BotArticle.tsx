import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.js';
import { messages as m } from './bot.messages.js';
import { hallApi } from './hall-api.js';
import { HallErrorBox } from './HallError.js';

interface Article {
  title: string;
  html: string;
}

/**
 * The knowledge-base article a bot answer points at, opened in place: the hall has no article
 * pages of its own, and the customer keeps the conversation in view while reading. The HTML is
 * rendered and sanitised by the server (raw HTML escaped, only http(s)/mailto/relative links).
 */
export function BotArticle({ slug, title }: { slug: string; title: string }) {
  const { locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const panelId = `bot-article-${slug}`;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    hallApi.get<Article>(`/api/v1/kb/articles/${encodeURIComponent(slug)}`)
      .then((a) => { if (live) setArticle(a); })
      .catch((err: unknown) => { if (live) setError(err); });
    return () => { live = false; };
  }, [open, slug, locale, tick]);

  return (
    <div className="bot-article-ref">
      <strong>{title}</strong>
      <button type="button" className="hall-link" data-testid="bot-article-open" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? m('bot.article.close') : m('bot.article.open')}
      </button>
      {open && (
        <div id={panelId} className="bot-article" data-testid="bot-article">
          {error ? <HallErrorBox error={error} onRetry={() => setTick((n) => n + 1)} />
            : !article ? <p className="hall-muted hall-small">{m('bot.article.loading')}</p>
            : (
              <>
                <h3>{article.title}</h3>
                {/* Server-sanitised Markdown (src/modules/kb/render-markdown.ts). */}
                <div className="bot-article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
              </>
            )}
        </div>
      )}
    </div>
  );
}
