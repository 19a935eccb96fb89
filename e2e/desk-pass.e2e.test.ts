import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { staffHarness } from './staff-harness.js';

/** The department desk's "Pass to…" and "Return to agent", driven by the back-office staff who use it. */
const h = staffHarness();
const { api, person, pageFor, pageErrors } = h;

const CONTACT_EMAIL = 'wei.private@example.org';
const CONTACT_PHONE = '13912345678';

describe('department desk: pass and return', () => {
  it('logistics passes a task to finance, finance answers, the agent has the case back with the answer', async () => {
    const departments = await api<{ items: Array<{ id: string; code: string }> }>('GET', '/api/v1/departments', h.adminToken);
    const idOf = (code: string) => departments.items.find((d) => d.code === code)!.id;
    const agent = await person('agent', 'Agent Ann', 'ann@desk.test');
    const depot = await person('department_staff', 'Depot Dan', 'dan@desk.test', idOf('logistics'));
    const money = await person('department_staff', 'Finance Fay', 'fay@desk.test', idOf('finance'));
    const boss = await person('supervisor', 'Sup Sue', 'sue@desk.test');

    // Two cases the agent owns, both handed to logistics.
    async function caseForLogistics(subject: string, note: string) {
      const c = await api<{ id: string; number: string }>('POST', '/api/v1/complaints', agent.token, {
        channel: 'web', subject, description: `${subject}. Please help.`, category: 'other',
        customer: { name: 'Wei', email: CONTACT_EMAIL, phone: CONTACT_PHONE },
      });
      await api('PATCH', `/api/v1/complaints/${c.id}`, agent.token, { assigneeId: agent.id });
      const h = await api<{ id: string }>('POST', `/api/v1/complaints/${c.id}/handoffs`, agent.token, { department: 'logistics', note });
      return { ...c, handoffId: h.id };
    }
    const refund = await caseForLogistics('Courier fee charged twice', 'Was the courier fee charged twice?');
    const other = await caseForLogistics('Parcel damaged', 'Check the parcel photos.');

    // Logistics: the task shows the case without the customer's contact details.
    const desk = await pageFor(depot.token, 'logistics');
    await desk.goto(`${h.server.url}/#/desk`);
    const task = desk.getByTestId('desk-task').filter({ hasText: refund.number });
    await task.waitFor();
    expect(await task.getByTestId('desk-context').innerText()).toContain('Wei');
    const deskText = await desk.getByTestId('department-desk').innerText();
    expect(deskText).not.toContain(CONTACT_EMAIL);
    expect(deskText).not.toContain(CONTACT_PHONE);

    // Pass to finance, with a note and a confirmation step.
    await task.getByTestId('desk-pass').click();
    const passForm = task.getByTestId('desk-pass-form');
    const options = await passForm.getByTestId('desk-pass-department').locator('option').allInnerTexts();
    expect(options.join('|')).toMatch(/Finance/i);
    expect(options.join('|')).not.toMatch(/Logistics/i); // not to itself
    await passForm.getByTestId('desk-pass-department').selectOption('finance');
    await passForm.getByTestId('desk-pass-note').fill('Double courier fee: this is a refund for finance. Depot charged once only.');
    await passForm.getByTestId('desk-pass-next').click();
    await expect.poll(() => passForm.getByTestId('desk-pass-confirm').innerText()).toMatch(new RegExp(`Pass ${refund.number} to Finance`, 'i'));
    await screenshot(desk, '30-desk-pass-confirm');
    await passForm.getByTestId('desk-pass-do').click();
    await expect.poll(() => desk.getByTestId('desk-task').filter({ hasText: refund.number }).count()).toBe(0);

    // A conflict shows as an error, not a silent failure: the supervisor passes the other task first.
    const otherTask = desk.getByTestId('desk-task').filter({ hasText: other.number });
    await otherTask.getByTestId('desk-return').click();
    await otherTask.getByTestId('desk-return-note').fill('Not ours: no photos attached.');
    await otherTask.getByTestId('desk-return-next').click();
    await expect.poll(() => otherTask.getByTestId('desk-return-confirm').innerText()).toMatch(new RegExp(`Return ${other.number} to Agent Ann`));
    await api('POST', `/api/v1/handoffs/${other.handoffId}/pass`, boss.token, { department: 'quality', note: 'Quality inspects damage.' });
    await otherTask.getByTestId('desk-return-do').click();
    await expect.poll(() => otherTask.getByTestId('error').innerText()).toMatch(/passed on/i);
    await screenshot(desk, '31-desk-return-conflict');

    // Finance: the task is on their desk, marked as passed on by logistics; they answer it.
    const financeDesk = await pageFor(money.token, 'finance');
    await financeDesk.goto(`${h.server.url}/#/desk`);
    const passed = financeDesk.getByTestId('desk-task').filter({ hasText: refund.number });
    await passed.waitFor();
    expect(await passed.getByTestId('desk-passed-from').innerText()).toMatch(/Logistics/i);
    expect(await passed.innerText()).toContain('Double courier fee: this is a refund for finance.');
    // at a tablet width, with the pass form open
    await financeDesk.setViewportSize({ width: 820, height: 1100 });
    await passed.getByTestId('desk-pass').click();
    await passed.getByTestId('desk-pass-form').waitFor();
    await screenshot(financeDesk, '32-desk-passed-task-tablet');
    await passed.getByTestId('desk-pass').click(); // closes it again
    await passed.getByTestId('desk-answer').click();
    await passed.getByTestId('desk-answer-text').fill('Refunded the second courier fee: 15 CNY, reference RF-88.');
    await passed.getByTestId('desk-answer-submit').click();
    await expect.poll(() => financeDesk.getByTestId('desk-task').filter({ hasText: refund.number }).count()).toBe(0);

    // The agent's case is back in progress with the answer (API and UI).
    const back = await api<{ status: string }>('GET', `/api/v1/complaints/${refund.id}`, agent.token);
    expect(back.status).toBe('in_progress');
    const msgs = await api<{ items: Array<{ kind: string; body: string }> }>('GET', `/api/v1/complaints/${refund.id}/messages`, agent.token);
    expect(msgs.items).toContainEqual(expect.objectContaining({ kind: 'internal_note', body: 'Refunded the second courier fee: 15 CNY, reference RF-88.' }));
    const events = await api<{ items: Array<{ type: string; data: Record<string, unknown> }> }>('GET', `/api/v1/complaints/${refund.id}/events`, agent.token);
    expect(events.items.find((e) => e.type === 'handoff.passed')?.data).toMatchObject({ department: 'logistics', toDepartment: 'finance' });

    const agentPage = await pageFor(agent.token, 'agent');
    await agentPage.goto(`${h.server.url}/#/complaints/${refund.number}`);
    await expect.poll(() => agentPage.getByTestId('complaint-status').innerText()).toMatch(/In progress/i);
    await expect.poll(() => agentPage.getByTestId('message').filter({ hasText: 'reference RF-88' }).count()).toBe(1);
    await screenshot(agentPage, '33-agent-case-back-with-answer');
    expect(pageErrors).toEqual([]);
  });
});
