import type { AppContext } from '../../http/context.js';
import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { READERS, requireRole } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import {
  articleLocaleQuery, createArticleSchema, manageListQuery, publishSchema, searchQuery, slugParams, updateArticleSchema, voteSchema,
} from './kb-schema.js';
import { createArticle, deleteArticle, getManagedArticle, listManagedArticles, setPublished, updateArticle } from './manage-articles.js';
import { getPublicArticle, voteArticle, voterKey } from './public-articles.js';
import { searchArticles, type ArticleHit } from './search-articles.js';
import { articleUrl } from './article-url.js';

const publicItem = (config: AppContext['config'], { id, slug, title, excerpt, locale, category }: ArticleHit) =>
  ({ id, slug, title, excerpt, locale, category, url: articleUrl(config, slug, locale) });

export const kbRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/kb/search', tag: 'kb', auth: 'public',
    summary: 'Search published articles (Chinese segmented, English words); no sign-in needed',
    query: searchQuery,
    handler: async ({ ctx, query }) => ({ items: (await searchArticles(ctx.db, query)).map((h) => publicItem(ctx.config, h)), nextCursor: null }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/kb/articles/:slug', tag: 'kb', auth: 'public',
    summary: 'A published article rendered to sanitised HTML (the asked-for locale, else the other); drafts answer 404',
    params: slugParams, query: articleLocaleQuery,
    handler: ({ ctx, params, query }) => getPublicArticle(ctx, params.slug, query.locale),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/kb/articles/:id/vote', tag: 'kb', auth: 'public',
    summary: '"Was this helpful?" — counted once per customer or anonymous visitor ({counted:false} on a repeat)',
    params: idParams, body: voteSchema,
    handler: ({ ctx, principal, params, body, req }) =>
      voteArticle(ctx, params.id, voterKey(ctx, principal, req.ip, String(req.headers['user-agent'] ?? '')), body.helpful),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/kb/manage/articles', tag: 'kb', auth: 'required',
    summary: 'Staff: every article with its drafts and published versions',
    query: manageListQuery,
    handler: ({ ctx, principal, query }) => listManagedArticles(ctx, principal, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/kb/manage/articles', tag: 'kb', auth: 'required',
    summary: 'Staff: write a new article (zh-CN and/or en versions, as drafts)',
    body: createArticleSchema, response: { status: 201 },
    handler: ({ ctx, principal, body }) => createArticle(ctx, principal, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/kb/manage/articles/:id', tag: 'kb', auth: 'required',
    summary: 'Staff: one article with all versions and their rendered preview',
    params: idParams,
    handler: ({ ctx, principal, params }) => getManagedArticle(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/kb/manage/articles/:id', tag: 'kb', auth: 'required',
    summary: 'Staff: edit slug, category or locale versions (agents edit drafts only)',
    params: idParams, body: updateArticleSchema,
    handler: ({ ctx, principal, params, body }) => updateArticle(ctx, principal, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/kb/manage/articles/:id/publish', tag: 'kb', auth: 'required',
    summary: 'Supervisor/admin: publish one locale version, or all',
    params: idParams, body: publishSchema,
    handler: ({ ctx, principal, params, body }) => setPublished(ctx, principal, params.id, body?.locale, true),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/kb/manage/articles/:id/unpublish', tag: 'kb', auth: 'required',
    summary: 'Supervisor/admin: take one locale version, or all, back to draft',
    params: idParams, body: publishSchema,
    handler: ({ ctx, principal, params, body }) => setPublished(ctx, principal, params.id, body?.locale, false),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/kb/manage/articles/:id', tag: 'kb', auth: 'required',
    summary: 'Supervisor/admin: delete an article with its versions and votes',
    params: idParams, response: { status: 204 },
    handler: async ({ ctx, principal, params, reply }) => {
      await deleteArticle(ctx, principal, params.id);
      return reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/kb-suggestions', tag: 'kb', auth: 'required',
    summary: 'Staff: published articles matching the complaint text (both locales)',
    params: complaintRefParams,
    handler: async ({ ctx, principal, params }) => {
      requireRole(principal, READERS, 'see article suggestions');
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      const [c] = await ctx.db.query<{ subject: string; description: string }>('select subject, description from complaints where id = $1', [id]);
      const items = await searchArticles(ctx.db, { q: `${c!.subject}\n${c!.description}`.slice(0, 2000), limit: 5 });
      return { items: items.map((h) => ({ ...h, url: articleUrl(ctx.config, h.slug, h.locale) })), nextCursor: null };
    },
  }),
];
