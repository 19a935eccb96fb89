import type { Queryable } from '../../../db/database.js';
import { searchArticles } from '../../kb/search-articles.js';
import type { PortalLocale } from '../portal-locale.js';

export interface SuggestedArticle {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  locale: string;
  category: string | null;
}

/**
 * Knowledge-base articles matching what the customer is typing (deflection): published
 * articles only, in the customer's language. An article has to cover at least a third of
 * the words typed, so a stray common word does not push an unrelated article at them.
 */
const MIN_COVERAGE = 0.34;

export async function suggestArticles(db: Queryable, q: { text: string; locale: PortalLocale; limit: number }): Promise<SuggestedArticle[]> {
  if (q.text.trim().length < 2) return [];
  const hits = await searchArticles(db, { q: q.text.slice(0, 500), locale: q.locale, limit: q.limit });
  return hits
    .filter((h) => h.coverage >= MIN_COVERAGE)
    .map((h) => ({ id: h.id, slug: h.slug, title: h.title, excerpt: h.excerpt, locale: h.locale, category: h.category }));
}
