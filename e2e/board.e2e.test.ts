import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** The back office's desk and the supervisor's board, driven as their users would. */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

describe('department desk and supervisor board', () => {
  it('the department picks up and answers its task; the supervisor approves a refund and reassigns by dragging', async () => {
    const departments = await api<{ items: Array<{ id: string; code: string }> }>('GET', '/api/v1/departments', h.adminToken);
    const logisticsId = departments.items.find((d) => d.code === 'logistics')!.id;
    const agent = await person('agent', 'Agent Ann', 'ann@e2e.test');
    const depot = await person('department_staff', 'Depot Dan', 'dan@e2e.test', logisticsId);
    const boss = await person('supervisor', 'Sup Sue', 'sue@e2e.test');
    const helper = await person('agent', 'Agent Hugo', 'hugo@e2e.test');

    const c = await api<{ id: string; number: string }>('POST', '/api/v1/complaints', agent.token, {
      channel: 'phone', subject: 'Parcel lost at the depot: tracking frozen for five days and nobody at the hotline can tell me where it is now', description: 'Tracking stopped at the depot 5 days ago.', customer: { name: 'Lin' }, category: 'logistics',
    });
    await api('POST', `/api/v1/complaints/${c.id}/messages`, agent.token, { kind: 'public_reply', body: 'We are checking with the depot.' });
    // The agent transfers it from the complaint view.
    const agentPage = await pageFor(agent.token);
    await agentPage.goto(`${h.server.url}/#/complaints/${c.number}`);
    await agentPage.getByTestId('transfer-department').selectOption('logistics');
    await agentPage.getByTestId('transfer-note').fill('Please locate parcel SO-1 at the depot.');
    await agentPage.getByTestId('transfer-submit').click();
    await expect.poll(() => agentPage.getByTestId('complaint-status').innerText()).toMatch(/Awaiting department/i);

    const desk = await pageFor(depot.token);
    await desk.goto(`${h.server.url}/#/desk`);
    const task = desk.getByTestId('desk-task').filter({ hasText: c.number });
    await task.waitFor();
    expect(await task.innerText()).toContain('Please locate parcel SO-1');
    await task.getByTestId('desk-acknowledge').click();
    await expect.poll(() => task.getAttribute('data-status')).toBe('acknowledged');
    await task.getByTestId('desk-answer').click();
    await task.getByTestId('desk-answer-text').fill('Found it: re-shipped today, tracking SF123.');
    await screenshot(desk, '20-department-desk');
    await task.getByTestId('desk-answer-submit').click();
    await expect.poll(() => desk.getByTestId('desk-task').filter({ hasText: c.number }).count()).toBe(0);
    const after = await api<{ status: string }>('GET', `/api/v1/complaints/${c.id}`, agent.token);
    expect(after.status).toBe('in_progress'); // the answer went back to the front line

    // Above the agent's 200 limit: a request for the supervisor.
    await agentPage.getByTestId('settle-amount').fill('450');
    await agentPage.getByTestId('settle-reason').fill('Parcel re-shipped late; refund shipping and goodwill.');
    await agentPage.getByTestId('settle-submit').click();
    await expect.poll(() => agentPage.getByTestId('settle-result').innerText()).toMatch(/supervisor/i);
    await api('PATCH', `/api/v1/complaints/${c.id}`, boss.token, { tags: ['recovery'] });

    const board = await pageFor(boss.token);
    board.on('dialog', (d) => void d.accept('Within policy for a lost parcel.'));
    await board.goto(`${h.server.url}/#/board`);
    const approval = board.getByTestId('approval-row').filter({ hasText: c.number });
    await approval.waitFor();
    await screenshot(board, '21-supervisor-board');
    await approval.getByTestId('approve').click();
    await expect.poll(() => board.getByTestId('approval-row').filter({ hasText: c.number }).count()).toBe(0);
    const settlements = await api<{ items: Array<{ status: string }> }>('GET', `/api/v1/complaints/${c.id}/settlements`, agent.token);
    expect(settlements.items[0]!.status).not.toBe('pending_approval');

    // Drag the recovery case onto Hugo.
    const card = board.getByTestId('board-recovery').getByTestId('board-complaint').filter({ hasText: c.number });
    await card.waitFor();
    // Rows stay inside their card, also with a long subject (a grid column once grew to the unwrapped subject).
    const column = await board.getByTestId('board-recovery').boundingBox();
    const row = await card.boundingBox();
    expect(row!.x + row!.width).toBeLessThanOrEqual(column!.x + column!.width);
    const hugoRow = board.locator(`[data-testid="team-row"][data-user="${helper.id}"]`);
    await expect.poll(() => hugoRow.getByTestId('team-open').innerText()).toBe('0');
    await card.dragTo(hugoRow);
    await expect.poll(() => hugoRow.getByTestId('team-open').innerText(), { timeout: 5000 }).toBe('1');
    const reassigned = await api<{ assignee: { id: string } | null }>('GET', `/api/v1/complaints/${c.id}`, agent.token);
    expect(reassigned.assignee?.id).toBe(helper.id);
    expect(pageErrors).toEqual([]);
  });
});
