import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { createTestDatabase, testDbKind } from '../../test/test-database.js';
import { startTwoInstances } from '../../test/two-instances.js';
import { createSession } from './sessions.js';

// A long cache lifetime: whatever the tests see change must come from eviction, not from expiry.
const LONG = { AUTH_CACHE_MS: '60000' };

let t: TestApp;
let admin: { id: string; token: string };
beforeAll(async () => {
  t = await createTestApp({ config: LONG });
  admin = await t.user('admin');
});
afterAll(() => t.stop());

const me = (token: string) => t.request('GET', '/api/v1/auth/me', { token });
type Me = { principal: { role?: string; departmentId?: string | null } };

describe('cached principals on one instance', () => {
  it('a role change by an admin applies to the very next request of that user', async () => {
    const agent = await t.user('agent');
    expect(json<Me>(await me(agent.token)).principal.role).toBe('agent'); // now cached
    const res = await t.request('PATCH', `/api/v1/users/${agent.id}`, { token: admin.token, body: { role: 'supervisor' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Me>(await me(agent.token)).principal.role).toBe('supervisor');
  });

  it('a moved department applies at once (department staff see another queue)', async () => {
    const staff = await t.user('department_staff', { department: 'logistics' });
    expect(json<Me>(await me(staff.token)).principal.departmentId).toBe(await t.departmentId('logistics'));
    const finance = await t.departmentId('finance');
    const res = await t.request('PATCH', `/api/v1/users/${staff.id}`, { token: admin.token, body: { departmentId: finance } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Me>(await me(staff.token)).principal.departmentId).toBe(finance);
  });

  it('deleting a customer ends their cached portal session', async () => {
    const c = await t.customer();
    expect((await me(c.token)).statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/v1/customers/${c.id}`, { token: admin.token })).statusCode).toBe(200);
    expect((await me(c.token)).statusCode).toBe(401);
  });
});

describe.runIf(testDbKind === 'postgres')('cached principals across instances', () => {
  it('logout on instance A is refused on instance B, which had the token cached', async () => {
    const { url, drop } = await createTestDatabase();
    const two = await startTwoInstances(url!, new ManualClock(), { scheduler: false, config: LONG });
    try {
      const [u] = await two.a.ctx.db.query<{ id: string }>(`insert into users (email, name, role) values ('cache@x.test', 'Cache', 'agent') returning id`);
      const { token } = await createSession(two.a.ctx.db, { userId: u!.id }, { kind: 'session', expiresAt: null });
      const on = (s: typeof two.a, method: 'GET' | 'POST', url: string) =>
        s.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
      expect((await on(two.b, 'GET', '/api/v1/auth/me')).statusCode).toBe(200); // cached on B
      expect((await on(two.a, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      // B hears it over LISTEN/NOTIFY: within moments, far inside the 60 s cache lifetime.
      const deadline = Date.now() + 5000;
      let status = 200;
      while (Date.now() < deadline && status === 200) {
        status = (await on(two.b, 'GET', '/api/v1/auth/me')).statusCode;
        if (status === 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
    } finally {
      await two.stop();
      await drop();
    }
  });
});
