import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type User = { id: string; token: string };
type Hit = { id: string; slug: string; title: string; excerpt: string; locale: string; category: string };
type Article = { id: string; slug: string; versions: Record<string, { status: string; html: string; title: string }>; votes: { helpful: number; notHelpful: number } };

let t: TestApp;
let admin: User;
let supervisor: User;
let agent: User;
let customer: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  customer = await t.customer();
});
afterAll(async () => t.stop());

async function create(token: string, slug: string, versions: Record<string, { title: string; body: string }>, category = 'refund') {
  const res = await t.request('POST', '/api/v1/kb/manage/articles', { token, body: { slug, category, versions } });
  expect(res.statusCode, res.body).toBe(201);
  return json<Article>(res);
}

async function search(q: string, locale?: string) {
  const res = await t.request('GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}${locale ? `&locale=${locale}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Hit[] }>(res).items;
}

describe('knowledge base', () => {
  let refund: Article;

  it('agents draft; drafts are invisible to the public until a supervisor publishes', async () => {
    refund = await create(agent.token, 'refund-how-long', {
      'zh-CN': { title: '退款多久到账', body: '审核通过后，退款原路退回：银行卡 3–7 个工作日。' },
      en: { title: 'Refund timing', body: 'Approved refunds go back to the original card within seven business days.' },
    });
    expect(refund.versions['zh-CN']!.status).toBe('draft');
    expect((await t.request('GET', '/api/v1/kb/articles/refund-how-long')).statusCode).toBe(404);
    expect(await search('退款')).toEqual([]);

    const denied = await t.request('POST', `/api/v1/kb/manage/articles/${refund.id}/publish`, { token: agent.token, body: {} });
    expect(denied.statusCode).toBe(403);
    const byCustomer = await t.request('POST', '/api/v1/kb/manage/articles', { token: customer.token, body: { slug: 'x', category: 'other', versions: { en: { title: 'x', body: 'y' } } } });
    expect(byCustomer.statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/kb/manage/articles')).statusCode).toBe(401);

    const published = await t.request('POST', `/api/v1/kb/manage/articles/${refund.id}/publish`, { token: supervisor.token, body: { locale: 'zh-CN' } });
    expect(published.statusCode, published.body).toBe(200);
    expect(json<Article>(published).versions['zh-CN']!.status).toBe('published');
    expect(json<Article>(published).versions.en!.status).toBe('draft');

    const zh = await t.request('GET', '/api/v1/kb/articles/refund-how-long?locale=zh-CN');
    expect(zh.statusCode).toBe(200);
    expect(json<{ title: string; locale: string }>(zh)).toMatchObject({ title: '退款多久到账', locale: 'zh-CN' });
    // The English draft is not served: the published Chinese version stands in.
    expect(json<{ locale: string }>(await t.request('GET', '/api/v1/kb/articles/refund-how-long?locale=en')).locale).toBe('zh-CN');
    expect(await search('refund', 'en')).toEqual([]);
  });

  it('finds Chinese articles by a segmented word and English ones by a word', async () => {
    const zh = await search('退款');
    expect(zh.map((h) => h.slug)).toEqual(['refund-how-long']);
    expect(zh[0]).toMatchObject({ locale: 'zh-CN', category: 'refund', title: '退款多久到账' });
    expect((await search('我的退款什么时候到账？', 'zh-CN'))[0]?.slug).toBe('refund-how-long');

    await t.request('POST', `/api/v1/kb/manage/articles/${refund.id}/publish`, { token: admin.token, body: {} });
    const en = await search('original card', 'en');
    expect(en.map((h) => [h.slug, h.locale])).toEqual([['refund-how-long', 'en']]);
    expect(await search('unrelated zebra')).toEqual([]);
    // Punctuation, quotes and tsquery operators in the query are harmless.
    expect((await t.request('GET', `/api/v1/kb/search?q=${encodeURIComponent("' | & ! :* ( 退款")}`)).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/kb/search?q=')).statusCode).toBe(422);
  });

  it('renders article bodies inert: no script, no javascript: links, no event handlers', async () => {
    const evil = await create(admin.token, 'evil', {
      en: { title: '<script>alert(1)</script>', body: '<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>' },
    }, 'other');
    await t.request('POST', `/api/v1/kb/manage/articles/${evil.id}/publish`, { token: admin.token, body: {} });
    const res = json<{ html: string; title: string }>(await t.request('GET', '/api/v1/kb/articles/evil?locale=en'));
    expect(res.html).not.toMatch(/<script|<img|href=|<a /i);
    expect(res.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The title is data in JSON; the UI sets it as text.
    expect(res.title).toBe('<script>alert(1)</script>');
  });

  it('counts one vote per customer and per anonymous visitor', async () => {
    const vote = (token: string | null, helpful: boolean, ua = 'test-agent') =>
      t.request('POST', `/api/v1/kb/articles/${refund.id}/vote`, { token, body: { helpful }, headers: { 'user-agent': ua } });
    const first = json<{ counted: boolean; votes: { helpful: number } }>(await vote(customer.token, true));
    expect(first).toMatchObject({ counted: true, votes: { helpful: 1, notHelpful: 0 } });
    expect(json(await vote(customer.token, false))).toMatchObject({ counted: false, votes: { helpful: 1, notHelpful: 0 } });
    expect(json(await vote(null, false))).toMatchObject({ counted: true, votes: { helpful: 1, notHelpful: 1 } });
    expect(json(await vote(null, false))).toMatchObject({ counted: false });
    expect(json(await vote(null, true, 'another browser'))).toMatchObject({ counted: true, votes: { helpful: 2, notHelpful: 1 } });
    expect((await t.request('POST', `/api/v1/kb/articles/00000000-0000-4000-8000-000000000000/vote`, { body: { helpful: true } })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/kb/articles/${refund.id}/vote`, { body: { helpful: 'yes' } })).statusCode).toBe(422);
  });

  it('agents may not change published text; unpublishing hides it again; slugs are unique', async () => {
    const edit = await t.request('PATCH', `/api/v1/kb/manage/articles/${refund.id}`, {
      token: agent.token, body: { versions: { en: { title: 'Changed', body: 'x' } } },
    });
    expect(edit.statusCode).toBe(403);
    const dup = await t.request('POST', '/api/v1/kb/manage/articles', { token: admin.token, body: { slug: 'evil', category: 'other', versions: { en: { title: 'a', body: 'b' } } } });
    expect(dup.statusCode).toBe(409);
    const badSlug = await t.request('POST', '/api/v1/kb/manage/articles', { token: admin.token, body: { slug: 'Bad Slug', category: 'other', versions: { en: { title: 'a', body: 'b' } } } });
    expect(badSlug.statusCode).toBe(422);
    await t.request('POST', `/api/v1/kb/manage/articles/${refund.id}/unpublish`, { token: supervisor.token, body: {} });
    expect((await t.request('GET', '/api/v1/kb/articles/refund-how-long')).statusCode).toBe(404);
    expect(await search('退款')).toEqual([]);
    const list = json<{ items: Article[] }>(await t.request('GET', '/api/v1/kb/manage/articles?status=draft', { token: agent.token }));
    expect(list.items.map((a) => a.slug)).toContain('refund-how-long');
    await t.request('POST', `/api/v1/kb/manage/articles/${refund.id}/publish`, { token: supervisor.token, body: {} });
  });

  it('suggests matching articles to agents on a complaint, not to customers', async () => {
    const c = await t.request('POST', '/api/v1/complaints', {
      token: agent.token,
      body: { channel: 'phone', subject: '退款还没到账', description: '上周申请的退款到现在还没有到账，银行卡也没有收到。', customer: { name: '王女士', phone: '13800000001' } },
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = json<{ id: string }>(c).id;
    const res = await t.request('GET', `/api/v1/complaints/${id}/kb-suggestions`, { token: agent.token });
    expect(res.statusCode).toBe(200);
    expect(json<{ items: Hit[] }>(res).items[0]?.slug).toBe('refund-how-long');
    expect((await t.request('GET', `/api/v1/complaints/${id}/kb-suggestions`, { token: customer.token })).statusCode).toBe(403);
  });
});
