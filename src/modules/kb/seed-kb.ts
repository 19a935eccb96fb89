import type { Database } from '../../db/database.js';
import { versionSearchParams, versionSearchSql } from './article-store.js';
import { SEED_ARTICLES } from './kb-seed-articles.js';

/** Publishes the starter articles into an empty knowledge base; returns how many were added. */
export async function seedKnowledgeBase(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('select count(*)::int as n from kb_articles');
    if (n > 0) return 0;
    for (const a of SEED_ARTICLES) {
      const [row] = await tx.query<{ id: string }>(
        `insert into kb_articles (slug, category, created_at, updated_at) values ($1, $2, $3, $3) returning id`,
        [a.slug, a.category, now],
      );
      for (const [locale, v] of [['zh-CN', a.zh], ['en', a.en]] as const) {
        await tx.query(
          `insert into kb_article_versions (article_id, locale, title, body, status, published_at, search, updated_at)
           values ($1, $2, $3, $4, 'published', $5, ${versionSearchSql(6)}, $5)`,
          [row!.id, locale, v.title, v.body, now, ...versionSearchParams(v.title, v.body)],
        );
      }
    }
    return SEED_ARTICLES.length;
  });
}
