import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

/** The admin console's user management: create, edit, reset a password, skills and team. */
interface StaffUser {
  id: string; email: string; name: string; role: string; departmentId: string | null;
  locale: string; active: boolean; skills: string[]; team: string | null;
}
type ErrorBody = { error: { code: string; message: string; details: Array<{ path: string; message: string }> } };

let t: TestApp;
let admin: { id: string; token: string };
let seq = 0;
const uniqueEmail = (tag: string) => `${tag}-${++seq}-${Date.now()}@users.test`;

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
  return body.error;
}

async function create(body: Record<string, unknown>): Promise<StaffUser> {
  const res = await t.request('POST', '/api/v1/users', { token: admin.token, body: body as never });
  expect(res.statusCode, res.body).toBe(201);
  return json<StaffUser>(res);
}

async function listed(id: string): Promise<StaffUser | undefined> {
  const res = await t.request('GET', '/api/v1/users', { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: StaffUser[] }>(res).items.find((u) => u.id === id);
}

const patch = (id: string, body: Record<string, unknown>, token = admin.token) =>
  t.request('PATCH', `/api/v1/users/${id}`, { token, body: body as never });

describe('creating users', () => {
  it('creates department staff with a department, skills (deduplicated) and a team, and lists them', async () => {
    const logistics = await t.departmentId('logistics');
    const u = await create({
      email: uniqueEmail('depot'), name: 'Depot Dora', role: 'department_staff', departmentId: logistics,
      password: 'depot-password-1', skills: ['returns', 'cold-chain', 'returns'], team: 'north',
    });
    expect(u).toMatchObject({ name: 'Depot Dora', role: 'department_staff', departmentId: logistics, active: true, team: 'north' });
    expect(u.skills).toEqual(['returns', 'cold-chain']); // first occurrence kept, in the order given
    expect(await listed(u.id)).toEqual(u);
    expect(u).not.toHaveProperty('passwordHash');
  });

  it('without skills or team the user has none', async () => {
    const u = await create({ email: uniqueEmail('plain'), name: 'Plain Agent', role: 'agent' });
    expect(u).toMatchObject({ skills: [], team: null });
  });

  it('refuses department staff without a department, naming the field', async () => {
    const res = await t.request('POST', '/api/v1/users', { token: admin.token, body: { email: uniqueEmail('nodept'), name: 'No Dept', role: 'department_staff' } });
    expectError(res, 422, 'validation_failed', 'body.departmentId');
  });

  it('refuses an email already in use (any case) with a conflict on body.email', async () => {
    const email = uniqueEmail('twice');
    await create({ email, name: 'First', role: 'agent' });
    const res = await t.request('POST', '/api/v1/users', { token: admin.token, body: { email: email.toUpperCase(), name: 'Second', role: 'agent' } });
    expectError(res, 409, 'conflict', 'body.email');
  });

  it('reports malformed skills at their index', async () => {
    const res = await t.request('POST', '/api/v1/users', { token: admin.token, body: { email: uniqueEmail('skill'), name: 'Bad Skill', role: 'agent', skills: ['ok', 'has space'] } });
    expectError(res, 422, 'validation_failed', 'body.skills.1');
  });
});

describe('editing users', () => {
  it('changes name, email, role, department, skills and team; clears the team with null; leaves the rest', async () => {
    const u = await create({ email: uniqueEmail('edit'), name: 'Edit Me', role: 'agent', skills: ['billing'], team: 'east', locale: 'en' });
    const finance = await t.departmentId('finance');
    const newEmail = uniqueEmail('edited');
    const res = await patch(u.id, { name: 'Edited', email: newEmail, role: 'department_staff', departmentId: finance, skills: ['refunds'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<StaffUser>(res)).toEqual({ ...u, name: 'Edited', email: newEmail, role: 'department_staff', departmentId: finance, skills: ['refunds'] });

    const cleared = await patch(u.id, { team: null });
    expect(json<StaffUser>(cleared)).toMatchObject({ team: null, skills: ['refunds'], locale: 'en' });
    expect(await listed(u.id)).toEqual(json<StaffUser>(cleared));
  });

  it("refuses taking another user's email, and changes nothing", async () => {
    const a = await create({ email: uniqueEmail('a'), name: 'A', role: 'agent' });
    const b = await create({ email: uniqueEmail('b'), name: 'B', role: 'agent' });
    expectError(await patch(b.id, { email: a.email.toUpperCase(), name: 'B renamed' }), 409, 'conflict', 'body.email');
    expect(await listed(b.id)).toEqual(b);
  });

  it('moving department staff out of every department is refused', async () => {
    const u = await create({ email: uniqueEmail('keep'), name: 'Keep Dept', role: 'department_staff', departmentId: await t.departmentId('quality') });
    expectError(await patch(u.id, { departmentId: null }), 422, 'validation_failed', 'body.departmentId');
  });

  it('a password reset lets the new password in, keeps the old one out and ends open sessions', async () => {
    const email = uniqueEmail('reset');
    const u = await create({ email, name: 'Forgetful', role: 'agent', password: 'old-password-1' });
    const session = json<{ token: string }>(await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'old-password-1' } })).token;
    expect((await t.request('GET', '/api/v1/auth/me', { token: session })).statusCode).toBe(200);

    expectError(await patch(u.id, { password: 'short' }), 422, 'validation_failed', 'body.password');
    expect((await patch(u.id, { password: 'new-password-22' })).statusCode).toBe(200);

    expect((await t.request('GET', '/api/v1/auth/me', { token: session })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'old-password-1' } })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email, password: 'new-password-22' } })).statusCode).toBe(200);
  });

  it('an admin cannot demote themself', async () => {
    expectError(await patch(admin.id, { role: 'agent' }), 409, 'conflict');
    expect((await listed(admin.id))?.role).toBe('admin');
  });

  it('only admins edit users; an unknown user is a 404; an empty change is a 422', async () => {
    const u = await create({ email: uniqueEmail('guard'), name: 'Guarded', role: 'agent' });
    for (const role of ['supervisor', 'agent', 'department_staff', 'analyst'] as const) {
      const other = await t.user(role, role === 'department_staff' ? { department: 'logistics' } : {});
      expectError(await patch(u.id, { skills: ['hijack'] }, other.token), 403, 'forbidden');
    }
    const customer = await t.customer();
    expectError(await patch(u.id, { name: 'x' }, customer.token), 403, 'forbidden');
    expect(await listed(u.id)).toEqual(u);
    expectError(await patch('00000000-0000-4000-8000-000000000000', { name: 'Nobody' }), 404, 'not_found');
    expectError(await patch(u.id, {}), 422, 'validation_failed');
  });
});
