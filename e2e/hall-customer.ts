import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { watchErrors } from './browser.js';

/** The subject of the sign-in mail carries the code (src/modules/portal/auth/code-texts.ts). */
const CODE_SUBJECT = /(?:验证码|code)[:：]\s*(\d{6})\b/i;

/**
 * The newest one-time sign-in code mailed to `to`, read from the development mail outbox
 * (DATA_DIR/mail-outbox, the email transport's file mode). Other mail to the same address
 * (progress notices) is skipped.
 */
export async function codeFromOutbox(dataDir: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'mail-outbox');
  for (let i = 0; i < 100; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    for (const f of files) {
      const mail = await simpleParser(fs.readFileSync(f));
      const rcpt = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
      const m = CODE_SUBJECT.exec(mail.subject ?? '');
      if (rcpt === to && m) return m[1]!;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in mail to ${to} in the outbox`);
}

/** A customer session the way the hall's sign-in page gets one: a code by email, then verify. */
export async function customerToken(server: RunningServer, email: string, locale: 'zh-CN' | 'en'): Promise<string> {
  await callApi(server.url, 'POST', '/api/v1/portal/auth/code', null, { email, locale });
  const code = await codeFromOutbox(server.ctx.config.DATA_DIR, email);
  return (await callApi<{ token: string }>(server.url, 'POST', '/api/v1/portal/auth/verify', null, { email, code })).token;
}

/**
 * A phone (375×667, touch) in its own browser context, signed in to the hall with `token`
 * (kept where the hall keeps it), in `locale` and the time zone `timezoneId`; page errors go to `errors`.
 */
export async function hallPhonePage(
  browser: Browser, token: string, locale: 'zh-CN' | 'en', timezoneId: string, errors: string[],
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    locale, timezoneId, viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  await context.addInitScript(([t, l]) => {
    localStorage.setItem('loopdesk.hall.token', t!);
    localStorage.setItem('loopdesk.locale', l!);
  }, [token, locale]);
  const page = await context.newPage();
  watchErrors(page, errors, locale);
  page.on('dialog', (d) => {
    errors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, context };
}
