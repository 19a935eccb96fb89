import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** Filing a complaint for a customer on record: find them, name their order, see what the classifier will decide. */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

describe('new complaint form', () => {
  it('finds an existing customer, files against their order, and previews the classification before filing', async () => {
    const agent = await person('agent', 'Agent Nia', 'nia@new-complaint-e2e.test');
    const customer = await api<{ id: string }>('POST', '/api/v1/customers', agent.token, { name: 'Wang Fang', email: 'wang.fang@shop-e2e.test', phone: '+8613900001111' });
    const order = await api<{ id: string; number: string }>('POST', '/api/v1/orders', agent.token, { number: 'SO-E2E-7781', customerId: customer.id, amount: 299, currency: 'CNY' });

    const page = await pageFor(agent.token, 'new-complaint');
    await page.goto(`${h.server.url}/#/complaints/new`);
    await page.getByTestId('new-subject').fill('Power bank smoking');
    await page.getByTestId('new-description').fill('The power bank started smoking while charging and scorched the desk.');
    const preview = page.getByTestId('nc-preview-result');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toBe('Safety · Urgent');
    expect(await page.getByTestId('nc-preview').innerText()).toMatch(/smok/);
    await expect.poll(() => page.getByTestId('nc-preview').innerText()).toContain('department Management');

    // Someone unknown: the inline fields stay, with a hint.
    await page.getByTestId('nc-find').fill('nobody-like-this');
    await page.getByTestId('nc-no-match').waitFor();
    await page.getByTestId('nc-find').fill('shop-e2e');
    await page.getByTestId('nc-match').first().click();
    expect(await page.getByTestId('nc-picked').innerText()).toContain('wang.fang@shop-e2e.test');
    expect(await page.getByTestId('new-customer-name').count()).toBe(0);
    await page.getByTestId('nc-order').selectOption(order.id);
    await screenshot(page, '25-new-complaint-existing-customer');
    await page.getByTestId('new-submit').click();

    await page.getByTestId('complaint-detail').waitFor();
    const number = await page.getByTestId('complaint-number').innerText();
    expect(await page.getByTestId('complaint-detail').innerText()).toContain(order.number);
    const list = await api<{ items: Array<{ number: string; customerId: string; orderId: string | null; category: string; severity: string }> }>(
      'GET', `/api/v1/complaints?customerId=${customer.id}`, agent.token);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ number, customerId: customer.id, orderId: order.id, category: 'safety', severity: 'urgent' });
    expect(pageErrors).toEqual([]);
  });
});
