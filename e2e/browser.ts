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
  page.on('pageerror', (e) => errors.push(label ? `${label}: ${e.message}` : e.message));
  return { page, context };
}
