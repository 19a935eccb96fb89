import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { ArticleHit, KbLocaleFilter } from './kb-types.js';

const DEBOUNCE_MS = 250;

/**
 * Published articles matching `q` (Chinese or English), debounced while typing; an empty
 * query searches nothing. A later answer always replaces an earlier one.
 */
export function useKbSearch(q: string, locale: KbLocaleFilter): { hits: ArticleHit[] | null; searching: boolean; error: unknown } {
  const [hits, setHits] = useState<ArticleHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const query = q.trim();

  useEffect(() => {
    if (!query) {
      setHits(null);
      setSearching(false);
      setError(null);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: query.slice(0, 500), limit: '10' });
      if (locale) params.set('locale', locale);
      api.get<{ items: ArticleHit[] }>(`/api/v1/kb/search?${params.toString()}`)
        .then((r) => {
          if (!live) return;
          setHits(r.items);
          setError(null);
        })
        .catch((err: unknown) => live && setError(err))
        .finally(() => live && setSearching(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, locale]);

  return { hits, searching, error };
}
