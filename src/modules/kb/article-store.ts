import type { Queryable, SqlParam } from '../../db/database.js';
import type { KbLocale } from './kb-schema.js';
import { searchTokens } from './search-tokens.js';

/** Title words weigh more than body words (weight A vs B in the tsvector). */
export function versionSearchSql(firstParam: number): string {
  return `setweight(array_to_tsvector($${firstParam}::text[]), 'A') || setweight(array_to_tsvector($${firstParam + 1}::text[]), 'B')`;
}

export function versionSearchParams(title: string, body: string): [string[], string[]] {
  return [[...new Set(searchTokens(title))], [...new Set(searchTokens(body))]];
}

/** Writes (or rewrites) one locale version; an edited version goes back to draft only when asked. */
export async function upsertVersion(
  tx: Queryable,
  v: { articleId: string; locale: KbLocale; title: string; body: string; userId: string; now: Date },
): Promise<void> {
  const params: SqlParam[] = [v.articleId, v.locale, v.title, v.body, v.userId, v.now, ...versionSearchParams(v.title, v.body)];
  await tx.query(
    `insert into kb_article_versions (article_id, locale, title, body, status, search, updated_by, updated_at)
     values ($1, $2, $3, $4, 'draft', ${versionSearchSql(7)}, $5, $6)
     on conflict (article_id, locale) do update
       set title = excluded.title, body = excluded.body, search = excluded.search,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    params,
  );
}
