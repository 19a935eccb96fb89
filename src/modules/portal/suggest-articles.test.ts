import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

describe('service hall suggestions from the knowledge base', () => {
  it('offers published articles that cover what the customer types — never drafts', async () => {
    const admin = await t.user('admin');
    const make = async (slug: string, title: string, body: string) =>
      json<{ id: string }>(await t.request('POST', '/api/v1/kb/manage/articles', { token: admin.token, body: { slug, category: 'refund', versions: { 'zh-CN': { title, body } } } }));
    const published = await make('refund-time', '退款多久到账', '退款审核通过后，一般 1–3 个工作日原路退回。');
    await t.request('POST', `/api/v1/kb/manage/articles/${published.id}/publish`, { token: admin.token, body: {} });
    await make('refund-draft', '退款到账草稿', '草稿：退款到账说明。');

    const customer = await t.customer();
    const res = await t.request('POST', '/api/v1/portal/suggest', { token: customer.token, body: { text: '我的退款什么时候到账', locale: 'zh-CN' } });
    expect(res.statusCode, res.body).toBe(200);
    const slugs = json<{ articles: Array<{ slug: string }> }>(res).articles.map((a) => a.slug);
    expect(slugs).toContain('refund-time');
    expect(slugs).not.toContain('refund-draft');

    const unrelated = json<{ articles: unknown[] }>(await t.request('POST', '/api/v1/portal/suggest', { token: customer.token, body: { text: '屏幕碎了无法开机', locale: 'zh-CN' } }));
    expect(unrelated.articles).toEqual([]);
  });
});
