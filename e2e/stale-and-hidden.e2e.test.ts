import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/**
 * Two kinds of bad input a person meets in the UI: acting on a page gone stale (someone else
 * resolved the complaint meanwhile) gets a clear conflict and nothing is overwritten; a
 * complaint outside your permissions looks exactly like one that does not exist.
 */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

type Complaint = { id: string; number: string; status: string };

describe('stale pages and hidden complaints', () => {
  it('a status change from a stale page answers 409 with a message and keeps the other agent’s resolution', async () => {
    const ann = await person('agent', 'Agent Ann', 'ann@stale.test');
    const bob = await person('agent', 'Agent Bob', 'bob@stale.test');
    const c = await api<Complaint>('POST', '/api/v1/complaints', ann.token, {
      channel: 'web', subject: 'Kettle refund missing', description: 'I returned the kettle and have no refund yet.', customer: { name: 'Lin Yu' }, category: 'refund',
    });
    await api('POST', `/api/v1/complaints/${c.id}/messages`, ann.token, { kind: 'public_reply', body: 'We are checking with finance.' });

    // Ann's tab gets no live updates (as if her connection to the live feed had dropped), so it stays stale.
    const page = await pageFor(ann.token, 'ann');
    await page.context().addInitScript(() => {
      Reflect.deleteProperty(window, 'WebSocket');
    });
    await page.goto(`${h.server.url}/#/complaints/${c.number}`);
    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toMatch(/in progress/i);
    await page.getByTestId('status-select').selectOption('awaiting_customer');

    await api('POST', `/api/v1/complaints/${c.id}/status`, bob.token, { status: 'resolved', resolutionCode: 'refunded', reason: 'Refund sent.' });
    await page.getByTestId('status-submit').click();

    await expect.poll(() => page.getByTestId('error').first().innerText()).toMatch(/resolved|transition/i);
    // The page re-reads the complaint and shows what really happened.
    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toMatch(/resolved/i);
    await screenshot(page, '50-stale-status-conflict');
    const after = await api<Complaint>('GET', `/api/v1/complaints/${c.id}`, bob.token);
    expect(after.status).toBe('resolved');
    expect(pageErrors).toEqual([]);
  });

  it('department staff opening a complaint never handed to their department see not-found, with nothing of it shown', async () => {
    const departments = await api<{ items: Array<{ id: string; code: string }> }>('GET', '/api/v1/departments', h.adminToken);
    const finance = departments.items.find((d) => d.code === 'finance')!.id;
    const fay = await person('department_staff', 'Finance Fay', 'fay@hidden.test', finance);
    const c = await api<Complaint>('POST', '/api/v1/complaints', h.adminToken, {
      channel: 'email', subject: 'Secret parcel trouble', description: 'Only logistics should see this one.', customer: { name: 'Zhao Lei', email: 'zhao@example.com' }, category: 'logistics',
    });
    const page = await pageFor(fay.token, 'fay');
    await page.goto(`${h.server.url}/#/complaints/${c.number}`);
    await expect.poll(() => page.getByTestId('error').first().innerText()).toMatch(/not found|no such/i);
    expect(await page.getByTestId('complaint-detail').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('Secret parcel trouble');
    // By id as well as by number, and the same answer as for a complaint that does not exist.
    const byId = await fetch(`${h.server.url}/api/v1/complaints/${c.id}`, { headers: { authorization: `Bearer ${fay.token}` } });
    const missing = await fetch(`${h.server.url}/api/v1/complaints/C-2026-999999`, { headers: { authorization: `Bearer ${fay.token}` } });
    expect([byId.status, missing.status]).toEqual([404, 404]);
    await screenshot(page, '51-hidden-complaint-not-found');
    expect(pageErrors).toEqual([]);
  });
});
