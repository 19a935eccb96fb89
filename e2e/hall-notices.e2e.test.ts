import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot } from './browser.js';
import { customerToken, hallPhonePage } from './hall-customer.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/** In-app progress notices in the service hall, on a phone: the bell, the panel, live pushes, read state. */

interface Notice { id: string; complaintNumber: string | null; kind: string; title: string | null; createdAt: string; readAt: string | null }
interface NoticePage { items: Notice[]; unread: number }

let server: RunningServer;
let dataDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let adminToken: string;

const api = <T>(method: string, p: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, p, token, body);
const notices = (token: string, query = '') => api<NoticePage>('GET', `/api/v1/portal/notices${query}`, token);
const bell = (page: Page) => page.getByTestId('hall-notices-bell');
const unreadOnBell = async (page: Page) => Number(await bell(page).getAttribute('data-unread'));

/** A customer with a complaint of their own, signed in; returns once its "received" notice is in the hall. */
async function customerWithComplaint(name: string, email: string, locale: 'zh-CN' | 'en', subject: string) {
  const customer = await api<{ id: string }>('POST', '/api/v1/customers', adminToken, { name, email, locale });
  const complaint = await api<{ id: string; number: string }>('POST', '/api/v1/complaints', adminToken, {
    channel: 'web', subject, description: subject, customerId: customer.id, category: 'logistics',
  });
  const token = await customerToken(server, email, locale);
  // (expect.poll is for tests; this also runs in beforeAll)
  for (let i = 0; (await notices(token)).items.length === 0; i++) {
    if (i > 150) throw new Error(`no "received" notice for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { token, complaint };
}

/** The hour and minute of `iso` as `locale` writes them in `timeZone`, without spacing (ICU builds differ in spaces). */
const clockIn = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso)).replace(/\s/g, '');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hall-notices-e2e-'));
  server = await startE2eServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
  adminToken = (await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('service hall notices on a phone, zh-CN (Chromium)', () => {
  let page: Page;
  let token: string;
  let complaint: { id: string; number: string };

  beforeAll(async () => {
    ({ token, complaint } = await customerWithComplaint('韩梅梅', 'meimei@example.com', 'zh-CN', '快递一周未送达'));
    const opened = await hallPhonePage(browser, token, 'zh-CN', 'Asia/Shanghai', pageErrors);
    contexts.push(opened.context);
    page = opened.page;
  });

  it('the bell shows the unread count; the panel lists the notice with its complaint, local time and unread mark', async () => {
    await page.goto(`${server.url}/hall`);
    await page.getByTestId('hall-home').waitFor();
    await expect.poll(() => unreadOnBell(page)).toBe(1);
    expect(await bell(page).getAttribute('aria-label')).toBe('通知，1 条未读');
    expect(await page.getByTestId('hall-notices-count').innerText()).toBe('1');

    await bell(page).click();
    const panel = page.getByTestId('hall-notices-panel');
    await panel.waitFor();
    expect(await bell(page).getAttribute('aria-expanded')).toBe('true');
    const item = panel.getByTestId('hall-notice').first();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.getByTestId('hall-notice-title').innerText()).toContain(`我们已收到您的投诉 ${complaint.number}`);
    const link = item.getByTestId('hall-notice-complaint');
    expect(await link.innerText()).toBe(`投诉 ${complaint.number}`);
    expect(await link.getAttribute('href')).toBe(`/hall/complaints/${complaint.number}`);
    const [{ createdAt }] = (await notices(token)).items as [Notice];
    const time = item.getByTestId('hall-notice-time');
    expect(await time.getAttribute('datetime')).toBe(createdAt);
    expect((await time.innerText()).replace(/\s/g, '')).toContain(clockIn(createdAt, 'zh-CN', 'Asia/Shanghai'));
    // fits the phone: nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'hall-notices-zh-phone');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('an agent\'s public reply arrives live: the count rises without a reload and the notice is on top', async () => {
    await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });
    await api('POST', `/api/v1/complaints/${complaint.id}/messages`, adminToken, { body: '您好，包裹已找到，明天送达。' });
    await expect.poll(() => unreadOnBell(page)).toBe(2);
    expect(await bell(page).getAttribute('aria-label')).toBe('通知，2 条未读');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await bell(page).click();
    const first = page.getByTestId('hall-notice').first();
    const [newest] = (await notices(token)).items as [Notice];
    expect(newest.kind).toBe('reply');
    expect(await first.getAttribute('data-id')).toBe(newest.id);
    expect(await first.getByTestId('hall-notice-title').innerText()).toBe('回复：快递一周未送达');
    expect(await first.getByTestId('hall-notice-complaint').innerText()).toBe(`投诉 ${complaint.number}`);
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await page.getByTestId('hall-notice').count()).toBe(2);
  });

  it('opening a notice shows its text and marks it read, in the hall and on the server', async () => {
    const first = page.getByTestId('hall-notice').first();
    const id = (await first.getAttribute('data-id'))!;
    await first.getByTestId('hall-notice-open').click();
    expect(await first.getByTestId('hall-notice-text').innerText()).toContain('包裹已找到');
    expect(await first.getAttribute('data-unread')).toBe('false');
    expect(await unreadOnBell(page)).toBe(1);
    await expect.poll(async () => (await api<Notice>('GET', `/api/v1/portal/notices/${id}`, token)).readAt).not.toBeNull();
    expect((await notices(token)).unread).toBe(1);
    await screenshot(page, 'hall-notices-zh-opened-phone');
  });

  it('the complaint link opens the progress page, where the reply is', async () => {
    await page.getByTestId('hall-notice').first().getByTestId('hall-notice-complaint').click();
    await page.getByTestId('hall-progress').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/hall/complaints/${complaint.number}`);
    expect(await page.getByTestId('hall-notices-panel').count()).toBe(0);
    expect(await page.getByTestId('hall-progress').innerText()).toContain('包裹已找到');
  });

  it('mark all read clears the count, also on the server', async () => {
    await api('POST', `/api/v1/complaints/${complaint.id}/status`, adminToken, { status: 'awaiting_customer' });
    await expect.poll(() => unreadOnBell(page)).toBe(2);
    // the progress page followed the notice: the new step is there without a reload
    await expect.poll(() => page.locator('[data-testid="hall-step"]').last().getAttribute('data-kind')).toBe('waiting_for_you');
    await bell(page).click();
    await page.getByTestId('hall-notices-read-all').click();
    await expect.poll(() => unreadOnBell(page)).toBe(0);
    expect(await bell(page).getAttribute('aria-label')).toBe('通知');
    expect(await page.getByTestId('hall-notices-count').count()).toBe(0);
    expect(await page.locator('[data-testid="hall-notice"][data-unread="true"]').count()).toBe(0);
    expect(await page.getByTestId('hall-notices-read-all').isDisabled()).toBe(true);
    await expect.poll(async () => (await notices(token)).unread).toBe(0);
    expect((await notices(token, '?unread=true')).items).toEqual([]);
    await page.reload();
    await page.getByTestId('hall-progress').waitFor();
    await expect.poll(() => unreadOnBell(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('service hall notices on a phone, en (Chromium)', () => {
  it('an English-speaking customer in New York: a live notice in English at local time', async () => {
    const { token, complaint } = await customerWithComplaint('Lily Han', 'lily@example.com', 'en', 'Parcel missing for a week');
    await api('POST', '/api/v1/portal/notices/read-all', token, {});
    const { page, context } = await hallPhonePage(browser, token, 'en', 'America/New_York', pageErrors);
    contexts.push(context);
    await page.goto(`${server.url}/hall`);
    await page.getByTestId('hall-home').waitFor();
    expect(await bell(page).getAttribute('aria-label')).toBe('Notices');

    await api('POST', `/api/v1/complaints/${complaint.id}/messages`, adminToken, { body: 'Hello Lily, the courier has found your parcel.' });
    await expect.poll(() => unreadOnBell(page)).toBe(1);
    expect(await bell(page).getAttribute('aria-label')).toBe('Notices, 1 unread');
    await bell(page).click();
    const first = page.getByTestId('hall-notice').first();
    expect(await page.getByTestId('hall-notices-panel').locator('h2').innerText()).toBe('Notices');
    expect(await page.getByTestId('hall-notices-read-all').innerText()).toBe('Mark all as read');
    expect(await first.getByTestId('hall-notice-complaint').innerText()).toBe(`Complaint ${complaint.number}`);
    const createdAt = (await first.getByTestId('hall-notice-time').getAttribute('datetime'))!;
    expect((await first.getByTestId('hall-notice-time').innerText()).replace(/\s/g, '')).toContain(clockIn(createdAt, 'en', 'America/New_York'));
    await first.getByTestId('hall-notice-open').click();
    expect(await first.getByTestId('hall-notice-text').innerText()).toContain('the courier has found your parcel');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'hall-notices-en-phone');
    await expect.poll(async () => (await notices(token)).unread).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a customer without notices: a failed load offers a retry, then the empty state', async () => {
    await api('POST', '/api/v1/customers', adminToken, { name: 'New Customer', email: 'new@example.com', locale: 'en' });
    // known by an order, so the code is sent; no complaint, so no notice
    const [c] = await server.ctx.db.query<{ id: string }>(`select id from customers where email = 'new@example.com'`);
    await server.ctx.db.query(`insert into orders (number, customer_id, items, amount, status, placed_at) values ('E-2001', $1, '[]', 10, 'delivered', now())`, [c!.id]);
    const token = await customerToken(server, 'new@example.com', 'en');
    const { page, context } = await hallPhonePage(browser, token, 'en', 'America/New_York', pageErrors);
    contexts.push(context);
    await page.route('**/api/v1/portal/notices?*', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' }));
    await page.goto(`${server.url}/hall`);
    await page.getByTestId('hall-home').waitFor();
    await bell(page).click();
    const failed = page.getByTestId('hall-notices-error');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('Your notices could not be loaded.');
    await page.unroute('**/api/v1/portal/notices?*');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('hall-notices-empty').waitFor();
    expect(await page.getByTestId('hall-notices-empty').innerText()).toContain('No notices yet');
    expect(await page.getByTestId('hall-notices-read-all').isDisabled()).toBe(true);
    await screenshot(page, 'hall-notices-en-empty-phone');
    expect(pageErrors).toEqual([]);
  });
});
