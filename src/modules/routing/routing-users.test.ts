import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/** Reading staff skills and teams for the routing admin (the PUT is covered in routing.test.ts). */
const BASE = '/api/v1/admin/routing';
type Row = { id: string; name: string; role: string; skills: string[]; team: string | null };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

describe('GET /admin/routing/users', () => {
  it('lists active staff with the skills and team an admin set; admins and supervisors only', async () => {
    const admin = await t.user('admin');
    const supervisor = await t.user('supervisor');
    const agent = await t.user('agent', { name: 'Skilled Sam' });
    const put = await t.request('PUT', `${BASE}/users/${agent.id}`, { token: admin.token, body: { skills: ['refund', 'en', 'refund'], team: 'returns' } });
    expect(put.statusCode, put.body).toBe(200);

    const res = await t.request('GET', `${BASE}/users`, { token: supervisor.token });
    expect(res.statusCode, res.body).toBe(200);
    const sam = json<{ items: Row[] }>(res).items.find((u) => u.id === agent.id);
    expect(sam).toMatchObject({ name: 'Skilled Sam', role: 'agent', team: 'returns' });
    expect([...sam!.skills].sort()).toEqual(['en', 'refund']);

    expect((await t.request('GET', `${BASE}/users`, { token: agent.token })).statusCode).toBe(403);
    expect((await t.request('GET', `${BASE}/users`, {})).statusCode).toBe(401);
  });

  it('leaves out deactivated users', async () => {
    const admin = await t.user('admin');
    const gone = await t.user('agent');
    const off = await t.request('PATCH', `/api/v1/users/${gone.id}`, { token: admin.token, body: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    const items = json<{ items: Row[] }>(await t.request('GET', `${BASE}/users`, { token: admin.token })).items;
    expect(items.some((u) => u.id === gone.id)).toBe(false);
    expect(items.some((u) => u.id === admin.id)).toBe(true);
  });
});
