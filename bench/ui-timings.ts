/**
 * The staff UI as a person meets it, in headless Chromium against a server on the generated
 * database: time from pressing "Sign in" to the agent queue showing its rows, and time from a
 * change made by someone else (an internal note through the API) to it appearing on another
 * person's open complaint page (the live update). Needs `npm run build:web` first.
 */
import { launchBrowser } from '../e2e/browser.js';
import { percentile, progress, round, withTarget, type Figure } from './report.js';
import type { ServerProcess } from './server-process.js';

const ADMIN = { email: 'admin@bench.loopdesk.test', password: 'bench-admin-password' };

export async function runUiTimings(server: ServerProcess, o: { database: 'postgres' | 'pglite'; complaints: number; runs: number; complaintIds: string[] }): Promise<Figure[]> {
  const browser = await launchBrowser();
  const common = { database: o.database, complaints: o.complaints, runs: o.runs };
  const login: number[] = [];
  const live: number[] = [];
  try {
    for (let i = 0; i < o.runs; i++) {
      // Sign-in to interactive queue, in a fresh context each time (nothing cached but the HTTP cache of a new profile).
      const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(`${server.baseUrl}/#/login`);
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      const t0 = Date.now();
      await page.getByTestId('login-submit').click();
      await page.getByTestId('complaint-row').first().waitFor({ timeout: 30_000 });
      login.push(Date.now() - t0);

      // Live update: this person has a complaint open; someone else adds a note.
      const id = o.complaintIds[i % o.complaintIds.length]!;
      await page.goto(`${server.baseUrl}/#/complaints/${id}`);
      await page.getByTestId('complaint-description').waitFor({ timeout: 30_000 });
      const marker = `bench live ${Date.now()}-${i}`;
      await page.waitForTimeout(300); // the live socket subscribes after the page settles
      // The page itself notes when the text appears (a MutationObserver, same wall clock as
      // this process): Playwright's own polling backs off to 500 ms steps and would add that.
      await page.evaluate((text) => {
        const w = window as unknown as { __seenAt?: number };
        delete w.__seenAt;
        const obs = new MutationObserver(() => {
          if (document.body.innerText.includes(text)) {
            w.__seenAt = Date.now();
            obs.disconnect();
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, marker);
      const t1 = Date.now();
      const res = await fetch(`${server.baseUrl}/api/v1/complaints/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ kind: 'internal_note', body: marker }),
      });
      if (!res.ok) throw new Error(`note → ${res.status} ${await res.text()}`);
      await page.getByText(marker).first().waitFor({ timeout: 30_000 });
      const seenAt = await page.evaluate(() => (window as unknown as { __seenAt?: number }).__seenAt ?? Date.now());
      live.push(seenAt - t1);
      await ctx.close();
      progress(`ui on ${o.database}: run ${i + 1}/${o.runs} sign-in→queue ${login.at(-1)} ms, live ${live.at(-1)} ms`);
    }
  } finally {
    await browser.close();
  }
  const sortedLogin = [...login].sort((a, b) => a - b);
  const sortedLive = [...live].sort((a, b) => a - b);
  return [
    withTarget({ name: `ui.${o.database}.signin_to_queue_p95`, value: round(percentile(sortedLogin, 95)), unit: 'ms', ...common, median: percentile(sortedLogin, 50),
      what: 'headless Chromium: click Sign in → first queue row rendered (login, /auth/me, queue API, countdowns)' }, '<=', 2000),
    withTarget({ name: `ui.${o.database}.live_update_p95`, value: round(percentile(sortedLive, 95)), unit: 'ms', ...common, median: percentile(sortedLive, 50),
      what: 'note added through the API by another user → visible on the open complaint page (commit, NOTIFY, WebSocket, re-read, render)' }, '<=', 1000),
  ];
}
