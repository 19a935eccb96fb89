import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, signedInPage } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/** The admin console's people sections: users and roles, departments, authority limits. */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext | undefined;
const pageErrors: string[] = [];
let adminToken: string;

const api = <T>(method: string, path: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, path, token, body);

interface Department { id: string; code: string; handoffForwardMinutes: number; handoffAnswerMinutes: number }
interface Limits { items: Array<{ role: string; currency: string; maxAmount: number | null }> }

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  adminToken = (await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** A section never makes the page scroll sideways: it ends within the window, wide tables scroll inside their card. */
const fitsWidth = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth && el.scrollWidth <= el.clientWidth);

describe('admin console: people', () => {
  it('an admin creates department staff, shortens an answer deadline and raises the agent CNY refund limit', async () => {
    const signed = await signedInPage(browser, adminToken, pageErrors);
    context = signed.context;
    const page = signed.page;
    const logistics = (await api<{ items: Department[] }>('GET', '/api/v1/departments', adminToken)).items.find((d) => d.code === 'logistics')!;

    // Users and roles: a department staff user needs a department, and a taken email is refused next to its field.
    await page.goto(`${server.url}/#/admin/users`);
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('users-new').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Name').fill('Depot Dana');
    await form.getByLabel('Email').fill(E2E_ADMIN.email);
    await form.getByLabel('Role').selectOption('department_staff');
    await form.getByTestId('user-submit').click();
    await expect.poll(() => page.getByTestId('user-department-error').textContent()).toContain('need a department');
    await form.getByLabel('Department').selectOption(logistics.id);
    await form.getByTestId('user-password').fill('dana-password-1');
    await form.getByLabel('Skills').fill('returns, cold-chain');
    await form.getByTestId('user-submit').click();
    await expect.poll(() => page.getByTestId('user-email-error').textContent()).toContain('already in use');
    await form.getByLabel('Email').fill('dana@e2e.test');
    await form.getByTestId('user-submit').click();
    await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain('Created user Depot Dana');
    const row = page.locator('[data-testid="user-row"][data-email="dana@e2e.test"]');
    expect(await row.getByTestId('user-row-department').innerText()).toBe('Logistics');
    expect(await row.getByTestId('user-row-role').innerText()).toBe('Department staff');
    await screenshot(page, 'admin-users');

    const users = await api<{ items: Array<{ email: string; role: string; departmentId: string | null; active: boolean; skills: string[] }> }>('GET', '/api/v1/users', adminToken);
    expect(users.items.find((u) => u.email === 'dana@e2e.test')).toMatchObject({ role: 'department_staff', departmentId: logistics.id, active: true, skills: ['returns', 'cold-chain'] });
    await api('POST', '/api/v1/auth/login', null, { email: 'dana@e2e.test', password: 'dana-password-1' }); // throws unless 2xx

    // Departments: the answer deadline edited in place; the forward deadline stays as it was.
    await page.getByTestId('admin-tab-departments').click();
    const logisticsRow = page.locator('[data-testid="department-row"][data-code="logistics"]');
    await logisticsRow.getByTestId('department-edit').click();
    await logisticsRow.getByTestId('department-edit-handoffAnswerMinutes').fill('0');
    await logisticsRow.getByTestId('department-save').click();
    await expect.poll(() => logisticsRow.getByTestId('department-edit-handoffAnswerMinutes-error').textContent()).toContain('from 1 to 43200');
    await logisticsRow.getByTestId('department-edit-handoffAnswerMinutes').fill('45');
    await logisticsRow.getByTestId('department-save').click();
    await expect.poll(() => logisticsRow.getByTestId('department-row-answer').textContent()).toContain('45 min');
    expect(await page.getByTestId('departments-notice').innerText()).toContain('Saved Logistics');
    await screenshot(page, 'admin-departments');
    const after = (await api<{ items: Department[] }>('GET', '/api/v1/departments', adminToken)).items.find((d) => d.code === 'logistics')!;
    expect(after).toMatchObject({ handoffAnswerMinutes: 45, handoffForwardMinutes: logistics.handoffForwardMinutes });

    // Authority limits: a CNY column, the agent's cell raised, the change listed before and after saving.
    await page.getByTestId('admin-tab-authority').click();
    await page.getByTestId('authority-matrix').waitFor();
    await page.getByTestId('authority-currency-input').fill('cny');
    await page.getByTestId('authority-add-currency').click();
    await page.getByTestId('authority-cell-agent-CNY').fill('1000');
    await expect.poll(() => page.getByTestId('authority-pending').innerText()).toMatch(/Agent · CNY: not set → CN¥1,000\.00/);
    await screenshot(page, 'admin-authority');
    await page.getByTestId('authority-save').click();
    await expect.poll(() => page.getByTestId('authority-saved').innerText()).toMatch(/Agent · CNY: not set → CN¥1,000\.00/);
    expect(await page.getByTestId('authority-pending').count()).toBe(0);

    const limits = await api<Limits>('GET', '/api/v1/authority-limits', adminToken);
    expect(limits.items).toContainEqual({ role: 'agent', currency: 'CNY', maxAmount: 1000 });
    expect(limits.items).toContainEqual({ role: 'agent', currency: '*', maxAmount: 200 });
    // What the limit is for: an agent now refunds 500 CNY without asking a supervisor.
    const agentEmail = 'ann@e2e.test';
    await api('POST', '/api/v1/users', adminToken, { email: agentEmail, name: 'Agent Ann', role: 'agent', password: 'ann-password-11' });
    const agent = (await api<{ token: string }>('POST', '/api/v1/auth/login', null, { email: agentEmail, password: 'ann-password-11' })).token;
    const c = await api<{ id: string }>('POST', '/api/v1/complaints', agent, { channel: 'phone', subject: 'Damaged kettle', description: 'Arrived cracked.', customer: { name: 'Wang' } });
    const refund = await api<{ status: string }>('POST', `/api/v1/complaints/${c.id}/settlements`, agent, { kind: 'refund', amount: 500, currency: 'CNY', reason: 'Cracked on arrival.' });
    expect(refund.status).toBe('granted');

    // A tablet: the sections still fit the screen.
    await page.setViewportSize({ width: 820, height: 1180 });
    expect(await fitsWidth(page, 'authority-tab')).toBe(true);
    await page.getByTestId('admin-tab-departments').click();
    await page.getByTestId('departments-table').waitFor();
    expect(await fitsWidth(page, 'departments-tab')).toBe(true);
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-table').waitFor();
    expect(await fitsWidth(page, 'users-tab')).toBe(true);
    await screenshot(page, 'admin-users-tablet');

    expect(pageErrors).toEqual([]);
  });
});
