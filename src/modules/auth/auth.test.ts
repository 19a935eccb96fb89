import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN_PASSWORD, createTestApp, json, type TestApp } from '../../test/test-app.js';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL } from './login.js';

const ADMIN_EMAIL = 'admin@test.local';
const HOUR = 3_600_000;

type LoginBody = { token: string; expiresAt: string | null; user: { id: string; email: string; role: string; active: boolean } };
type Me = { principal: { kind: string; userId?: string; customerId?: string; role?: string } };
type ApiToken = { id: string; token: string; name: string; userId: string; expiresAt: string | null };

let t: TestApp;
let admin: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
});
afterAll(() => t.stop());

function login(app: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return app.request('POST', '/api/v1/auth/login', { body: { email, password }, headers });
}

function me(app: TestApp, token: string | null, headers: Record<string, string> = {}) {
  return app.request('GET', '/api/v1/auth/me', { token, headers });
}

/** Asserts the DESIGN §6 error shape, the status and the stable code. */
function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json<{ error: { code: string; message: string; details: unknown[] } }>(res);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error;
}

/** A staff user with a password, created through the admin API. */
async function userWithPassword(app: TestApp, adminToken: string, role = 'agent', password = 'correct horse battery') {
  const email = `${role}-${Math.random().toString(36).slice(2)}@test.local`;
  const res = await app.request('POST', '/api/v1/users', { token: adminToken, body: { email, name: `Pw ${role}`, role, password } });
  expect(res.statusCode, res.body).toBe(201);
  return { id: json<{ id: string }>(res).id, email, password };
}

describe('login', () => {
  it('signs in the bootstrap admin and returns {token, user}', async () => {
    const res = await login(t, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<LoginBody>(res);
    expect(body.token).toMatch(/^lds_[A-Za-z0-9_-]{20,}$/);
    expect(body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin', active: true });
    expect(body.user).not.toHaveProperty('password_hash');
    expect(body.user).not.toHaveProperty('passwordHash');
    // the session lasts SESSION_TTL_HOURS (12) from the clock's now
    expect(body.expiresAt).toBe(new Date(t.clock.now().getTime() + 12 * HOUR).toISOString());
  });

  it('matches the email case-insensitively', async () => {
    const res = await login(t, ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a wrong password and an unknown email get the same 401 invalid_credentials', async () => {
    const wrong = expectError(await login(t, ADMIN_EMAIL, 'not-the-password'), 401, 'invalid_credentials');
    const unknown = expectError(await login(t, 'nobody@test.local', ADMIN_PASSWORD), 401, 'invalid_credentials');
    expect(unknown).toEqual(wrong);
  });

  it('a login body with missing fields, extra fields or control characters is a 422, never a 5xx', async () => {
    expectError(await t.request('POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL } }), 422, 'validation_failed');
    expectError(await t.request('POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: 'admin' } }), 422, 'validation_failed');
    expectError(await t.request('POST', '/api/v1/auth/login', { body: { email: 'a\u0000b@test.local', password: 'x' } }), 422, 'validation_failed');
    expectError(await t.request('POST', '/api/v1/auth/login', { body: { email: 42, password: 42 } }), 422, 'validation_failed');
  });

  it('the token from login works for GET /auth/me', async () => {
    const { token, user } = json<LoginBody>(await login(t, ADMIN_EMAIL, ADMIN_PASSWORD));
    const res = await me(t, token);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Me>(res).principal).toMatchObject({ kind: 'user', userId: user.id, role: 'admin' });
  });

  it('logout revokes the token; other sessions stay valid', async () => {
    const a = json<LoginBody>(await login(t, ADMIN_EMAIL, ADMIN_PASSWORD)).token;
    const b = json<LoginBody>(await login(t, ADMIN_EMAIL, ADMIN_PASSWORD)).token;
    const out = await t.request('POST', '/api/v1/auth/logout', { token: a });
    expect(out.statusCode, out.body).toBe(200);
    expectError(await me(t, a), 401, 'unauthenticated');
    expectError(await t.request('POST', '/api/v1/auth/logout', { token: a }), 401, 'unauthenticated');
    expect((await me(t, b)).statusCode).toBe(200);
  });
});

describe('expiry (own clock)', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await createTestApp();
  });
  afterAll(() => local.stop());

  it('a session works until SESSION_TTL_HOURS (12 h) and answers 401 after', async () => {
    const { token } = json<LoginBody>(await login(local, ADMIN_EMAIL, ADMIN_PASSWORD));
    local.clock.advance(12 * HOUR - 1000);
    expect((await me(local, token)).statusCode).toBe(200);
    local.clock.advance(2000);
    expectError(await me(local, token), 401, 'unauthenticated');
  });

  it('an API token with expiresInDays acts as the given user until it expires', async () => {
    const localAdmin = await local.user('admin');
    const analyst = await local.user('analyst');
    const res = await local.request('POST', '/api/v1/auth/api-tokens', { token: localAdmin.token, body: { name: 'BI export', userId: analyst.id, expiresInDays: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    const tok = json<ApiToken>(res);
    expect(json<Me>(await me(local, tok.token)).principal).toMatchObject({ userId: analyst.id, role: 'analyst' });
    // acting as an analyst it cannot write
    expectError(await local.request('POST', '/api/v1/departments', { token: tok.token, body: { code: 'x_dept', name: 'X' } }), 403, 'forbidden');
    local.clock.advance(24 * HOUR + 1000);
    expectError(await me(local, tok.token), 401, 'unauthenticated');
  });

  it('SESSION_TTL_HOURS is read from the configuration', async () => {
    const short = await createTestApp({ config: { SESSION_TTL_HOURS: '1' } });
    try {
      const { token } = json<LoginBody>(await login(short, ADMIN_EMAIL, ADMIN_PASSWORD));
      short.clock.advance(HOUR + 1000);
      expectError(await me(short, token), 401, 'unauthenticated');
    } finally {
      await short.stop();
    }
  });
});

describe('brute-force rate limit (own clock)', () => {
  let local: TestApp;
  let localAdmin: { token: string };
  beforeAll(async () => {
    local = await createTestApp();
    localAdmin = await local.user('admin');
  });
  afterAll(() => local.stop());

  it(`after ${MAX_FAILURES_PER_EMAIL} failures for one email: 429 with Retry-After, even with the right password, until the window passes`, async () => {
    const victim = await userWithPassword(local, localAdmin.token);
    const bystander = await userWithPassword(local, localAdmin.token);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      // mixed case counts against the same account
      const email = i % 2 ? victim.email.toUpperCase() : victim.email;
      expectError(await login(local, email, `wrong-${i}`), 401, 'invalid_credentials');
    }
    const limited = await login(local, victim.email, victim.password);
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    // the refused attempt created no session
    const [sessions] = await local.db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [victim.id]);
    expect(sessions!.n).toBe(0);

    // another account from the same address is not affected
    expect((await login(local, bystander.email, bystander.password)).statusCode).toBe(200);

    local.clock.advance(LOGIN_WINDOW_MS - 60_000);
    expectError(await login(local, victim.email, victim.password), 429, 'rate_limited');
    local.clock.advance(60_000 + 1000);
    const ok = await login(local, victim.email, victim.password);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<LoginBody>(ok).user.id).toBe(victim.id);
  });

  it('failures against an unknown email are limited the same way', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expectError(await login(local, 'ghost@test.local', 'x'), 401, 'invalid_credentials');
    expectError(await login(local, 'ghost@test.local', 'x'), 429, 'rate_limited');
  });
});

describe('API tokens', () => {
  it('an admin creates one; it authenticates; the list never shows the secret; revoking makes it 401', async () => {
    const created = await t.request('POST', '/api/v1/auth/api-tokens', { token: admin.token, body: { name: 'CRM sync' } });
    expect(created.statusCode, created.body).toBe(201);
    const tok = json<ApiToken>(created);
    expect(tok).toMatchObject({ name: 'CRM sync', userId: admin.id, expiresAt: null });
    expect(tok.token).toMatch(/^ldk_/);

    const who = await me(t, tok.token);
    expect(who.statusCode, who.body).toBe(200);
    expect(json<Me>(who).principal).toMatchObject({ kind: 'user', userId: admin.id, role: 'admin' });
    // it can do real work
    expect((await t.request('GET', '/api/v1/complaints', { token: tok.token })).statusCode).toBe(200);

    const list = await t.request('GET', '/api/v1/auth/api-tokens', { token: admin.token });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(tok.token);
    const items = json<{ items: Array<Record<string, unknown>> }>(list).items;
    const listed = items.find((i) => i.id === tok.id);
    expect(listed).toMatchObject({ id: tok.id, name: 'CRM sync', userId: admin.id, revokedAt: null });
    for (const item of items) {
      expect(item).not.toHaveProperty('token');
      expect(item).not.toHaveProperty('tokenHash');
      expect(Object.values(item).some((v) => typeof v === 'string' && /^ld[skc]_/.test(v))).toBe(false);
    }

    const del = await t.request('DELETE', `/api/v1/auth/api-tokens/${tok.id}`, { token: admin.token });
    expect(del.statusCode, del.body).toBe(200);
    expectError(await me(t, tok.token), 401, 'unauthenticated');
    const after = json<{ items: Array<{ id: string; revokedAt: string | null }> }>(await t.request('GET', '/api/v1/auth/api-tokens', { token: admin.token })).items;
    expect(after.find((i) => i.id === tok.id)?.revokedAt).toBe(t.clock.now().toISOString());
  });

  it('only admins manage API tokens', async () => {
    for (const role of ['supervisor', 'agent', 'department_staff', 'analyst'] as const) {
      const u = await t.user(role, role === 'department_staff' ? { department: 'logistics' } : {});
      expectError(await t.request('POST', '/api/v1/auth/api-tokens', { token: u.token, body: { name: 'mine' } }), 403, 'forbidden');
      expectError(await t.request('GET', '/api/v1/auth/api-tokens', { token: u.token }), 403, 'forbidden');
    }
    const customer = await t.customer();
    expectError(await t.request('POST', '/api/v1/auth/api-tokens', { token: customer.token, body: { name: 'mine' } }), 403, 'forbidden');
    const [n] = await t.db.query<{ n: number }>(`select count(*)::int as n from sessions where name = 'mine'`);
    expect(n!.n).toBe(0);
  });

  it('revoking an unknown token or a login session through the API-token route is a 404', async () => {
    expectError(await t.request('DELETE', '/api/v1/auth/api-tokens/00000000-0000-4000-8000-000000000000', { token: admin.token }), 404, 'not_found');
    const [session] = await t.db.query<{ id: string }>(`select id from sessions where kind = 'session' and user_id = $1 limit 1`, [admin.id]);
    expectError(await t.request('DELETE', `/api/v1/auth/api-tokens/${session!.id}`, { token: admin.token }), 404, 'not_found');
    expect((await me(t, admin.token)).statusCode).toBe(200);
    expectError(await t.request('POST', '/api/v1/auth/api-tokens', { token: admin.token, body: { name: 'x', userId: '00000000-0000-4000-8000-000000000000' } }), 422, 'validation_failed');
  });
});

describe('deactivated users', () => {
  it('deactivating a user ends their sessions and API tokens and refuses their login', async () => {
    const u = await userWithPassword(t, admin.token);
    const session = json<LoginBody>(await login(t, u.email, u.password)).token;
    const api = json<ApiToken>(await t.request('POST', '/api/v1/auth/api-tokens', { token: admin.token, body: { name: 'as user', userId: u.id } })).token;
    expect((await me(t, session)).statusCode).toBe(200);
    expect((await me(t, api)).statusCode).toBe(200);

    const res = await t.request('PATCH', `/api/v1/users/${u.id}`, { token: admin.token, body: { active: false } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ active: boolean }>(res).active).toBe(false);

    expectError(await me(t, session), 401, 'unauthenticated');
    expectError(await me(t, api), 401, 'unauthenticated');
    expectError(await login(t, u.email, u.password), 401, 'invalid_credentials');

    // re-activation does not resurrect the old tokens, but a fresh login works
    expect((await t.request('PATCH', `/api/v1/users/${u.id}`, { token: admin.token, body: { active: true } })).statusCode).toBe(200);
    expectError(await me(t, session), 401, 'unauthenticated');
    expect((await login(t, u.email, u.password)).statusCode).toBe(200);
  });

  it('an admin cannot deactivate themself', async () => {
    expectError(await t.request('PATCH', `/api/v1/users/${admin.id}`, { token: admin.token, body: { active: false } }), 409, 'conflict');
    expect((await me(t, admin.token)).statusCode).toBe(200);
  });
});

describe('Authorization header', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['missing', {}],
    ['empty', { authorization: '' }],
    ['Basic scheme', { authorization: 'Basic YWRtaW46cGFzcw==' }],
    ['Bearer without a token', { authorization: 'Bearer' }],
    ['Bearer with blank token', { authorization: 'Bearer    ' }],
    ['two tokens', { authorization: 'Bearer abc def' }],
    ['unknown token', { authorization: 'Bearer lds_thisTokenWasNeverIssued' }],
    ['token with control characters', { authorization: 'Bearer lds_\u0001\u0002' }],
    ['very long token', { authorization: `Bearer ${'x'.repeat(8000)}` }],
  ];
  it.each(cases)('%s → 401 unauthenticated', async (_name, headers) => {
    expectError(await me(t, null, headers), 401, 'unauthenticated');
  });

  it('the scheme is case-insensitive', async () => {
    expect((await me(t, null, { authorization: `bearer ${admin.token}` })).statusCode).toBe(200);
  });

  it('a customer token is a customer principal', async () => {
    const c = await t.customer();
    const res = await me(t, c.token);
    expect(res.statusCode).toBe(200);
    expect(json<Me>(res).principal).toMatchObject({ kind: 'customer', customerId: c.id });
  });
});
