import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, signedInPage } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/** The admin console's "Taxonomy and models" and "Notice templates" sections, driven as an admin would. */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let adminToken: string;

const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(server.url, method, path, adminToken, body);

// The same category as the server's taxonomy test, whose classifier assertion holds for it.
const EXAMPLES = [
  '安装师傅迟迟不上门安装空调',
  'The installer never came to mount the TV on the wall',
  '预约的安装服务改了三次时间还没装好',
  'The installation crew left the dishwasher unconnected',
  '热水器安装师傅装完就走了，没有调试',
  'Installation appointment for my oven was cancelled twice',
  '师傅上门安装时把墙面打坏了',
];

/** A full-page picture from the top (the sticky top bar would otherwise sit mid-page). */
async function shot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The section fits the window: nothing in it scrolls sideways (the top bar is not this section's). */
async function fits(testId: string, width: number) {
  const box = await page.getByTestId(testId).evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.right).toBeLessThanOrEqual(width);
  expect(box.scroll).toBeLessThanOrEqual(box.client);
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  adminToken = (await callApi<{ token: string }>(server.url, 'POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;
  ({ page, context } = await signedInPage(browser, adminToken, pageErrors));
  page.on('dialog', (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: models and templates', () => {
  it('adds a category with examples, trains a version, reads its evaluation and activates it', { timeout: 420_000 }, async () => {
    await page.goto(`${server.url}/#/admin/models`);
    await page.getByTestId('versions-empty').waitFor();
    expect(await page.getByTestId('versions-active').innerText()).toMatch(/built-in model is in use/i);
    expect(await page.getByTestId('category-logistics').innerText()).toContain('Logistics');

    // Add a category: the code follows the English name; the form counts distinct examples.
    await page.getByTestId('category-add').click();
    await page.getByTestId('category-name').fill('Installation');
    expect(await page.getByTestId('category-code').inputValue()).toBe('installation');
    await page.getByTestId('category-name-zh').fill('安装服务');
    await page.getByTestId('category-department').selectOption('technology');
    await page.getByTestId('category-examples').fill(EXAMPLES.slice(0, 3).join('\n'));
    expect(await page.getByTestId('category-submit').isDisabled()).toBe(true);
    await page.getByTestId('category-examples').fill([...EXAMPLES, '', EXAMPLES[0]!.toUpperCase()].join('\n'));
    expect(await page.getByTestId('category-examples-count').innerText()).toContain('7 distinct examples');
    await page.getByTestId('category-submit').click();
    await page.getByTestId('category-added').waitFor();
    expect(await page.getByTestId('category-installation').innerText()).toMatch(/Installation[\s\S]*Technology[\s\S]*Added[\s\S]*7/);

    // Train: the running state shows at once, the evaluated draft opens when it is done.
    await page.getByTestId('train-start').click();
    await page.getByTestId('train-running').waitFor();
    expect(await page.getByTestId('train-start').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('version-detail').count(), { timeout: 360_000, interval: 1000 }).toBe(1);
    expect(await page.getByTestId('train-running').count()).toBe(0);
    expect(await page.getByTestId('versions-note').innerText()).toMatch(/Version 1 is trained and evaluated/);
    expect(await page.getByTestId('version-1-status').innerText()).toBe('Draft');
    expect(await page.getByTestId('version-detail').getAttribute('data-version')).toBe('1');

    const stored = (await api<{ items: Array<{ id: string; version: number; labels: string[]; metrics: { heldout: { accuracy: number }; crossValidation: { accuracy: number } } }> }>('GET', '/api/v1/admin/classifier/models')).items;
    expect(stored).toHaveLength(1);
    const v1 = stored[0]!;
    expect(v1.labels).toContain('installation');
    // The page shows the stored evaluation, not something of its own.
    expect(await page.getByTestId('metric-heldout').innerText()).toContain(`${(v1.metrics.heldout.accuracy * 100).toFixed(1)} %`);
    expect(await page.getByTestId('metric-cv').innerText()).toContain(`${(v1.metrics.crossValidation.accuracy * 100).toFixed(1)} %`);
    expect(await page.getByTestId('class-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    // The held-out set is the built-in taxonomy's; the new category's figures come from cross-validation.
    expect(await page.getByTestId('class-installation').count()).toBe(0);
    await page.getByTestId('eval-source-cv').check();
    expect(await page.getByTestId('class-installation').innerText()).toMatch(/Installation[\s\S]*%/);
    expect(await page.getByTestId('compare-builtin').innerText()).toMatch(/built-in model is in use/);
    await shot('admin-models-evaluated');

    // Activate, with a confirmation in place.
    await page.getByTestId('activate').click();
    expect(await page.getByTestId('activate-ask').innerText()).toMatch(/Make version 1 the category model\? It replaces the built-in model/);
    await page.getByTestId('activate-confirm').click();
    await expect.poll(() => page.getByTestId('version-1-status').innerText()).toBe('Active');
    expect(await page.getByTestId('versions-active').innerText()).toBe('Active: version 1');
    const after = await api<{ activeId: string | null }>('GET', '/api/v1/admin/classifier/models');
    expect(after.activeId).toBe(v1.id);
    const { category } = await api<{ category: string }>('POST', '/api/v1/classify', { text: 'Wall mount\nThe installation team drilled the wrong holes when mounting the TV bracket.' });
    expect(category).toBe('installation');
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="activated"]').innerText()).toMatch(/activated version 1/);
    expect(await page.locator('[data-testid="audit-row"][data-action="trained"]').innerText()).toMatch(/Admin[\s\S]*trained version 1/i);
    await shot('admin-models-activated');

    // Roll back, again with a confirmation: the built-in model takes over.
    await page.getByTestId('rollback').click();
    await page.getByTestId('rollback-confirm').click();
    await expect.poll(() => page.getByTestId('versions-active').innerText()).toMatch(/built-in model is in use/);
    expect(await page.getByTestId('version-1-status').innerText()).toBe('Retired');
    expect((await api<{ activeId: string | null }>('GET', '/api/v1/admin/classifier/models')).activeId).toBeNull();
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="rolled_back"]').innerText()).toMatch(/rolled back version 1; the built-in model is in use/);
    expect(pageErrors).toEqual([]);
  });

  it('edits the English "resolved" notice with a live preview, saves it, resets it; changes survey timing', async () => {
    await page.goto(`${server.url}/#/admin/templates`);
    await page.getByTestId('tpl-cell-resolved-en').click();
    await expect.poll(() => page.getByTestId('tpl-preview-subject').innerText()).toMatch(/^Your complaint C-\d{4}-000123 is resolved$/);
    expect(await page.getByTestId('tpl-origin').innerText()).toMatch(/uses the built-in wording/);
    expect(await page.getByTestId('tpl-vars').innerText()).toContain('{{progressUrl}}');

    await page.getByTestId('tpl-subject').fill('Fixed: {{complaintNumber}} for {{customerName}}');
    await expect.poll(() => page.getByTestId('tpl-preview-subject').innerText()).toMatch(/^Fixed: C-\d{4}-000123 for Alex Chen$/);
    // A variable from the list goes where the cursor is.
    await page.getByTestId('tpl-body').fill('All sorted: ');
    await page.getByTestId('tpl-var-complaintSubject').click();
    expect(await page.getByTestId('tpl-body').inputValue()).toBe('All sorted: {{complaintSubject}}');
    await expect.poll(() => page.getByTestId('tpl-preview-body').innerText()).toBe('All sorted: Parcel not delivered after a week');
    // An unknown variable is flagged before saving.
    await page.getByTestId('tpl-sms').fill('Resolved {{refundAmount}}');
    await expect.poll(() => page.getByTestId('tpl-problems').innerText()).toContain('{{refundAmount}}');
    await page.getByTestId('tpl-sms').fill('Loopdesk: complaint {{complaintNumber}} is resolved.');
    await expect.poll(() => page.getByTestId('tpl-problems').count()).toBe(0);
    expect(await page.getByTestId('tpl-sms-count').innerText()).toMatch(/\d+ characters, 1 SMS/);
    expect(await page.getByTestId('tpl-cell-resolved-en').getAttribute('aria-label')).toMatch(/unsaved/);
    await shot('admin-templates-editing');

    await page.getByTestId('tpl-save').click();
    await page.getByTestId('tpl-note').waitFor();
    await expect.poll(() => page.getByTestId('tpl-editor-state').innerText()).toBe('Custom');
    type Listed = { kind: string; locale: string; subject: string; body: string; sms: string; custom: boolean; default: { subject: string } };
    const find = async () => (await api<{ items: Listed[] }>('GET', '/api/v1/admin/notice-templates')).items.find((i) => i.kind === 'resolved' && i.locale === 'en')!;
    expect(await find()).toMatchObject({
      custom: true, subject: 'Fixed: {{complaintNumber}} for {{customerName}}', body: 'All sorted: {{complaintSubject}}', sms: 'Loopdesk: complaint {{complaintNumber}} is resolved.',
    });
    // The built-in wording stays in view next to the override.
    expect(await page.getByTestId('tpl-default-subject').innerText()).toBe('Your complaint {{complaintNumber}} is resolved');
    expect(await page.getByTestId('tpl-cell-resolved-en').getAttribute('data-custom')).toBe('true');

    await page.getByTestId('tpl-reset').click();
    await page.getByTestId('tpl-reset-confirm').click();
    await expect.poll(() => page.getByTestId('tpl-editor-state').innerText()).toBe('Built-in');
    const reset = await find();
    expect(reset.custom).toBe(false);
    expect(reset.subject).toBe(reset.default.subject);
    await expect.poll(() => page.getByTestId('tpl-subject').inputValue()).toBe('Your complaint {{complaintNumber}} is resolved');
    await expect.poll(() => page.getByTestId('tpl-preview-subject').innerText()).toMatch(/^Your complaint C-\d{4}-000123 is resolved$/);

    // Survey settings: a combination the server refuses shows its reason; a good one is saved.
    await page.getByTestId('survey-windowDays').fill('1');
    await page.getByTestId('survey-delayHours').fill('30');
    await page.getByTestId('survey-save').click();
    await expect.poll(() => page.getByTestId('survey-settings').getByTestId('error').innerText()).toMatch(/before the answer window ends/);
    await page.getByTestId('survey-windowDays').fill('7');
    await page.getByTestId('survey-delayHours').fill('12');
    await page.getByTestId('survey-save').click();
    await page.getByTestId('survey-saved').waitFor();
    expect(await api<{ delayHours: number; windowDays: number }>('GET', '/api/v1/admin/survey-settings')).toMatchObject({ delayHours: 12, windowDays: 7 });

    // A tablet in portrait: everything fits without sideways scrolling.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId('tpl-cell-received-zh-CN').click();
    await expect.poll(() => page.getByTestId('tpl-preview-sms').innerText()).toMatch(/^【Loopdesk】已收到您的投诉 C-\d{4}-000123，我们将在30 分钟内答复您。/);
    await fits('templates-tab', 820);
    await shot('admin-templates-tablet');
    await page.goto(`${server.url}/#/admin/models`);
    await page.getByTestId('versions-table').waitFor();
    await page.getByTestId('version-1-view').click();
    await page.getByTestId('version-detail').waitFor();
    await fits('models-tab', 820);
    await shot('admin-models-tablet');
    expect(pageErrors).toEqual([]);
  });
});
