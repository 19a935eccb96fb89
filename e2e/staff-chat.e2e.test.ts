import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { isMessage, TestSocket, type Frame } from '../src/test/ws-client.js';
import { callApi } from './api.js';
import { launchBrowser, screenshot, signedInPage } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

/**
 * A customer chats through the chat WebSocket (as the widget does), the bot hands them over,
 * and an agent on #/chats sees them waiting without reloading, joins, and the two talk live;
 * the agent's reply from the complaint view reaches the customer's chat too.
 */
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const sockets: TestSocket[] = [];
const pageErrors: string[] = [];

const api = <T>(method: string, path: string, token: string | null, body?: unknown) => callApi<T>(server.url, method, path, token, body);

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sockets) await s.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('live chats for agents', () => {
  it('an agent takes a handed-over chat live, talks with the customer, and answers from the complaint too', async () => {
    const admin = await api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN);
    await api('POST', '/api/v1/users', admin.token, { email: 'wang@e2e.test', name: 'Wang Fang', role: 'agent', password: 'agent-password-1' });
    const { token } = await api<{ token: string }>('POST', '/api/v1/auth/login', null, { email: 'wang@e2e.test', password: 'agent-password-1' });
    // A known customer: the chat visitor who leaves this email is matched to them.
    await api('POST', '/api/v1/complaints', admin.token, {
      channel: 'email', subject: 'Late parcel last month', description: 'It came a week late.', customer: { name: 'Lin Hua', email: 'lin.hua@example.com' },
    });

    const { page, context } = await signedInPage(browser, token, pageErrors, 'agent');
    contexts.push(context);
    await page.goto(`${server.url}/#/chats`);
    await page.getByTestId('chats-waiting').waitFor();
    expect(await page.getByTestId('chat-item').count()).toBe(0);

    // The customer chats with the bot, then asks for a person.
    const customer = await TestSocket.open(`${server.url.replace(/^http/, 'ws')}/api/v1/chat/ws?locale=en`);
    sockets.push(customer);
    await customer.next((f) => f.type === 'welcome');
    customer.send({ type: 'message', text: 'My blender arrived broken', clientId: 'c1' });
    await customer.next(isMessage('bot'));
    customer.send({ type: 'message', text: 'I want to talk to a human', clientId: 'c2' });
    await customer.next(isMessage('bot', (b) => /email|phone/i.test(b)));
    customer.send({ type: 'message', text: 'lin.hua@example.com', clientId: 'c3' });
    const waiting = await customer.next((f) => f.type === 'session' && (f.session as { state: string; complaintId: string | null }).complaintId !== null);
    expect((waiting.session as { state: string }).state).toBe('waiting_for_agent');

    // The agent's open page shows the waiting customer and the badge, without a reload.
    const item = page.getByTestId('chats-waiting').getByTestId('chat-item');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.innerText()).toContain('Lin Hua');
    expect(await item.innerText()).toMatch(/Asked for a person/);
    expect(await item.innerText()).toMatch(/waiting \d+m/);
    expect(await page.getByTestId('chats-waiting-count').innerText()).toBe('1');
    await screenshot(page, 'staff-chat-1-waiting');

    await item.getByTestId('chat-join').click();
    await expect.poll(() => page.getByTestId('chat-window').getAttribute('data-state').catch(() => null)).toBe('with_agent');
    await customer.next(isMessage('system', (b) => b.includes('Wang Fang')));
    // The whole conversation, the bot's turns included.
    const transcript = page.getByTestId('chat-transcript');
    await expect.poll(() => transcript.innerText()).toContain('My blender arrived broken');
    expect(await page.locator('[data-testid="chat-line"][data-sender="bot"]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('chats-waiting-count').count()).toBe(0);
    expect(await page.getByTestId('chats-mine').innerText()).toContain('Lin Hua');

    // Both sides, live.
    await page.getByTestId('chat-compose').fill('Hello Lin, I am Wang. Sorry about the blender — let me look.');
    await page.getByTestId('chat-compose').press('Enter');
    await customer.next(isMessage('agent', (b) => b.startsWith('Hello Lin, I am Wang')));
    await expect.poll(() => page.getByTestId('chat-compose').inputValue()).toBe('');
    customer.send({ type: 'message', text: 'Thanks! The jug is cracked.', clientId: 'c4' });
    await expect.poll(() => page.locator('[data-testid="chat-line"][data-sender="customer"]').last().innerText(), { timeout: 10_000 }).toContain('The jug is cracked');
    expect(await page.locator('[data-testid="chat-line"][data-sender="agent"]').count()).toBe(1);
    await screenshot(page, 'staff-chat-2-conversation');
    // Tablet width: the lists stack above the open chat, the composer stays usable.
    await page.setViewportSize({ width: 820, height: 1100 });
    expect(await page.getByTestId('chat-send').isVisible()).toBe(true);
    await screenshot(page, 'staff-chat-2-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The complaint behind the chat: a public reply there is said in the chat as well.
    const link = page.getByTestId('chat-complaint-link');
    const number = (await link.getAttribute('href'))!.split('/').pop()!;
    await link.click();
    await page.getByTestId('complaint-detail').waitFor();
    expect(await page.getByTestId('complaint-detail').getAttribute('data-number')).toBe(number);
    await page.getByTestId('reply-box').fill('We are sending a replacement blender today.');
    const from = customer.frames.length;
    await page.getByTestId('reply-submit').click();
    await customer.next(isMessage('agent', (b) => b === 'We are sending a replacement blender today.'), 10_000, from);
    await expect.poll(() => page.locator('[data-testid="message"][data-kind="public_reply"]').allInnerTexts().then((t) => t.join('\n'))).toContain('replacement blender');
    await screenshot(page, 'staff-chat-3-complaint-reply');

    // Back in the chat: the reply is there once; ending the chat tells the customer.
    await page.goto(`${server.url}/#/chats`);
    await page.getByTestId('chats-mine').getByTestId('chat-item').first().click();
    await expect.poll(() => transcript.innerText()).toContain('replacement blender');
    expect((await transcript.innerText()).split('replacement blender').length - 1).toBe(1);
    await page.getByTestId('chat-close').click();
    await page.getByTestId('chat-close-confirm').click();
    await page.getByTestId('chat-ended').waitFor();
    await customer.next((f: Frame) => f.type === 'session' && (f.session as { state: string }).state === 'closed');
    expect(pageErrors).toEqual([]);
  });
});
