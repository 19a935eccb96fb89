import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = <T>(method: string, path: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, path, token, body);

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  page = await ctx.newPage();
  watchErrors(page, pageErrors);
  page.on('dialog', (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Data made through the API, as another channel would: an urgent one and a script-laden one.
  const { token } = await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN);
  await api('POST', '/api/v1/complaints', token, { channel: 'email', subject: '充电器冒烟起火', description: '使用原装充电器时冒烟，差点起火。', customer: { name: '王芳', email: 'wf@example.com' }, category: 'safety', severity: 'urgent' });
  await api('POST', '/api/v1/complaints', token, { channel: 'web', subject: '<script>window.__xss=1</script>退款未到账', description: '<img src=x onerror="window.__xss=2">', customer: { name: 'Bob', email: 'bob@example.com' }, category: 'refund' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('web UI in Chromium', () => {
  it('rejects a wrong password, then signs in and lists complaints by SLA urgency with live countdowns', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-email').fill(E2E_ADMIN.email);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('error').count()).toBeGreaterThan(0);
    await page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('complaint-row').first().waitFor();
    const rows = page.getByTestId('complaint-row');
    expect(await rows.count()).toBe(2);
    // urgent (10 min first response) sorts before general (30 min)
    await expect.poll(() => rows.first().innerText()).toContain('充电器冒烟起火');
    const countdown = rows.first().getByTestId('countdown');
    const before = await countdown.innerText();
    await page.waitForTimeout(2100);
    expect(await countdown.innerText()).not.toBe(before);
    await screenshot(page, '01-complaint-list-zh');
  });

  it('renders HTML in complaint text as text, never as markup', async () => {
    const row = page.getByTestId('complaint-row').filter({ hasText: '退款未到账' });
    expect(await row.innerText()).toContain('<script>window.__xss=1</script>');
    await row.click();
    await page.getByTestId('complaint-description').waitFor();
    expect(await page.getByTestId('complaint-description').innerText()).toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('replies, adds an internal note and shows both in the conversation and the event timeline', async () => {
    await page.getByTestId('reply-box').fill('您好，退款已提交财务审核。');
    await page.getByTestId('reply-submit').click();
    await expect.poll(() => page.getByTestId('message').count()).toBe(1);
    await page.getByTestId('note-toggle').check();
    await page.getByTestId('reply-box').fill('internal: check payment gateway logs');
    await page.getByTestId('reply-submit').click();
    await expect.poll(() => page.locator('[data-testid="message"][data-kind="internal_note"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-type="message.public_reply"][data-lane="frontstage"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-type="sla.first_response_met"]').count()).toBe(1);
    // the first public reply moved the complaint into progress
    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toMatch(/处理中|in progress/i);
    await screenshot(page, '02-complaint-detail-zh');
  });

  it('changes status through the allowed transitions only', async () => {
    const options = await page.getByTestId('status-select').locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await page.getByTestId('status-select').selectOption('awaiting_customer');
    await page.getByTestId('status-submit').click();
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-type="sla.paused"]').count()).toBe(1);
    const values = await page.getByTestId('status-select').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(values).not.toContain('closed');
  });

  it('assigns the complaint from the staff list; the assignment is a backstage event', async () => {
    const select = page.getByTestId('edit-assignee');
    await select.waitFor();
    const admin = await select.locator('option').filter({ hasText: 'Administrator' }).getAttribute('value');
    expect(admin).toBeTruthy();
    await select.selectOption(admin ?? "");
    await expect.poll(() => page.locator('[data-testid="timeline-event"][data-type="complaint.assigned"][data-lane="backstage"]').count()).toBe(1);
  });

  it('creates a complaint from the form and switches to English', async () => {
    await page.getByTestId('new-complaint-link').click();
    await page.getByTestId('new-subject').fill('App login fails with code 500');
    await page.getByTestId('new-description').fill('Since the update I cannot log in to the app.');
    await page.getByTestId('new-channel').selectOption('chat');
    await page.getByTestId('new-customer-name').fill('Carol');
    await page.getByTestId('new-customer-email').fill('carol@example.com');
    await page.getByTestId('new-submit').click();
    await page.getByTestId('complaint-number').waitFor();
    expect(await page.getByTestId('complaint-number').innerText()).toMatch(/C-\d{4}-\d{6}/);
    await page.getByTestId('locale-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('reply-submit').innerText()).toMatch(/[A-Za-z]/);
    await screenshot(page, '03-new-complaint-detail-en');
    expect(pageErrors).toEqual([]);
  });
});
