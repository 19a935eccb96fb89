import { describe, expect, it } from 'vitest';
import { screenshot, signedInPage } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** The complaint view's knowledge-base picker and merge panel, driven as an agent would. */
const h = staffHarness();
const { api, person, pageErrors } = h;

type Complaint = { id: string; number: string; status: string; mergedIntoId: string | null };
type Message = { kind: string; body: string };

describe('complaint view: knowledge base and merging', () => {
  it('an agent answers with a published article, then merges the duplicate into the first complaint', async () => {
    const agent = (await person('agent', 'Agent Kim', 'kim@e2e.test')).token;

    const article = await api<{ id: string }>('POST', '/api/v1/kb/manage/articles', h.adminToken, {
      slug: 'cracked-blender-jug', category: 'product_quality',
      versions: {
        en: { title: 'Cracked blender jug on arrival', body: 'If the jug of your blender arrives cracked, we send a new jug free of charge within three business days. Keep the broken jug until the courier collects it.' },
        'zh-CN': { title: '搅拌机杯体到货破裂', body: '如果搅拌机杯体到货时已破裂，我们会在三个工作日内免费寄出新的杯体。请保留破损杯体，等待快递上门取回。' },
      },
    });
    await api('POST', `/api/v1/kb/manage/articles/${article.id}/publish`, h.adminToken, {});

    const customer = { name: 'Wang Fang', email: 'fang@e2e.test' };
    const text = { subject: 'Blender jug arrived cracked', description: 'The blender from order 7781 arrived with a cracked jug. Please send a replacement jug.' };
    const first = await api<Complaint>('POST', '/api/v1/complaints', agent, { channel: 'email', customer, category: 'product_quality', ...text });
    const duplicate = await api<Complaint>('POST', '/api/v1/complaints', agent, { channel: 'web', customer, category: 'product_quality', ...text });

    const { page, context } = await signedInPage(h.browser, agent, pageErrors);
    h.contexts.push(context);
    await page.goto(`${h.server.url}/#/complaints/${duplicate.number}`);
    await page.getByTestId('complaint-detail').waitFor();

    // Knowledge base: suggestions for this complaint first, then a search narrowed to English.
    await page.getByTestId('reply-box').fill('Hello Ms Wang, we are sorry about the jug. Here is what happens next:');
    await page.getByTestId('kb-toggle').click();
    const panel = page.getByTestId('kb-panel');
    await expect.poll(() => panel.getByTestId('kb-hit').first().getAttribute('data-slug')).toBe('cracked-blender-jug');
    await panel.getByTestId('kb-search').fill('cracked jug');
    await panel.getByTestId('kb-locale').selectOption('en');
    await expect.poll(() => panel.getByTestId('kb-hit').count()).toBe(1);
    await panel.getByTestId('kb-hit').click();
    const preview = panel.getByTestId('kb-preview');
    await expect.poll(() => preview.innerText()).toContain('free of charge within three business days');
    await screenshot(page, '40-complaint-kb-picker');
    await preview.getByTestId('kb-insert').click();
    await expect.poll(() => page.getByTestId('kb-panel').count()).toBe(0);
    const typed = await page.getByTestId('reply-box').inputValue();
    expect(typed).toMatch(/^Hello Ms Wang, we are sorry about the jug\. Here is what happens next:\nCracked blender jug on arrival\n.*free of charge.*\nhttp\S+\/kb\/cracked-blender-jug\?locale=en$/s);
    await page.getByTestId('reply-submit').click();
    await expect.poll(() => page.getByTestId('reply-box').inputValue()).toBe('');

    const sent = (await api<{ items: Message[] }>('GET', `/api/v1/complaints/${duplicate.id}/messages`, agent)).items.find((m) => m.kind === 'public_reply');
    const link = /(http\S+\/kb\/cracked-blender-jug\?locale=en)/.exec(sent?.body ?? '')?.[1];
    expect(link, sent?.body).toBeTruthy();
    expect(sent!.body).toBe(typed);

    // The customer opens the link without signing in (same path on the server under test).
    const { page: reader, context: readerContext } = await signedInPage(h.browser, '', pageErrors, 'reader');
    h.contexts.push(readerContext);
    const u = new URL(link!);
    await reader.goto(`${h.server.url}${u.pathname}${u.search}`);
    await expect.poll(() => reader.getByTestId('kb-article-title').innerText()).toBe('Cracked blender jug on arrival');
    expect(await reader.getByTestId('kb-article-body').innerText()).toContain('Keep the broken jug');
    await screenshot(reader, '41-public-kb-article');

    // Merge: the likely duplicate is listed with its status and similarity; the agent confirms.
    const row = page.getByTestId('duplicate-row').filter({ hasText: first.number });
    await expect.poll(() => row.innerText()).toMatch(/New[\s\S]*\d+% similar[\s\S]*Blender jug arrived cracked/);
    await row.locator('input[type="radio"]').check();
    await page.getByTestId('merge-start').click();
    const explain = await page.getByTestId('merge-explain').innerText();
    expect(explain).toContain(`${duplicate.number} will be cancelled and marked as merged into ${first.number}`);
    await page.getByTestId('merge-reason').fill('Same jug, sent by email and web form');
    await screenshot(page, '42-complaint-merge-confirm');
    await page.getByTestId('merge-confirm-submit').click();

    await expect.poll(() => page.getByTestId('merged-into-link').innerText()).toBe(first.number);
    await expect.poll(() => page.getByTestId('complaint-status').getAttribute('data-value')).toBe('cancelled');
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-type="complaint.merged"]').innerText()).toContain(`→ ${first.number}`);
    expect(await page.getByTestId('merge-panel').count()).toBe(0);
    await screenshot(page, '43-complaint-merged');

    const merged = await api<Complaint>('GET', `/api/v1/complaints/${duplicate.id}`, agent);
    expect(merged).toMatchObject({ status: 'cancelled', mergedIntoId: first.id });
    const target = await api<Complaint>('GET', `/api/v1/complaints/${first.id}`, agent);
    expect(target).toMatchObject({ status: 'new', mergedIntoId: null });

    // Following the link: the first complaint shows where the duplicate went and now holds the reply.
    await page.getByTestId('merged-into-link').click();
    await expect.poll(() => page.getByTestId('complaint-number').innerText()).toBe(first.number);
    await expect.poll(() => page.locator('[data-testid="link-chip"][data-kind="merged_from"]').innerText()).toContain(duplicate.number);
    expect(await page.locator('.messages').innerText()).toContain('cracked-blender-jug');

    // Tablet width: the picker stacks its list above the preview and stays inside the screen.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId('kb-toggle').click();
    await page.getByTestId('kb-preview').waitFor();
    const box = await page.getByTestId('kb-panel').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(820);
    await screenshot(page, '44-complaint-kb-tablet');

    expect(pageErrors).toEqual([]);
  });
});
