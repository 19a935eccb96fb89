import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server.js';
import { callApi } from './api.js';
import { launchBrowser, signedInPage } from './browser.js';
import { E2E_ADMIN, startE2eServer } from './server.js';

export const PERSON_PASSWORD = 'person-password-1';

export interface StaffHarness {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The bootstrap admin's session. */
  readonly adminToken: string;
  /** Page errors from every page opened with pageFor: a test ends with expect(pageErrors).toEqual([]). */
  readonly pageErrors: string[];
  /** Browser contexts closed after the file; push your own (e.g. a customer's) to have them closed too. */
  readonly contexts: BrowserContext[];
  api: <T>(method: string, path: string, token: string | null, body?: unknown) => Promise<T>;
  /** A staff user made by the admin, signed in through the API. */
  person: (role: string, name: string, email: string, departmentId?: string) => Promise<{ id: string; token: string }>;
  /** A page in its own context, signed in with `token` (see signedInPage). */
  pageFor: (token: string, label?: string) => Promise<Page>;
}

/**
 * What the staff-side browser tests share: registers beforeAll / afterAll that start a server
 * on a fresh in-memory database, launch Chromium and sign the admin in, and close all of it.
 */
export function staffHarness(): StaffHarness {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let adminToken: string | undefined;
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const started = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not started yet (use it inside a test or hook)`);
    return v;
  };
  const h: StaffHarness = {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
    get adminToken() { return started(adminToken, 'admin session'); },
    pageErrors,
    contexts,
    api: (method, path, token, body) => callApi(h.server.url, method, path, token, body),
    person: async (role, name, email, departmentId) => {
      const u = await h.api<{ id: string }>('POST', '/api/v1/users', h.adminToken, { email, name, role, password: PERSON_PASSWORD, ...(departmentId ? { departmentId } : {}) });
      const { token } = await h.api<{ token: string }>('POST', '/api/v1/auth/login', null, { email, password: PERSON_PASSWORD });
      return { id: u.id, token };
    },
    pageFor: async (token, label = '') => {
      const { page, context } = await signedInPage(h.browser, token, pageErrors, label);
      contexts.push(context);
      return page;
    },
  };
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    adminToken = (await h.api<{ token: string }>('POST', '/api/v1/auth/login', null, E2E_ADMIN)).token;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });
  return h;
}
