import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/** Departments as the admin console edits them. */
interface Department {
  id: string; code: string; name: string; nameZh: string | null;
  handoffForwardMinutes: number; handoffAnswerMinutes: number; createdAt: string; updatedAt: string;
}
type ErrorBody = { error: { code: string; details: Array<{ path: string }> } };

let t: TestApp;
let admin: { token: string };
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
});
afterAll(() => t.stop());

function expectError(res: LightMyRequestResponse, status: number, code: string, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json<ErrorBody>(res);
  expect(body.error.code).toBe(code);
  if (path) expect(body.error.details.map((d) => d.path)).toContain(path);
}

async function createDepartment(extra: Record<string, unknown> = {}): Promise<Department> {
  const res = await t.request('POST', '/api/v1/departments', {
    token: admin.token, body: { code: `dept_${++seq}`, name: `Dept ${seq}`, nameZh: `部门${seq}`, handoffForwardMinutes: 25, handoffAnswerMinutes: 300, ...extra } as never,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Department>(res);
}

async function listed(id: string): Promise<Department | undefined> {
  return json<{ items: Department[] }>(await t.request('GET', '/api/v1/departments', { token: admin.token })).items.find((d) => d.id === id);
}

const patch = (id: string, body: Record<string, unknown>, token = admin.token) =>
  t.request('PATCH', `/api/v1/departments/${id}`, { token, body: body as never });

describe('editing departments', () => {
  it('a rename keeps both hand-off deadlines (no defaults sneak into a partial change)', async () => {
    const d = await createDepartment();
    t.clock.advance(60_000);
    const res = await patch(d.id, { name: 'Renamed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Department>(res)).toMatchObject({ name: 'Renamed', nameZh: d.nameZh, handoffForwardMinutes: 25, handoffAnswerMinutes: 300, code: d.code });
    expect((await listed(d.id))?.updatedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('changes only the answer deadline', async () => {
    const d = await createDepartment();
    const res = await patch(d.id, { handoffAnswerMinutes: 45 });
    expect(json<Department>(res)).toMatchObject({ name: d.name, handoffForwardMinutes: 25, handoffAnswerMinutes: 45 });
    expect(await listed(d.id)).toMatchObject({ handoffAnswerMinutes: 45 });
  });

  it('clears the Chinese name with null; leaving it out keeps it', async () => {
    const d = await createDepartment();
    expect(json<Department>(await patch(d.id, { handoffForwardMinutes: 5 })).nameZh).toBe(d.nameZh);
    expect(json<Department>(await patch(d.id, { nameZh: null })).nameZh).toBeNull();
  });

  it('refuses out-of-range deadlines and unknown fields, naming them; changes nothing', async () => {
    const d = await createDepartment();
    expectError(await patch(d.id, { handoffAnswerMinutes: 0 }), 422, 'validation_failed', 'body.handoffAnswerMinutes');
    expectError(await patch(d.id, { handoffForwardMinutes: 1.5 }), 422, 'validation_failed', 'body.handoffForwardMinutes');
    expectError(await patch(d.id, { code: 'other' }), 422, 'validation_failed', 'body.code');
    expectError(await patch(d.id, {}), 422, 'validation_failed');
    expect(await listed(d.id)).toEqual(d);
  });

  it('an unknown department is a 404; only admins edit', async () => {
    expectError(await patch('00000000-0000-4000-8000-000000000000', { name: 'Nobody' }), 404, 'not_found');
    const d = await createDepartment();
    const supervisor = await t.user('supervisor');
    expectError(await patch(d.id, { handoffAnswerMinutes: 1 }, supervisor.token), 403, 'forbidden');
    expect(await listed(d.id)).toEqual(d);
  });
});

describe('creating departments', () => {
  it('a duplicate code is a conflict on body.code', async () => {
    const d = await createDepartment();
    const res = await t.request('POST', '/api/v1/departments', { token: admin.token, body: { code: d.code, name: 'Again' } });
    expectError(res, 409, 'conflict', 'body.code');
  });

  it('takes default deadlines when none are given', async () => {
    const res = await t.request('POST', '/api/v1/departments', { token: admin.token, body: { code: `plain_${++seq}`, name: 'Plain' } });
    expect(json<Department>(res)).toMatchObject({ handoffForwardMinutes: 10, handoffAnswerMinutes: 120, nameZh: null });
  });
});
