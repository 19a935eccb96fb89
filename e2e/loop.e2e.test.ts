import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPglite } from '../src/db/pglite-database.js';
import type { Database } from '../src/db/database.js';
import { runSurveySweep } from '../src/modules/surveys/survey-sweep.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { testConfig } from '../src/test/test-app.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, signedInPage, watchErrors } from './browser.js';
import { E2E_ADMIN } from './server.js';
import { codeFromOutbox } from './hall-customer.js';

/**
 * The whole loop across roles, each in its own browser context: a customer complains to the
 * bot in the service hall and is handed over → an agent takes it from the top of the queue
 * (customer 360 beside it) → transfers it to logistics → logistics answers on its desk → the
 * agent asks for a refund above their limit → a supervisor approves on the board → the agent
 * resolves → the survey comes back unsatisfied → the case reopens onto the board's recovery list.
 */

const CUSTOMER = { name: '王小明', email: 'xiaoming@example.com' };
const ORDER = 'E-20260301';

let db: Database;
let server: RunningServer;
let dataDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let adminToken: string;
let customerPage: Page;

const api = <T>(method: string, p: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, p, token, body);

/** A free local port, so the links the server writes (survey, sign-in) point back at it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function person(role: string, name: string, email: string, departmentId?: string): Promise<{ id: string; token: string }> {
  const u = await api<{ id: string }>('POST', '/api/v1/users', adminToken, { email, name, role, password: 'person-password-1', ...(departmentId ? { departmentId } : {}) });
  const { token } = await api<{ token: string }>('POST', '/api/v1/auth/login', null, { email, password: 'person-password-1' });
  return { id: u.id, token };
}

async function staffPage(token: string, label: string): Promise<Page> {
  const { page, context } = await signedInPage(browser, token, pageErrors, label);
  contexts.push(context);
  page.on('dialog', (d) => {
    if (d.type() !== 'prompt') pageErrors.push(`${label}: unexpected ${d.type()}: ${d.message()}`);
  });
  return page;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-e2e-'));
  const port = await freePort();
  db = await openPglite(null);
  server = await startServer(
    testConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir }),
    { db, listen: true, scheduler: true },
  );
  browser = await launchBrowser();
  adminToken = (await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;

  // The customer and their order, as the shop's systems would record them.
  const customer = await api<{ id: string }>('POST', '/api/v1/customers', adminToken, { ...CUSTOMER, locale: 'zh-CN' });
  await api('POST', '/api/v1/orders', adminToken, {
    number: ORDER, customerId: customer.id, items: [{ name: '蓝牙耳机', quantity: 1, price: 599 }], amount: 599, status: 'shipped',
    placedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
  });
  // One knowledge-base article for the bot to answer from.
  const article = await api<{ id: string }>('POST', '/api/v1/kb/manage/articles', adminToken, {
    slug: 'refund-timeline', category: 'refund',
    versions: {
      'zh-CN': { title: '退款多久到账？', body: '退款审核通过后，款项会**原路退回**：支付宝 / 微信 1–3 个工作日，银行卡 3–7 个工作日。' },
      en: { title: 'How long does a refund take?', body: 'Once approved, the money goes **back to the original payment method** within 1–7 working days.' },
    },
  });
  await api('POST', `/api/v1/kb/manage/articles/${article.id}/publish`, adminToken, {});
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the closed loop, across roles (Chromium)', () => {
  it('the customer signs in to the hall; the bot panel offers choices, answers from the knowledge base and knows the order', async () => {
    // A tablet, in Chinese, signing in with the emailed code like a person.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 768, height: 1024 }, hasTouch: true });
    contexts.push(context);
    customerPage = await context.newPage();
    const page = customerPage;
    watchErrors(page, pageErrors, 'customer');
    page.on('dialog', (d) => {
      pageErrors.push(`customer: unexpected dialog ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${server.url}/hall`);
    await page.getByTestId('signin-address').fill(CUSTOMER.email);
    await page.getByTestId('signin-send').click();
    await page.getByTestId('signin-code').waitFor();
    await page.getByTestId('signin-code').fill(await codeFromOutbox(dataDir, CUSTOMER.email));
    await page.getByTestId('signin-verify').click();
    await page.getByTestId('hall-home').waitFor();

    const panel = page.getByTestId('bot-panel');
    expect(await panel.innerText()).toContain('在线咨询');
    await panel.getByTestId('bot-open').click();
    const lines = panel.getByTestId('bot-message');

    // A vague word → clarifying choices; picking one → the answer from the knowledge base.
    await panel.getByTestId('bot-input').fill('退款');
    await panel.getByTestId('bot-send').click();
    await expect.poll(() => panel.getByTestId('bot-option').allInnerTexts()).toContain('退款多久到账');
    await panel.getByTestId('bot-option').filter({ hasText: '退款多久到账' }).click();
    const answer = lines.filter({ has: page.getByTestId('bot-article-open') });
    await answer.waitFor();
    expect(await answer.innerText()).toContain('退款多久到账？');
    await answer.getByTestId('bot-article-open').click();
    await expect.poll(() => answer.getByTestId('bot-article').innerText()).toContain('原路退回');
    expect(await answer.getByTestId('bot-article-open').getAttribute('aria-expanded')).toBe('true');
    // "Did it help?" — yes.
    await expect.poll(() => panel.getByTestId('bot-option').allInnerTexts()).toEqual(['是', '否']);
    await screenshot(page, 'loop-01-bot-kb-answer');
    await panel.getByTestId('bot-option').filter({ hasText: '是' }).click();
    await expect.poll(() => lines.last().innerText()).toContain('很高兴帮到您');
    expect(await panel.getByTestId('bot-options').count()).toBe(0);

    // Order status from the customer's own orders.
    await panel.getByTestId('bot-input').fill('我的订单到哪了？');
    await panel.getByTestId('bot-input').press('Enter');
    await expect.poll(() => lines.last().innerText()).toContain(`订单 ${ORDER}：已发货`);
    expect(await panel.getAttribute('data-state')).toBe('bot');
    expect(await page.getByTestId('bot-handover').count()).toBe(0);
    await screenshot(page, 'loop-02-bot-order-status');

    // A reload resumes this tab's conversation; the hall's language switch drives the panel too.
    const before = await lines.count();
    await page.reload();
    await page.getByTestId('hall-home').waitFor();
    await expect.poll(() => panel.getAttribute('data-link')).toBe('open');
    expect(await lines.count()).toBe(before);
    expect(await lines.last().innerText()).toContain(`订单 ${ORDER}`);
    await page.getByTestId('hall-locale').selectOption('en');
    await expect.poll(() => panel.locator('h2').innerText()).toBe('Ask us');
    expect(await panel.getByTestId('bot-send').innerText()).toBe('Send');
    await page.getByTestId('hall-locale').selectOption('zh-CN');
    await expect.poll(() => panel.locator('h2').innerText()).toBe('在线咨询');
    expect(pageErrors).toEqual([]);
  });

  it('complaint → hand-over → queue → transfer → department → approval → resolution → unhappy survey → recovery', { timeout: 240_000 }, async () => {
    const departments = await api<{ items: Array<{ id: string; code: string }> }>('GET', '/api/v1/departments', adminToken);
    const logisticsId = departments.items.find((d) => d.code === 'logistics')!.id;
    const agent = await person('agent', 'Agent Ann', 'ann@loop.test');
    const depot = await person('department_staff', 'Depot Dan', 'dan@loop.test', logisticsId);
    const boss = await person('supervisor', 'Sup Sue', 'sue@loop.test');
    // Older work in the queue that already had its first answer: less urgent than a fresh complaint.
    for (const subject of ['发票抬头错了', '优惠券没有生效']) {
      const c = await api<{ id: string }>('POST', '/api/v1/complaints', adminToken, {
        channel: 'email', subject, description: `${subject}，请处理。`, customer: { name: '李雷', email: 'lilei@example.com' },
      });
      await api('POST', `/api/v1/complaints/${c.id}/messages`, adminToken, { kind: 'public_reply', body: '已收到，正在处理。' });
    }

    // 1. The customer complains to the bot and asks for a person.
    const hall = customerPage;
    const panel = hall.getByTestId('bot-panel');
    await panel.getByTestId('bot-restart').click();
    expect(await panel.getByTestId('bot-message').count()).toBe(0);
    await panel.getByTestId('bot-input').fill('我的快递丢了，转人工');
    await panel.getByTestId('bot-send').click();
    await expect.poll(() => panel.getByTestId('bot-message').last().innerText()).toContain('正在为您转接人工客服');
    const handover = panel.getByTestId('bot-handover');
    await handover.waitFor();
    const number = (await handover.getAttribute('data-number'))!;
    expect(number).toMatch(/^C-\d{4}-\d+$/);
    expect(await handover.innerText()).toContain(`投诉编号 ${number}`);
    expect(await panel.getAttribute('data-state')).toBe('waiting_for_agent');
    // The first screen now lists it among the customer's complaints.
    await expect.poll(() => hall.getByTestId('hall-complaint').allInnerTexts()).toEqual([expect.stringContaining(number)]);
    await screenshot(hall, 'loop-03-bot-handover');
    const complaint = await api<{ id: string; channel: string; category: string; status: string; customer: { name: string } }>('GET', `/api/v1/complaints/${number}`, agent.token);
    expect(complaint).toMatchObject({ channel: 'chat', category: 'logistics', status: 'new', customer: { name: CUSTOMER.name } });
    const events = await api<{ items: Array<{ type: string }> }>('GET', `/api/v1/complaints/${complaint.id}/events`, agent.token);
    expect(events.items.map((e) => e.type)).toContain('bot.handover');

    // 2. The agent finds it at the top of the queue and opens it: transcript and customer 360.
    const desk = await staffPage(agent.token, 'agent');
    await desk.goto(`${server.url}/#/complaints`);
    const firstRow = desk.getByTestId('complaint-row').first();
    await expect.poll(() => firstRow.getAttribute('data-number')).toBe(number);
    expect(await desk.getByTestId('complaint-row').count()).toBe(3);
    await screenshot(desk, 'loop-04-queue');
    // The complaint view names departments in three places (header, timeline, transfer form): one request serves them all.
    const departmentRequests: string[] = [];
    desk.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/departments') departmentRequests.push(r.url());
    });
    await firstRow.click();
    const detail = desk.locator(`[data-testid="complaint-detail"][data-number="${number}"]`);
    await detail.waitFor();
    await expect.poll(() => desk.getByTestId('message').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('我的快递丢了，转人工'), expect.stringContaining('正在为您转接人工客服')]),
    );
    const c360 = desk.getByTestId('customer-360');
    await expect.poll(() => c360.innerText()).toContain(CUSTOMER.name);
    expect(await c360.innerText()).toContain(ORDER);
    expect(await c360.innerText()).toContain(CUSTOMER.email);
    await expect.poll(() => desk.getByTestId('transfer-department').locator('option').count()).toBeGreaterThan(2);
    expect(departmentRequests).toHaveLength(1);
    await desk.getByTestId('assign-me').click();
    await expect.poll(async () => (await api<{ assignee: { id: string } | null }>('GET', `/api/v1/complaints/${complaint.id}`, agent.token)).assignee?.id).toBe(agent.id);
    // The timeline says who it was assigned to by name, not by id.
    const assignedLine = desk.locator('[data-testid="timeline-event"][data-type="complaint.assigned"]').last();
    await expect.poll(() => assignedLine.innerText()).toContain('→ Agent Ann');
    expect(await assignedLine.innerText()).not.toContain(agent.id);
    await screenshot(desk, 'loop-05-detail-customer-360');

    // The agent's chat line reaches the customer's open panel live (no staff chat screen yet: the chat API).
    const sessions = await api<{ items: Array<{ id: string; complaintId: string | null }> }>('GET', '/api/v1/chat/sessions', agent.token);
    const chat = sessions.items.find((s) => s.complaintId === complaint.id)!;
    await api('POST', `/api/v1/chat/sessions/${chat.id}/messages`, agent.token, { text: '您好，我是 Ann，正在联系物流核实您的包裹。' });
    await expect.poll(() => panel.locator('[data-testid="bot-message"][data-sender="agent"]').innerText()).toContain('正在联系物流核实');
    await expect.poll(() => panel.getAttribute('data-state')).toBe('with_agent');
    expect(await handover.innerText()).toContain('人工客服正在为您服务');
    await screenshot(hall, 'loop-06-agent-live-in-hall');

    // 3. Transfer to logistics from the side panel.
    await desk.getByTestId('transfer-department').selectOption('logistics');
    await desk.getByTestId('transfer-note').fill('请核实包裹 E-20260301 在哪个网点丢失，能否补发。');
    await desk.getByTestId('transfer-submit').click();
    await expect.poll(() => desk.getByTestId('complaint-status').innerText()).toMatch(/Awaiting department/i);
    await screenshot(desk, 'loop-07-transferred');

    // 4. Logistics picks the task up on its desk and answers.
    const depotPage = await staffPage(depot.token, 'logistics');
    await depotPage.goto(`${server.url}/#/desk`);
    const task = depotPage.getByTestId('desk-task').filter({ hasText: number });
    await task.waitFor();
    expect(await task.innerText()).toContain('在哪个网点丢失');
    await task.getByTestId('desk-acknowledge').click();
    await expect.poll(() => task.getAttribute('data-status')).toBe('acknowledged');
    await task.getByTestId('desk-answer').click();
    await task.getByTestId('desk-answer-text').fill('包裹在转运中心遗失，已确认丢件，建议全额退款。');
    await screenshot(depotPage, 'loop-08-logistics-desk');
    await task.getByTestId('desk-answer-submit').click();
    await expect.poll(() => depotPage.getByTestId('desk-task').filter({ hasText: number }).count()).toBe(0);
    await expect.poll(() => desk.getByTestId('complaint-status').innerText()).toMatch(/In progress/i);

    // 5. A refund above the agent's limit (200) goes to a supervisor.
    await desk.getByTestId('settle-kind').selectOption('refund');
    await desk.getByTestId('settle-amount').fill('599');
    await desk.getByTestId('settle-reason').fill('包裹丢失，全额退款。');
    await desk.getByTestId('settle-submit').click();
    await expect.poll(() => desk.getByTestId('settle-result').innerText()).toMatch(/supervisor/i);
    await screenshot(desk, 'loop-09-refund-requested');

    // 6. The supervisor approves on the board (the reason is asked in a prompt).
    const board = await staffPage(boss.token, 'supervisor');
    const prompts: string[] = [];
    board.on('dialog', (d) => {
      prompts.push(d.message());
      void d.accept('丢件属实，全额退款符合政策。');
    });
    await board.goto(`${server.url}/#/board`);
    const approval = board.getByTestId('approval-row').filter({ hasText: number });
    await approval.waitFor();
    expect(await approval.innerText()).toContain('599');
    await screenshot(board, 'loop-10-board-approval');
    await approval.getByTestId('approve').click();
    await expect.poll(() => board.getByTestId('approval-row').filter({ hasText: number }).count()).toBe(0);
    expect(prompts).toHaveLength(1);
    const settlements = await api<{ items: Array<{ status: string; amount: number }> }>('GET', `/api/v1/complaints/${complaint.id}/settlements`, agent.token);
    expect(settlements.items).toHaveLength(1);
    expect(settlements.items[0]).toMatchObject({ amount: 599 });
    expect(settlements.items[0]!.status).not.toBe('pending_approval');

    // 7. The agent resolves with a resolution code.
    await desk.reload();
    await detail.waitFor();
    await desk.getByTestId('status-select').selectOption('resolved');
    await desk.getByTestId('resolution-code').selectOption('refunded');
    await desk.getByTestId('status-reason').fill('已全额退款 599 元。');
    await desk.getByTestId('status-submit').click();
    await expect.poll(() => desk.getByTestId('complaint-status').innerText()).toMatch(/Resolved/i);
    await screenshot(desk, 'loop-11-resolved');
    const resolved = await api<{ status: string; resolutionCode: string | null }>('GET', `/api/v1/complaints/${complaint.id}`, agent.token);
    expect(resolved).toMatchObject({ status: 'resolved', resolutionCode: 'refunded' });

    // 8. The survey: scheduled 24 h after resolution; the sweep sends it once that time has come.
    const scheduled = await api<{ items: Array<{ id: string; status: string; sendAt: string; resolvedAt: string }> }>('GET', `/api/v1/complaints/${complaint.id}/surveys`, agent.token);
    expect(scheduled.items).toHaveLength(1);
    const survey = scheduled.items[0]!;
    expect(survey.status).toBe('scheduled');
    expect(Date.parse(survey.sendAt) - Date.parse(survey.resolvedAt)).toBe(24 * 3_600_000);
    // A day passes: the survey's send time is brought to now (the timing itself is covered by the survey tests).
    await db.query('update surveys set send_at = $2 where id = $1', [survey.id, new Date()]);
    await runSurveySweep(server.ctx);
    await expect.poll(async () => (await api<{ items: Array<{ status: string }> }>('GET', `/api/v1/complaints/${complaint.id}/surveys`, agent.token)).items[0]!.status).toBe('sent');

    // The customer finds the survey on the complaint's progress page (in-app for a chat complaint).
    await hall.getByTestId('bot-progress-link').click();
    await hall.getByTestId('hall-progress').waitFor();
    expect(await hall.getByTestId('hall-progress').innerText()).toContain(number);
    await expect.poll(() => hall.locator('[data-testid="hall-message"][data-from="staff"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('正在联系物流核实')]),
    );
    await hall.getByTestId('hall-rate').waitFor();
    await screenshot(hall, 'loop-12-hall-rate');
    await hall.getByTestId('hall-rate').click();
    await hall.getByTestId('survey-complaint').waitFor();
    expect(await hall.getByTestId('survey-complaint').innerText()).toContain(number);
    await hall.getByTestId('survey-csat-1').click();
    await hall.getByTestId('survey-nps-2').click();
    await hall.getByTestId('survey-comment').fill('退款说好了却还没到账，也没人告诉我进度。');
    await screenshot(hall, 'loop-13-survey-unhappy');
    await hall.getByTestId('survey-submit').click();
    await hall.getByTestId('survey-done').waitFor();
    expect(await hall.getByTestId('survey-done').innerText()).toContain('主管');

    // 9. The case is reopened and on the supervisor's recovery list.
    const reopened = await api<{ status: string; tags: string[] }>('GET', `/api/v1/complaints/${complaint.id}`, agent.token);
    expect(reopened.status).toBe('reopened');
    expect(reopened.tags).toContain('recovery');
    await board.reload();
    const recovery = board.getByTestId('board-recovery').getByTestId('board-complaint').filter({ hasText: number });
    await recovery.waitFor();
    await screenshot(board, 'loop-14-board-recovery');
    await expect.poll(() => desk.getByTestId('complaint-status').innerText()).toMatch(/Reopened/i);
    const types = (await api<{ items: Array<{ type: string }> }>('GET', `/api/v1/complaints/${complaint.id}/events`, agent.token)).items.map((e) => e.type);
    for (const t of ['bot.handover', 'survey.requested', 'survey.answered']) expect(types).toContain(t);
    expect(pageErrors).toEqual([]);
  });
});
