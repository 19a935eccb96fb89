import type { Queryable } from '../../db/database.js';
import { excerptOf } from './render-markdown.js';
import type { KbLocale } from './kb-schema.js';
import { orQuery, queryTerms } from './search-tokens.js';

export interface ArticleHit {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  locale: KbLocale;
  category: string;
  /** ts_rank over the pre-segmented lexemes (title words weigh more). */
  score: number;
  /** Share of the query's words the article contains (0–1): how sure an answer is. */
  coverage: number;
}

interface HitRow {
  id: string;
  slug: string;
  category: string;
  locale: KbLocale;
  title: string;
  body: string;
  score: number;
  matched: number;
}

/**
 * Full-text search over published articles, Chinese and English alike: the query is segmented
 * like the articles were (search-tokens.ts), matched against the GIN-indexed tsvector and
 * ranked by ts_rank, then by how many query words matched. Drafts are never returned.
 */
export async function searchArticles(
  db: Queryable,
  opts: { q: string; locale?: KbLocale; limit?: number },
): Promise<ArticleHit[]> {
  const terms = queryTerms(opts.q);
  if (!terms.all.length) return [];
  const limit = Math.min(Math.max(opts.limit ?? 5, 1), 50);
  const rows = await db.query<HitRow>(
    `select a.id, a.slug, a.category, v.locale, v.title, v.body,
            ts_rank('{0.1, 0.2, 0.6, 1.0}', v.search, q.query)::float8 as score,
            (select count(*) from unnest(tsvector_to_array(v.search)) l where l = any($2::text[]))::int as matched
       from kb_article_versions v
       join kb_articles a on a.id = v.article_id
       cross join (select $1::tsquery as query) q
      where v.status = 'published' and v.search @@ q.query ${opts.locale ? 'and v.locale = $4' : ''}
      order by matched desc, score desc, a.helpful_count - a.not_helpful_count desc, a.id
      limit $3`,
    opts.locale ? [orQuery(terms.all), terms.words, limit, opts.locale] : [orQuery(terms.all), terms.words, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: excerptOf(r.body),
    locale: r.locale,
    category: r.category,
    score: Number(r.score),
    coverage: terms.words.length ? Math.min(1, r.matched / terms.words.length) : 0,
  }));
}
