import type { Queryable } from '../../../db/database.js';
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
 * Knowledge-base articles matching what the customer is typing (deflection).
 * TODO(lead): wire to kbbot's `searchArticles(db, {q, locale, limit})` from
 * src/modules/kb/search-articles.ts once both branches are merged — published articles only.
 * Until then the form shows no articles; everything else (deflection endpoint, UI list,
 * "this solved it" button) already handles a non-empty list.
 */
export async function suggestArticles(_db: Queryable, _q: { text: string; locale: PortalLocale; limit: number }): Promise<SuggestedArticle[]> {
  return [];
}
