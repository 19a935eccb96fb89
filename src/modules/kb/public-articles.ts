import { createHash } from 'node:crypto';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import type { KbLocale } from './kb-schema.js';
import { renderMarkdown } from './render-markdown.js';

interface PublicRow {
  id: string;
  slug: string;
  category: string;
  locale: KbLocale;
  title: string;
  body: string;
  published_at: Date;
  helpful_count: number;
  not_helpful_count: number;
  locales: KbLocale[];
}

/**
 * A published article as customers read it: the asked-for locale, else the other published
 * one. Drafts do not exist for the public (404), whoever asks. Each read counts as a view.
 */
export async function getPublicArticle(ctx: AppContext, slug: string, locale: KbLocale | undefined) {
  const [row] = await ctx.db.query<PublicRow>(
    `select a.id, a.slug, a.category, v.locale, v.title, v.body, v.published_at, a.helpful_count, a.not_helpful_count,
            array(select locale from kb_article_versions w where w.article_id = a.id and w.status = 'published' order by locale) as locales
       from kb_articles a join kb_article_versions v on v.article_id = a.id and v.status = 'published'
      where a.slug = $1
      order by (v.locale = $2) desc, v.locale
      limit 1`,
    [slug, locale ?? 'zh-CN'],
  );
  if (!row) throw notFound('No such article.');
  await ctx.db.query('update kb_articles set view_count = view_count + 1 where id = $1', [row.id]);
  return {
    id: row.id,
    slug: row.slug,
    category: row.category,
    locale: row.locale,
    locales: row.locales,
    title: row.title,
    html: renderMarkdown(row.body),
    publishedAt: row.published_at.toISOString(),
    votes: { helpful: row.helpful_count, notHelpful: row.not_helpful_count },
  };
}

/** Who votes: a signed-in customer, or an anonymous visitor known only by a keyed hash of address and browser. */
export function voterKey(ctx: AppContext, p: Principal | null, ip: string, userAgent: string): string {
  if (p?.kind === 'customer') return `customer:${p.customerId}`;
  if (p?.kind === 'user') return `user:${p.userId}`;
  return `anon:${createHash('sha256').update(`${ctx.signingSecret}\n${ip}\n${userAgent}`).digest('base64url').slice(0, 32)}`;
}

/** "Was this helpful?" — one vote per voter and article; a second vote changes nothing and says so. */
export async function voteArticle(ctx: AppContext, articleId: string, voter: string, helpful: boolean) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx.query<{ id: string }>(
      `select a.id from kb_articles a where a.id = $1
          and exists (select 1 from kb_article_versions v where v.article_id = a.id and v.status = 'published')`,
      [articleId],
    );
    if (!article) throw notFound('No such article.');
    const inserted = await tx.query(
      'insert into kb_votes (article_id, voter, helpful, created_at) values ($1, $2, $3, $4) on conflict do nothing returning 1',
      [articleId, voter, helpful, now],
    );
    const counted = inserted.length > 0;
    const [counts] = await tx.query<{ helpful_count: number; not_helpful_count: number }>(
      counted
        ? `update kb_articles set ${helpful ? 'helpful_count = helpful_count + 1' : 'not_helpful_count = not_helpful_count + 1'}
            where id = $1 returning helpful_count, not_helpful_count`
        : 'select helpful_count, not_helpful_count from kb_articles where id = $1',
      [articleId],
    );
    return { counted, votes: { helpful: counts!.helpful_count, notHelpful: counts!.not_helpful_count } };
  });
}
