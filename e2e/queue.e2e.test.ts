import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** The agent queue: standard and saved views with counts, row selection and bulk changes, driven as an agent would. */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

interface Complaint { id: string; number: string; status: string; tags: string[]; assignee: { id: string } | null }

describe('agent queue', () => {
  it('saves a view with its count, bulk-assigns and bulk-tags from it, and reports the one complaint a status change refuses', async () => {
    const amy = await person('agent', 'Agent Amy', 'amy@queue-e2e.test');
    const ben = await person('agent', 'Agent Ben', 'ben@queue-e2e.test');
    const seed = [
      { subject: 'Parcel stuck at hub', category: 'logistics', severity: 'urgent' },
      { subject: 'Courier never came', category: 'logistics', severity: 'urgent' },
      { subject: 'Wrong address on label', category: 'logistics', severity: 'urgent' },
      { subject: 'Tracking page slow', category: 'logistics', severity: 'general' },
      { subject: 'Charged twice', category: 'billing', severity: 'urgent' },
      { subject: 'Refund pending', category: 'refund', severity: 'serious' },
    ];
    const created: Complaint[] = [];
    for (const [i, s] of seed.entries()) {
      created.push(await api<Complaint>('POST', '/api/v1/complaints', amy.token, {
        channel: 'phone', description: `${s.subject} — details from the call.`, customer: { name: `Queue customer ${i}` }, ...s,
      }));
    }
    const urgentLogistics = created.slice(0, 3);

    const page = await pageFor(amy.token);
    await page.goto(`${h.server.url}/#/complaints`);
    const rows = page.getByTestId('complaint-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(6);
    const view = (attr: string) => page.locator(`[data-testid="view"][${attr}]`);
    const countOf = (attr: string) => view(attr).getByTestId('view-count').innerText();
    await expect.poll(() => countOf('data-view="all_open"')).toBe('6');
    await expect.poll(() => countOf('data-view="unassigned"')).toBe('6');

    // Filter to urgent logistics in any status (the queue opens on open work only; a complaint cancelled
    // meanwhile should stay in sight below) and save that as a view: it shows up with its count, active.
    await page.getByTestId('status-filter').selectOption('');
    await page.getByTestId('category-filter').selectOption('logistics');
    await page.getByTestId('severity-filter').selectOption('urgent');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('save-view-open').click();
    await page.getByTestId('save-view-name').fill('Urgent logistics');
    await page.getByTestId('save-view-submit').click();
    const saved = view('data-name="Urgent logistics"');
    await expect.poll(() => countOf('data-name="Urgent logistics"')).toBe('3');
    await expect.poll(() => saved.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, '30-queue-saved-view');

    // Views apply their filters: all open, then back to the saved one.
    await view('data-view="all_open"').click();
    await expect.poll(() => rows.count()).toBe(6);
    expect(await page.getByTestId('category-filter').inputValue()).toBe('');
    await saved.click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('category-filter').inputValue()).toBe('logistics');

    // Select the page, then x (on the focused row) takes one out and puts it back.
    await page.getByTestId('select-all').check();
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toMatch(/^3 selected/);
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toMatch(/^2 selected/);
    expect(await rows.first().getAttribute('data-selected')).toBe('false');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toMatch(/^3 selected/);

    // Assign all three to Ben, then tag them.
    await page.getByTestId('bulk-assignee').selectOption(ben.id);
    await page.getByTestId('bulk-assign-apply').click();
    await expect.poll(() => page.getByTestId('bulk-result').innerText()).toMatch(/3 updated\./);
    await expect.poll(async () => (await rows.allInnerTexts()).filter((t) => t.includes('Agent Ben')).length).toBe(3);
    await page.getByTestId('bulk-tag').fill('courier_claim');
    await page.getByTestId('bulk-tag-add').click();
    await expect.poll(() => page.locator('[data-testid="complaint-row"] [data-testid="row-tags"]').filter({ hasText: 'courier_claim' }).count()).toBe(3);

    // The API agrees, and so do the counts: three fewer unassigned, three for Ben.
    for (const c of urgentLogistics) {
      const got = await api<Complaint>('GET', `/api/v1/complaints/${c.id}`, amy.token);
      expect(got.assignee?.id).toBe(ben.id);
      expect(got.tags).toContain('courier_claim');
    }
    await expect.poll(() => countOf('data-view="unassigned"')).toBe('3');
    const builtIn = await api<{ items: Array<{ key: string; count: number }> }>('GET', '/api/v1/views/built-in', amy.token);
    expect(builtIn.items.find((v) => v.key === 'unassigned')!.count).toBe(3);
    const forBen = await api<{ items: Array<{ key: string; count: number }> }>('GET', '/api/v1/views/built-in', ben.token);
    expect(forBen.items.find((v) => v.key === 'mine')!.count).toBe(3);

    // Someone cancels one meanwhile; moving all three into progress fails for that one only.
    const cancelled = urgentLogistics[2]!;
    await api('POST', `/api/v1/complaints/${cancelled.id}/status`, ben.token, { status: 'cancelled', reason: 'Customer withdrew the complaint.' });
    await expect.poll(() => rows.filter({ hasText: cancelled.number }).innerText()).toMatch(/Cancelled/i);
    expect(await page.getByTestId('bulk-count').innerText()).toMatch(/^3 selected/);
    const option = page.getByTestId('bulk-status').locator('option[value="in_progress"]');
    expect(await option.innerText()).toContain('2 of 3');
    await page.getByTestId('bulk-status').selectOption('in_progress');
    await page.getByTestId('bulk-status-apply').click();
    await expect.poll(() => page.getByTestId('bulk-result').innerText()).toMatch(/2 updated, 1 failed/);
    const failure = page.getByTestId('bulk-failure');
    expect(await failure.count()).toBe(1);
    expect(await failure.getAttribute('data-number')).toBe(cancelled.number);
    expect(await failure.innerText()).toMatch(/invalid transition/);
    expect(await page.getByTestId('bulk-count').innerText()).toMatch(/^3 selected/); // kept, to chain another action
    await page.getByTestId('bulk-select-failed').click();
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toMatch(/^1 selected/);
    expect(await rows.filter({ hasText: cancelled.number }).getAttribute('data-selected')).toBe('true');
    await screenshot(page, '31-queue-bulk-result');
    const statuses = await Promise.all(urgentLogistics.map((c) => api<Complaint>('GET', `/api/v1/complaints/${c.id}`, amy.token).then((r) => r.status)));
    expect(statuses).toEqual(['in_progress', 'in_progress', 'cancelled']);

    // A tablet-width look, then delete the view.
    await page.setViewportSize({ width: 820, height: 1100 });
    await screenshot(page, '32-queue-tablet');
    await saved.locator('xpath=..').getByTestId('view-delete').click();
    await page.getByTestId('view-delete-confirm').click();
    await expect.poll(() => view('data-name="Urgent logistics"').count()).toBe(0);
    const views = await api<{ items: Array<{ name: string }> }>('GET', '/api/v1/views', amy.token);
    expect(views.items.map((v) => v.name)).not.toContain('Urgent logistics');
    expect(pageErrors).toEqual([]);
  });
});
