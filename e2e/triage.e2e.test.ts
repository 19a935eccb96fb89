import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** The human triage view and the classification panel: what the classifier was unsure of, why, and confirming it. */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

interface Complaint { id: string; number: string; tags: string[]; category: string; severity: string }

describe('triage', () => {
  it('shows an unsure classification in the triage queue, explains a sure one, and an agent confirms the unsure one out of the queue', async () => {
    const agent = await person('agent', 'Agent Tia', 'tia@triage-e2e.test');
    const unsure = await api<Complaint>('POST', '/api/v1/complaints', agent.token, {
      channel: 'web', subject: '???', description: '...', customer: { name: 'Triage customer A' },
    });
    expect(unsure.tags).toContain('needs_triage');
    const sure = await api<Complaint>('POST', '/api/v1/complaints', agent.token, {
      channel: 'phone', subject: 'Charger caught fire', description: 'The charger started smoking and burned my hand. I will report you to the regulator.', customer: { name: 'Triage customer B' },
    });
    expect(sure).toMatchObject({ category: 'safety', severity: 'urgent' });

    const page = await pageFor(agent.token, 'triage');
    await page.goto(`${h.server.url}/#/complaints/${sure.number}`);
    const why = page.getByTestId('classification-why');
    await why.waitFor();
    await expect.poll(() => why.getByTestId('why-cues').innerText()).toMatch(/smoking|burn/);
    expect(await why.getByTestId('why-confidence').innerText()).toMatch(/Confidence \d+ %/);
    expect(await why.getByTestId('why-emotion').innerText()).toMatch(/Threat/);
    expect(await why.getByTestId('why-triage').count()).toBe(0);

    await page.goto(`${h.server.url}/#/complaints`);
    const triageView = page.locator('[data-testid="view"][data-view="needs_triage"]');
    await expect.poll(() => triageView.getByTestId('view-count').innerText()).toBe('1');
    await triageView.click();
    const rows = page.getByTestId('complaint-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-number')).toBe(unsure.number);
    await rows.first().click();
    await page.getByTestId('why-triage').waitFor();
    await screenshot(page, '35-triage-unsure');
    await page.getByTestId('why-confirm').click();
    await expect.poll(() => page.getByTestId('why-triage').count()).toBe(0);
    const after = await api<Complaint>('GET', `/api/v1/complaints/${unsure.id}`, agent.token);
    expect(after.tags).not.toContain('needs_triage');
    expect(after).toMatchObject({ category: unsure.category, severity: unsure.severity });

    await page.goto(`${h.server.url}/#/complaints`);
    await expect.poll(() => page.locator('[data-testid="view"][data-view="needs_triage"]').getByTestId('view-count').innerText()).toBe('0');
    expect(pageErrors).toEqual([]);
  });
});
