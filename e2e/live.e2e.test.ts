import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/**
 * Two people in two browser contexts on the same complaint: each sees the other (collision
 * warning), typing shows, and a note one of them adds appears on the other's screen without
 * a reload — pushed over the live WebSocket.
 */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

async function agentPage(name: string, email: string): Promise<Page> {
  const { token } = await person('agent', name, email);
  return pageFor(token, name);
}

describe('real time between two agents', () => {
  it('warns about the collision, shows typing and pushes a note to the other screen', async () => {
    const customer = { name: 'Zhou Min', email: 'zhou.min@example.com' };
    await api('POST', '/api/v1/complaints', h.adminToken, { channel: 'email', subject: 'Earlier complaint', description: 'The courier was late last week.', customer, category: 'logistics' });
    const c = await api<{ id: string; number: string }>('POST', '/api/v1/complaints', h.adminToken, { channel: 'phone', subject: 'Refund still missing', description: 'I returned the kettle two weeks ago and have no refund.', customer, category: 'refund' });

    const alice = await agentPage('Alice', 'alice@e2e.test');
    const bob = await agentPage('Bob', 'bob@e2e.test');
    await alice.goto(`${h.server.url}/#/complaints/${c.number}`);
    await alice.getByTestId('complaint-detail').waitFor();
    await bob.goto(`${h.server.url}/#/complaints/${c.number}`);
    await bob.getByTestId('complaint-detail').waitFor();

    // Both know about each other within a moment, not at the next keepalive.
    await expect.poll(() => alice.getByTestId('collision-warning').innerText().catch(() => ''), { timeout: 5000 }).toContain('Bob');
    await expect.poll(() => bob.getByTestId('collision-warning').innerText().catch(() => ''), { timeout: 5000 }).toContain('Alice');

    await bob.getByTestId('reply-box').fill('Let me check the refund');
    await expect.poll(() => alice.getByTestId('collision-warning').innerText(), { timeout: 5000 }).toMatch(/Bob is typing/);

    // The customer 360 shows the earlier complaint and the repeat flag.
    await alice.getByTestId('customer-360').waitFor();
    expect(await alice.getByTestId('customer-360').innerText()).toContain('Earlier complaint');
    await expect.poll(() => alice.getByTestId('repeat-flag').count()).toBe(1);

    await alice.getByTestId('note-toggle').check();
    await alice.getByTestId('reply-box').fill('Refund batch failed on Monday; finance is re-running it.');
    await alice.getByTestId('reply-submit').click();
    // Bob's screen shows it with no reload (his page's own refresh is a minute away).
    await expect.poll(() => bob.locator('[data-testid="message"][data-kind="internal_note"]').count(), { timeout: 5000 }).toBe(1);
    expect(await bob.locator('[data-testid="message"][data-kind="internal_note"]').innerText()).toContain('finance is re-running it');
    await screenshot(bob, '10-live-collision-and-pushed-note');

    // A new complaint from another channel appears in a queue that is already open.
    await alice.goto(`${h.server.url}/#/complaints`);
    await alice.getByTestId('complaint-row').first().waitFor();
    const before = await alice.getByTestId('complaint-row').count();
    await api('POST', '/api/v1/complaints', h.adminToken, { channel: 'social', subject: 'Smoke from the charger', description: 'The charger started smoking.', customer: { name: 'Xu' }, category: 'safety', severity: 'urgent' });
    await expect.poll(() => alice.getByTestId('complaint-row').count(), { timeout: 5000 }).toBe(before + 1);
    await expect.poll(() => alice.getByTestId('complaint-row').first().innerText()).toContain('Smoke from the charger');

    // Keyboard: j selects the first row, Enter opens it, n starts an internal note.
    const firstNumber = await alice.getByTestId('complaint-row').first().getAttribute('data-number');
    await alice.locator('body').click({ position: { x: 5, y: 5 } });
    await alice.keyboard.press('j');
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.getByTestId('complaint-detail').getAttribute('data-number').catch(() => null)).toBe(firstNumber);
    await alice.keyboard.press('n');
    await expect.poll(() => alice.getByTestId('note-toggle').isChecked()).toBe(true);
    expect(await alice.evaluate(() => document.activeElement?.id)).toBe('reply-body');

    // Bob leaves: Alice's warning goes away.
    await bob.close();
    await alice.goto(`${h.server.url}/#/complaints/${c.number}`);
    await alice.getByTestId('complaint-detail').waitFor();
    await alice.waitForTimeout(500);
    expect(await alice.getByTestId('collision-warning').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
