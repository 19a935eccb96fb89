import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { surveyToken } from '../src/modules/surveys/survey-link.js';
import { runSurveySweep } from '../src/modules/surveys/survey-sweep.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/** The survey page a customer opens from the link in a notice: on a phone, no sign-in. */

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = <T>(method: string, path: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, path, token, body);

let adminToken: string;
let complaint: { id: string; number: string };
let link: string;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page = await ctx.newPage();
  watchErrors(page, pageErrors);
  page.on('dialog', (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  adminToken = (await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;
  await api('PUT', '/api/v1/admin/survey-settings', adminToken, { delayHours: 0 });
  complaint = await api('POST', '/api/v1/complaints', adminToken, {
    channel: 'email', subject: '快递一周未送达', description: '订单显示已发货但一直没有物流更新。', customer: { name: '李雷', email: 'lilei@example.com' }, category: 'logistics',
  });
  await api('POST', `/api/v1/complaints/${complaint.id}/status`, adminToken, { status: 'resolved' });
  await runSurveySweep(server.ctx);
  const { items } = await api<{ items: Array<{ id: string; status: string; expiresAt: string }> }>('GET', `/api/v1/complaints/${complaint.id}/surveys`, adminToken);
  expect(items[0]!.status).toBe('sent');
  link = `${server.url}/survey/${surveyToken(server.ctx.signingSecret, items[0]!.id, new Date(items[0]!.expiresAt))}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('survey page in Chromium (phone)', () => {
  it('a tampered link shows a clear error', async () => {
    await page.goto(`${link.slice(0, -3)}AAA`);
    await page.getByTestId('survey-error').waitFor();
    expect(await page.getByTestId('survey-error').innerText()).toContain('链接无效');
    await screenshot(page, 'survey-invalid-link');
  });

  it('one answer: stars, NPS, comment → thank-you; a low score reopens the complaint; the link then says it was answered', async () => {
    await page.goto(link);
    await page.getByTestId('survey-complaint').waitFor();
    expect(await page.getByTestId('survey-complaint').innerText()).toContain(complaint.number);
    expect(await page.getByTestId('survey-submit').isDisabled()).toBe(true);
    // fits a phone: nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('survey-csat-1').click();
    await page.getByTestId('survey-nps-3').click();
    await page.getByTestId('survey-comment').fill('<img src=x onerror="window.__xss=1">还是没收到');
    await screenshot(page, 'survey-form');
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByTestId('survey-done').innerText()).toContain('主管');
    await screenshot(page, 'survey-thanks');
    const after = await api<{ status: string; tags: string[] }>('GET', `/api/v1/complaints/${complaint.id}`, adminToken);
    expect(after.status).toBe('reopened');
    expect(after.tags).toContain('recovery');
    await page.reload();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByTestId('survey-done').innerText()).toContain('已提交');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
