import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects what a person would call "the page broke": uncaught exceptions and console errors.
 * Chromium also logs every 4xx/5xx fetch as a console error ("Failed to load resource");
 * those are left out, because tests provoke refusals on purpose and assert the UI's message.
 */
export function watchErrors(page: Page, errors: string[], label = ''): void {
  const add = (m: string) => errors.push(label ? `${label}: ${m}` : m);
  page.on('pageerror', (e) => add(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) add(`console: ${m.text()}`);
  });
}

/**
 * A page in its own browser context, already signed in with `token` (put where the app keeps
 * it) and in English, at a laptop size; page errors go to `errors`.
 */
export async function signedInPage(browser: Browser, token: string, errors: string[], label = ''): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([t]) => {
    localStorage.setItem('loopdesk.token', t!);
    localStorage.setItem('loopdesk.locale', 'en');
  }, [token]);
  const page = await context.newPage();
  watchErrors(page, errors, label);
  return { page, context };
}
