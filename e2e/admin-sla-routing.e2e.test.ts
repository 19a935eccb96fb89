import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, signedInPage } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/** The admin console's SLA and routing sections, driven as an administrator would. */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminToken: string;
let adminId: string;
const pageErrors: string[] = [];

const api = <T>(method: string, path: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, path, token, body);

interface Policy { severity: string; firstResponseMinutes: number; calendar: { mode: string; timezone?: string; holidays?: string[]; weekly?: Record<string, string[][]> } }
interface RuleSet { id: string; version: number; status: string; rules?: Array<{ name: string; when?: unknown; then: unknown[] }> }

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const login = await api<{ token: string; user: { id: string } }>('POST', '/api/v1/auth/login', null, E2E_ADMIN);
  adminToken = login.token;
  adminId = login.user.id;
  ({ page, context } = await signedInPage(browser, adminToken, pageErrors));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('admin console: SLA policies and routing rules', () => {
  it('changes the serious tier’s first-response target and business hours, with a holiday; a bad time zone is refused at its field', async () => {
    await page.goto(`${server.url}/#/admin/sla`);
    await page.getByTestId('sla-edit-serious').click();
    const form = page.getByTestId('sla-form-serious');
    await form.waitFor();
    await form.getByTestId('sla-first-response-amount').fill('45');
    await form.getByTestId('sla-first-response-unit').selectOption('minutes');
    await form.getByTestId('sla-mode-business_hours').check();
    // Saturday mornings too, as an extra interval row of the weekday grid.
    await form.getByTestId('sla-day-sat-open').check();
    await form.getByTestId('sla-day-sat-to').fill('12:00');
    await form.getByTestId('sla-timezone').fill('Mars/Olympus_Mons');
    await form.getByTestId('sla-holiday-date').fill('2030-10-01');
    await form.getByTestId('sla-holiday-add').click();
    await form.getByTestId('sla-save').click();
    // The server refuses the zone; the message shows under the time-zone field, nothing is saved.
    const tzError = form.locator('.sla-timezone').getByTestId('field-error');
    await expect.poll(() => tzError.innerText()).toMatch(/unknown IANA time zone/);
    expect((await api<{ items: Policy[] }>('GET', '/api/v1/sla/policies', adminToken)).items.find((p) => p.severity === 'serious')!.calendar.mode).toBe('24x7');

    await form.getByTestId('sla-timezone').fill('Asia/Shanghai');
    await form.getByTestId('sla-save').click();
    await form.getByTestId('sla-saved').waitFor();
    const row = page.locator('[data-testid="sla-tier-row"][data-severity="serious"]');
    await expect.poll(() => row.getByTestId('sla-tier-first-response').innerText()).toBe('45 min');
    expect(await row.getByTestId('sla-tier-calendar').innerText()).toMatch(/Mon–Fri 09:00–18:00; Sat 09:00–12:00 \(Asia\/Shanghai\) · holidays: 1/);
    await screenshot(page, '40-admin-sla');

    const serious = (await api<{ items: Policy[] }>('GET', '/api/v1/sla/policies', adminToken)).items.find((p) => p.severity === 'serious')!;
    expect(serious.firstResponseMinutes).toBe(45);
    expect(serious.calendar).toMatchObject({ mode: 'business_hours', timezone: 'Asia/Shanghai', holidays: ['2030-10-01'] });
    expect(serious.calendar.weekly).toMatchObject({ mon: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [['09:00', '12:00']] });
    expect(serious.calendar.weekly?.sun).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('adds a keyword rule to a draft, replays it over past complaints, activates it, and tests a complaint', async () => {
    const intake = (subject: string, description: string) =>
      api<{ id: string; number: string }>('POST', '/api/v1/complaints', adminToken, { channel: 'web', subject, description, customer: { name: 'Lin' }, category: 'logistics' });
    const cracked = [await intake('Screen cracked in transit', 'The phone arrived with a cracked screen.'), await intake('Cracked tablet', 'Box was fine but the tablet is cracked.')];
    await intake('Parcel late', 'Still waiting for my parcel after a week.');

    await page.goto(`${server.url}/#/admin/routing`);
    const view = page.getByTestId('routing-version');
    await expect.poll(() => view.getAttribute('data-status')).toBe('active');
    const before = (await api<{ items: RuleSet[] }>('GET', '/api/v1/admin/routing/rulesets', adminToken)).items;
    const baseCount = (await page.getByTestId('routing-rule').count());
    expect(baseCount).toBeGreaterThan(0);

    await page.getByTestId('routing-edit-draft').click();
    await page.getByTestId('routing-add-rule').click();
    const cards = page.getByTestId('rule-card');
    await expect.poll(() => cards.count()).toBe(baseCount + 1);
    const card = cards.last();
    await card.getByTestId('rule-name').fill('Cracked goods to quality');
    expect(await card.getByTestId('rule-id').inputValue()).toBe('cracked-goods-to-quality');
    await card.getByTestId('cond-field').selectOption('text');
    await card.getByTestId('cond-op').selectOption('contains_any');
    await card.getByTestId('cond-value').fill('cracked, shattered');
    // Saving without a department: the server's error shows at that action of that rule.
    await page.getByTestId('routing-save').click();
    await page.getByTestId('routing-draft-invalid').waitFor();
    await expect.poll(() => card.locator('[data-testid="rule-action"] .rt-errors').innerText()).toMatch(/department/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '41-admin-routing-draft');

    await card.getByTestId('action-department').selectOption('quality');
    // Reordering: up one place, then back to last so that it runs after the category rules.
    await card.getByTestId('rule-up').click();
    await expect.poll(() => cards.nth(baseCount - 1).getByTestId('rule-name').inputValue()).toBe('Cracked goods to quality');
    await cards.nth(baseCount - 1).getByTestId('rule-down').click();
    await expect.poll(() => cards.last().getByTestId('rule-name').inputValue()).toBe('Cracked goods to quality');
    await page.getByTestId('routing-note').fill('Damaged goods go to quality');
    await page.getByTestId('routing-save').click();

    const newVersion = Math.max(...before.map((v) => v.version)) + 1;
    await expect.poll(() => view.getAttribute('data-version')).toBe(String(newVersion));
    expect(await view.getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('routing-rule').last().innerText()).toMatch(/contains any of “cracked”, “shattered”[\s\S]*Route to Quality/);

    await page.getByTestId('routing-dry-run-button').click();
    const result = page.getByTestId('routing-dry-result');
    await result.waitFor();
    expect(Number(await result.getAttribute('data-changed'))).toBe(2);
    expect(Number(await result.getAttribute('data-replayed'))).toBe(3);
    const rows = page.locator('[data-testid="routing-dry-row"][data-field="department"]');
    expect(await rows.count()).toBe(2);
    const table = await page.locator('.rt-dry-table').innerText();
    for (const c of cracked) expect(table).toContain(c.number);
    expect(table).toMatch(/Logistics\s*→\s*Quality/);
    await screenshot(page, '42-admin-routing-dry-run');

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('routing-activate').click();
    await expect.poll(() => view.getAttribute('data-status')).toBe('active');
    const after = (await api<{ items: RuleSet[] }>('GET', '/api/v1/admin/routing/rulesets', adminToken)).items;
    expect(after.filter((v) => v.status === 'active').map((v) => v.version)).toEqual([newVersion]);
    const active = await api<RuleSet>('GET', `/api/v1/admin/routing/rulesets/${after.find((v) => v.version === newVersion)!.id}`, adminToken);
    expect(active.rules!.at(-1)).toMatchObject({ name: 'Cracked goods to quality', when: { all: [{ field: 'text', op: 'contains_any', value: ['cracked', 'shattered'] }] }, then: [{ type: 'set_department', department: 'quality' }] });

    // The test box runs the active version on an ad-hoc complaint.
    await page.getByTestId('routing-test-category').selectOption('logistics');
    await page.getByTestId('routing-test-subject').fill('Mirror shattered');
    await page.getByTestId('routing-test-run').click();
    const dept = page.getByTestId('routing-test-department');
    await expect.poll(() => dept.getAttribute('data-code')).toBe('quality');
    expect(await page.getByTestId('routing-test-fired').innerText()).toContain('cracked-goods-to-quality');
    await screenshot(page, '43-admin-routing-active');
    // And a real intake is now routed by it.
    const fresh = await intake('Glass shattered', 'The vase arrived shattered.');
    expect((await api<{ department: string | null }>('GET', `/api/v1/complaints/${fresh.id}`, adminToken)).department).toBe('quality');

    // Skills for by-skill assignment, set from the same section.
    await page.getByTestId('routing-skills').locator('summary').click();
    const mine = page.locator(`[data-testid="routing-skill-row"][data-user="${adminId}"]`);
    await mine.getByRole('textbox', { name: /^Skills of/ }).fill('refund, glass');
    await mine.getByRole('textbox', { name: /^Team of/ }).fill('returns');
    await mine.getByRole('button', { name: /^Save skills/ }).click();
    await mine.getByRole('status').waitFor();
    const people = await api<{ items: Array<{ id: string; skills: string[]; team: string | null }> }>('GET', '/api/v1/admin/routing/users', adminToken);
    expect(people.items.find((p) => p.id === adminId)).toMatchObject({ skills: ['refund', 'glass'], team: 'returns' });
    expect(pageErrors).toEqual([]);
  });
});
