import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPglite } from '../src/db/pglite-database.js';
import type { Database } from '../src/db/database.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { testConfig } from '../src/test/test-app.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';
import { codeFromOutbox } from './hall-customer.js';
import { E2E_ADMIN } from './server.js';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const CUSTOMER_EMAIL = 'meimei@example.com';

let db: Database;
let server: RunningServer;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hall-e2e-'));
  db = await openPglite(null);
  server = await startServer(testConfig({ PORT: '0', DATA_DIR: dataDir }), { db, listen: true, scheduler: true });
  const [c] = await db.query<{ id: string }>(`insert into customers (name, email, locale) values ('韩梅梅', $1, 'zh-CN') returning id`, [CUSTOMER_EMAIL]);
  await db.query(
    `insert into orders (number, customer_id, items, amount, status, placed_at) values ('E-1001', $1, $2, 299, 'delivered', now() - interval '3 days')`,
    [c!.id, JSON.stringify([{ name: '电水壶', qty: 1 }])],
  );
  browser = await launchBrowser();
  // A phone: 375×667, touch, Chinese.
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  watchErrors(page, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('service hall on a phone (Chromium)', () => {
  it('signs in with the emailed one-time code', async () => {
    await page.goto(`${server.url}/hall`);
    await page.getByTestId('signin-address').fill(CUSTOMER_EMAIL);
    await screenshot(page, 'hall-01-signin-phone');
    await page.getByTestId('signin-send').click();
    await page.getByTestId('signin-code').waitFor();
    // a wrong code first: a clear message, still on the code step
    await page.getByTestId('signin-code').fill('000000');
    const code = await codeFromOutbox(dataDir, CUSTOMER_EMAIL);
    if (code === '000000') await page.getByTestId('signin-code').fill('111111');
    await page.getByTestId('signin-verify').click();
    await expect.poll(() => page.getByTestId('hall-error').innerText()).toContain('验证码不正确');
    await page.getByTestId('signin-code').fill(code);
    await page.getByTestId('signin-verify').click();
    await page.getByTestId('hall-home').waitFor();
    expect(await page.getByTestId('hall-home').innerText()).toContain('韩梅梅');
  });

  it('first screen asks "is this about order E-1001?" and starts the form with that order', async () => {
    const order = page.locator('[data-testid="hall-order"][data-order="E-1001"]');
    expect(await order.innerText()).toContain('是关于订单 E-1001 的问题吗？');
    expect(await page.getByTestId('hall-complaints-empty').count()).toBe(1);
    await screenshot(page, 'hall-02-home-phone');
    await order.getByTestId('hall-order-report').click();
    await page.getByTestId('hall-form').waitFor();
    await expect.poll(() => page.getByTestId('hall-order-picker').inputValue()).toBe('E-1001');
  });

  it('offers clarifying choices for a vague word and a live category suggestion while typing', async () => {
    await page.getByTestId('hall-description').fill('退款');
    await expect.poll(() => page.getByTestId('hall-clarify-option').count(), { timeout: 5000 }).toBeGreaterThan(1);
    expect(await page.getByTestId('hall-clarify-option').allInnerTexts()).toContain('退款还没到账');
    await page.getByTestId('hall-description').fill(`买的电水壶用了两天就坏了，开关完全失灵，要求换货。${XSS}`);
    await expect.poll(() => page.getByTestId('hall-suggestion').getAttribute('data-category'), { timeout: 5000 }).toBe('product_quality');
    expect(await page.getByTestId('hall-suggestion').innerText()).toContain('产品质量');
    await page.getByTestId('hall-subject').fill(`水壶坏了 ${XSS}`);
    await screenshot(page, 'hall-03-form-phone');
  });

  it('submits and shows the promise from the SLA', async () => {
    await page.getByTestId('hall-submit').click();
    await page.getByTestId('hall-promise').waitFor();
    expect(await page.getByTestId('hall-promise').innerText()).toBe('我们将在 30 分钟内回复您。');
    await screenshot(page, 'hall-04-promise-phone');
  });

  it('progress page shows the steps and renders script in the text inert', async () => {
    await page.getByTestId('hall-view-progress').click();
    await page.getByTestId('hall-steps').waitFor();
    expect(await page.getByTestId('hall-step').first().innerText()).toContain('已受理您的投诉');
    expect(await page.getByTestId('hall-next-step').innerText()).toContain('客服将查看您的投诉');
    expect(await page.getByTestId('hall-progress-description').innerText()).toContain(XSS);
    expect(await page.getByTestId('hall-progress-subject').innerText()).toContain(XSS);
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hall-05-progress-phone');
  });

  it('staff reply and resolution appear as steps; the customer replies and confirms', async () => {
    const { token } = await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN);
    const list = await api<{ items: Array<{ id: string; number: string }> }>('GET', '/api/v1/complaints', token);
    const c = list.items[0]!;
    await api('POST', `/api/v1/complaints/${c.id}/messages`, token, { body: '您好，请问水壶是哪天收到的？' });
    await api('POST', `/api/v1/complaints/${c.id}/messages`, token, { kind: 'internal_note', body: 'INTERNAL 供应商批次问题' });
    await api('POST', `/api/v1/complaints/${c.id}/status`, token, { status: 'awaiting_customer' });
    await page.reload();
    await page.getByTestId('hall-steps').waitFor();
    await expect.poll(() => page.locator('[data-testid="hall-step"]').last().getAttribute('data-kind')).toBe('waiting_for_you');
    expect(await page.getByTestId('hall-progress').innerText()).not.toContain('INTERNAL');
    await page.getByTestId('hall-reply').fill('上周五收到的。');
    await page.getByTestId('hall-reply-send').click();
    await expect.poll(() => page.locator('[data-testid="hall-message"][data-from="you"]').count()).toBe(1);
    await api('POST', `/api/v1/complaints/${c.id}/status`, token, { status: 'resolved' });
    await page.reload();
    await page.getByTestId('hall-confirm').click();
    await page.getByTestId('hall-confirmed').waitFor();
    await expect.poll(() => page.locator('[data-testid="hall-step"]').last().getAttribute('data-kind')).toBe('closed');
    await screenshot(page, 'hall-06-closed-phone');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
