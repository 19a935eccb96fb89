import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

type Hit = { id: string; slug: string; title: string; locale: string; excerpt: string; url: string };

let t: TestApp;
let supervisor: { token: string };
let agent: { token: string };

beforeAll(async () => {
  t = await createTestApp({ config: { PUBLIC_URL: 'https://help.example.com/' } });
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
});
afterAll(async () => t.stop());

describe('article links for replies', () => {
  it('search hits and complaint suggestions carry the public article URL of their own language version', async () => {
    const created = await t.request('POST', '/api/v1/kb/manage/articles', {
      token: agent.token,
      body: {
        slug: 'warranty-repair', category: 'product_quality',
        versions: {
          'zh-CN': { title: '保修维修怎么申请', body: '电器在保修期内出现故障，可以免费维修。请带上购买凭证。' },
          en: { title: 'How to claim a warranty repair', body: 'Appliances that break within the warranty period are repaired free of charge. Bring the receipt.' },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = json<{ id: string }>(created);
    expect((await t.request('POST', `/api/v1/kb/manage/articles/${id}/publish`, { token: supervisor.token, body: {} })).statusCode).toBe(200);

    const en = json<{ items: Hit[] }>(await t.request('GET', `/api/v1/kb/search?q=${encodeURIComponent('warranty repair')}&locale=en`)).items;
    expect(en[0]).toMatchObject({ slug: 'warranty-repair', locale: 'en', url: 'https://help.example.com/kb/warranty-repair?locale=en' });
    const zh = json<{ items: Hit[] }>(await t.request('GET', `/api/v1/kb/search?q=${encodeURIComponent('保修维修')}&locale=zh-CN`)).items;
    expect(zh[0]!.url).toBe('https://help.example.com/kb/warranty-repair?locale=zh-CN');

    // The link's path is what the public article API serves, in that language.
    const article = await t.request('GET', `/api/v1${new URL(zh[0]!.url).pathname.replace(/^\/kb/, '/kb/articles')}${new URL(zh[0]!.url).search}`);
    expect(article.statusCode, article.body).toBe(200);
    expect(json<{ title: string; locale: string }>(article)).toMatchObject({ locale: 'zh-CN', title: '保修维修怎么申请' });

    const complaint = json<{ id: string; number: string }>(await t.request('POST', '/api/v1/complaints', {
      token: agent.token,
      body: { channel: 'phone', subject: 'Warranty repair refused', description: 'The kettle broke within the warranty period and the shop refused the repair.', customer: { name: 'Kettle owner' } },
    }));
    const suggested = json<{ items: Hit[] }>(await t.request('GET', `/api/v1/complaints/${complaint.number}/kb-suggestions`, { token: agent.token })).items;
    expect(suggested[0]).toMatchObject({ slug: 'warranty-repair', url: `https://help.example.com/kb/warranty-repair?locale=${suggested[0]!.locale}` });

    const backOffice = await t.user('department_staff', { department: 'quality' });
    expect((await t.request('GET', `/api/v1/complaints/${complaint.id}/kb-suggestions`, { token: backOffice.token })).statusCode).toBe(403);
  });
});
