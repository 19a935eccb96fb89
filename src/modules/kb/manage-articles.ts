import type { AppContext } from '../../http/context.js';
import { AppError, notFound } from '../../errors.js';
import type { Principal, Role } from '../auth/principal.js';
import { requireRole } from '../auth/require-role.js';
import { upsertVersion } from './article-store.js';
import { KB_LOCALES, type CreateArticleInput, type KbLocale, type UpdateArticleInput } from './kb-schema.js';
import { renderMarkdown } from './render-markdown.js';

/** Front-line staff write drafts; what customers read is published by a supervisor or admin. */
export const KB_WRITERS: readonly Role[] = ['admin', 'supervisor', 'agent'];
export const KB_PUBLISHERS: readonly Role[] = ['admin', 'supervisor'];
const KB_READERS: readonly Role[] = ['admin', 'supervisor', 'agent', 'analyst'];

interface ArticleRow {
  id: string;
  slug: string;
  category: string;
  helpful_count: number;
  not_helpful_count: number;
  view_count: string | number;
  created_at: Date;
  updated_at: Date;
}
interface VersionRow {
  article_id: string;
  locale: KbLocale;
  title: string;
  body: string;
  status: 'draft' | 'published';
  published_at: Date | null;
  updated_at: Date;
}

function toApi(a: ArticleRow, versions: VersionRow[]) {
  return {
    id: a.id,
    slug: a.slug,
    category: a.category,
    votes: { helpful: a.helpful_count, notHelpful: a.not_helpful_count },
    views: Number(a.view_count),
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    versions: Object.fromEntries(
      versions.map((v) => [
        v.locale,
        {
          title: v.title, body: v.body, html: renderMarkdown(v.body), status: v.status,
          publishedAt: v.published_at?.toISOString() ?? null, updatedAt: v.updated_at.toISOString(),
        },
      ]),
    ),
  };
}
export type ManagedArticleDto = ReturnType<typeof toApi>;

async function load(ctx: AppContext, id: string): Promise<ManagedArticleDto> {
  const [a] = await ctx.db.query<ArticleRow>('select * from kb_articles where id = $1', [id]);
  if (!a) throw notFound('No such article.');
  const versions = await ctx.db.query<VersionRow>('select * from kb_article_versions where article_id = $1 order by locale', [id]);
  return toApi(a, versions);
}

async function slugTaken(ctx: AppContext, slug: string, exceptId: string | null): Promise<boolean> {
  const rows = await ctx.db.query('select 1 from kb_articles where slug = $1 and id is distinct from $2', [slug, exceptId]);
  return rows.length > 0;
}

export async function getManagedArticle(ctx: AppContext, p: Principal, id: string): Promise<ManagedArticleDto> {
  requireRole(p, KB_READERS, 'read knowledge-base drafts');
  return load(ctx, id);
}

export async function listManagedArticles(
  ctx: AppContext,
  p: Principal,
  q: { status?: string; category?: string; locale?: string },
): Promise<{ items: ManagedArticleDto[]; nextCursor: null }> {
  requireRole(p, KB_READERS, 'read knowledge-base drafts');
  const ids = await ctx.db.query<{ id: string }>(
    `select a.id from kb_articles a
      where ($1::text is null or a.category = $1)
        and ($2::text is null and $3::text is null
             or exists (select 1 from kb_article_versions v where v.article_id = a.id
                          and ($2::text is null or v.status = $2) and ($3::text is null or v.locale = $3)))
      order by a.updated_at desc, a.id limit 500`,
    [q.category ?? null, q.status ?? null, q.locale ?? null],
  );
  const items: ManagedArticleDto[] = [];
  for (const { id } of ids) items.push(await load(ctx, id));
  return { items, nextCursor: null };
}

export async function createArticle(ctx: AppContext, p: Principal, input: CreateArticleInput): Promise<ManagedArticleDto> {
  const user = requireRole(p, KB_WRITERS, 'write knowledge-base articles');
  if (await slugTaken(ctx, input.slug, null)) throw new AppError('conflict', 'Another article has this slug.', [{ path: 'body.slug', message: 'taken' }]);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into kb_articles (slug, category, created_by, created_at, updated_at) values ($1, $2, $3, $4, $4)
       on conflict (slug) do nothing returning id`,
      [input.slug, input.category, user.userId, now],
    );
    if (!row) throw new AppError('conflict', 'Another article has this slug.', [{ path: 'body.slug', message: 'taken' }]);
    for (const locale of KB_LOCALES) {
      const v = input.versions[locale];
      if (v) await upsertVersion(tx, { articleId: row.id, locale, title: v.title, body: v.body, userId: user.userId, now });
    }
    return row.id;
  });
  return load(ctx, id);
}

/**
 * Edits an article. Editing a published version keeps it published — except that agents may
 * only touch drafts: their edit of a published text would go live without a publisher's review.
 */
export async function updateArticle(ctx: AppContext, p: Principal, id: string, input: UpdateArticleInput): Promise<ManagedArticleDto> {
  const user = requireRole(p, KB_WRITERS, 'write knowledge-base articles');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx.query<{ id: string }>('select id from kb_articles where id = $1 for update', [id]);
    if (!a) throw notFound('No such article.');
    if (input.slug !== undefined) {
      const clash = await tx.query('select 1 from kb_articles where slug = $1 and id <> $2', [input.slug, id]);
      if (clash.length) throw new AppError('conflict', 'Another article has this slug.', [{ path: 'body.slug', message: 'taken' }]);
    }
    const published = await tx.query<{ locale: string }>(
      `select locale from kb_article_versions where article_id = $1 and status = 'published'`, [id],
    );
    const canPublish = KB_PUBLISHERS.includes(user.role);
    for (const locale of KB_LOCALES) {
      const v = input.versions?.[locale];
      if (!v) continue;
      if (!canPublish && published.some((r) => r.locale === locale)) {
        throw new AppError('forbidden', 'Only a supervisor or admin may change a published article; unpublish it first.');
      }
      await upsertVersion(tx, { articleId: id, locale, title: v.title, body: v.body, userId: user.userId, now });
    }
    if ((input.slug !== undefined || input.category !== undefined) && !canPublish && published.length) {
      throw new AppError('forbidden', 'Only a supervisor or admin may change a published article.');
    }
    await tx.query(
      'update kb_articles set slug = coalesce($2, slug), category = coalesce($3, category), updated_at = $4 where id = $1',
      [id, input.slug ?? null, input.category ?? null, now],
    );
  });
  return load(ctx, id);
}

/** Publishes (or withdraws) one locale version, or every version when no locale is named. */
export async function setPublished(
  ctx: AppContext,
  p: Principal,
  id: string,
  locale: KbLocale | undefined,
  publish: boolean,
): Promise<ManagedArticleDto> {
  requireRole(p, KB_PUBLISHERS, publish ? 'publish articles' : 'unpublish articles');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx.query<{ id: string }>('select id from kb_articles where id = $1 for update', [id]);
    if (!a) throw notFound('No such article.');
    const changed = await tx.query(
      `update kb_article_versions
          set status = $3, published_at = case when $3 = 'published' then coalesce(published_at, $4) else null end, updated_at = $4
        where article_id = $1 and ($2::text is null or locale = $2) returning locale`,
      [id, locale ?? null, publish ? 'published' : 'draft', now],
    );
    if (!changed.length) throw notFound(`The article has no ${locale ?? ''} version.`.replace('  ', ' '));
    await tx.query('update kb_articles set updated_at = $2 where id = $1', [id, now]);
  });
  return load(ctx, id);
}

export async function deleteArticle(ctx: AppContext, p: Principal, id: string): Promise<void> {
  requireRole(p, KB_PUBLISHERS, 'delete articles');
  const rows = await ctx.db.query('delete from kb_articles where id = $1 returning id', [id]);
  if (!rows.length) throw notFound('No such article.');
}
