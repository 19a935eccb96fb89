import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from './browser.js';
import { staffHarness } from './staff-harness.js';

/**
 * Every main staff screen, in Chinese and in English, at laptop size: each renders its own
 * content (no error box, no "not found"), logs no error, and is kept as a screenshot.
 */
const h = staffHarness();
const { api } = h;

const ADMIN_TABS = ['users', 'departments', 'sla', 'routing', 'models', 'authority', 'templates', 'channels', 'kb'];

describe('main screens in both languages', () => {
  it('queue, complaint, board, desk, chats and every admin section render in zh-CN and en', async () => {
    const c = await api<{ number: string }>('POST', '/api/v1/complaints', h.adminToken, {
      channel: 'email', subject: '快递三天没有更新', description: '订单 SO-1 的快递三天没有物流信息。', customer: { name: '陈静', email: 'chen@example.com' }, category: 'logistics',
    });
    const screens: Array<[string, string, string]> = [
      ['queue', '#/complaints', 'complaint-row'],
      ['complaint', `#/complaints/${c.number}`, 'complaint-detail'],
      ['board', '#/board', 'board-team'],
      ['desk', '#/desk', 'department-desk'],
      ['chats', '#/chats', 'chats-page'],
      ...ADMIN_TABS.map((tab): [string, string, string] => [`admin-${tab}`, `#/admin/${tab}`, 'admin-page']),
    ];
    for (const locale of ['zh-CN', 'en'] as const) {
      const errors: string[] = [];
      const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      h.contexts.push(context);
      await context.addInitScript(([token, l]) => {
        localStorage.setItem('loopdesk.token', token!);
        localStorage.setItem('loopdesk.locale', l!);
      }, [h.adminToken, locale]);
      const page = await context.newPage();
      watchErrors(page, errors, locale);
      for (const [name, hash, testId] of screens) {
        await page.goto(`${h.server.url}/${hash}`);
        await page.getByTestId(testId).first().waitFor();
        await page.waitForLoadState('networkidle');
        // Lazily loaded sections show a loading line first; wait for the content itself.
        await expect.poll(async () => {
          const shown = (await page.locator('main').innerText()).trim();
          return shown.length > 4 && !/^(Loading…?|加载中…?)$/m.test(shown);
        }, { message: `${locale} ${name}` }).toBe(true);
        expect(await page.getByTestId('error').count(), `${locale} ${name}`).toBe(0);
        const text = await page.locator('main').innerText();
        // The complaint's department in the reader's language (the logistics complaint above).
        if (name === 'queue' || name === 'complaint') expect(text, `${locale} ${name}`).toContain(locale === 'zh-CN' ? '物流部' : 'Logistics');
        // The Chinese screens carry Chinese (the catalogues are complete; this catches a screen that ignores them).
        if (locale === 'zh-CN') expect(/[\u4e00-\u9fff]/.test(text), `${locale} ${name}`).toBe(true);
        await screenshot(page, `60-screen-${name}-${locale}`);
      }
      expect(errors).toEqual([]);
    }
  });
});
