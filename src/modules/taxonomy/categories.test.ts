import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';
import { setCategoryModel, setExtraCategories } from '../triage/classifier.js';

/**
 * Issue 3 §2, admins add categories with examples: complaints accept the new code at once (on
 * intake, in PATCH, in list filters); the classifier predicts it after a retrained version
 * that saw the examples is activated.
 */

type Person = { id: string; token: string };
type Category = { code: string; name: string; nameZh: string | null; department: string; builtin: boolean; examples: number };
type ErrorBody = { error: { code: string; details: Array<{ path?: string }> } };

const INSTALLATION = {
  code: 'installation',
  name: 'Installation service',
  nameZh: '安装服务',
  department: 'technology',
  examples: [
    '安装师傅迟迟不上门安装空调',
    'The installer never came to mount the TV on the wall',
    '预约的安装服务改了三次时间还没装好',
    'The installation crew left the dishwasher unconnected',
    '热水器安装师傅装完就走了，没有调试',
    'Installation appointment for my oven was cancelled twice',
    '师傅上门安装时把墙面打坏了',
  ],
};
const ASSEMBLY = {
  code: 'assembly', name: 'Furniture assembly', department: 'quality',
  examples: ['衣柜组装说明书缺了几页', 'The wardrobe assembly instructions are missing pages', '书桌组装螺丝少了两颗', 'Bed frame assembly kit came without the allen key', '组装好的椅子一坐就晃'],
};
// Like the examples, not one of them.
const WALL_MOUNT = 'Wall mount\nThe installation team drilled the wrong holes when mounting the TV bracket.';

let t: TestApp;
let admin: Person;
let agent: Person;

const add = (body: Record<string, unknown>) => t.request('POST', '/api/v1/admin/taxonomy/categories', { token: admin.token, body });
const classify = async (text: string) => json<{ category: string; department: string }>(await t.request('POST', '/api/v1/classify', { token: agent.token, body: { text } }));

function expectError(res: LightMyRequestResponse, status: number, code: string, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = json<ErrorBody>(res);
  expect(body.error.code).toBe(code);
  if (path) expect(body.error.details.map((d) => d.path)).toContain(path);
}

// Training takes seconds of CPU; on a busy CI machine several times that.
const SLOW = { timeout: 180_000 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent');
});

afterAll(async () => {
  setCategoryModel(null);
  setExtraCategories(new Map());
  await t.stop();
});

describe('admin-added categories', () => {
  it('lists the built-in taxonomy', async () => {
    const list = json<{ items: Category[] }>(await t.request('GET', '/api/v1/admin/taxonomy/categories', { token: admin.token }));
    expect(list.items).toHaveLength(8);
    expect(list.items.find((c) => c.code === 'safety')).toMatchObject({ builtin: true, department: 'management', nameZh: '人身安全' });
  });

  it('adds a category with examples; bad or duplicate ones are clear 4xx errors', async () => {
    const res = await add(INSTALLATION);
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Category>(res)).toMatchObject({ code: 'installation', name: 'Installation service', nameZh: '安装服务', department: 'technology', builtin: false, examples: 7 });
    const list = json<{ items: Category[] }>(await t.request('GET', '/api/v1/admin/taxonomy/categories', { token: admin.token }));
    expect(list.items.map((c) => c.code)).toContain('installation');

    expectError(await add(INSTALLATION), 409, 'category_exists', 'body.code');
    expectError(await add({ ...INSTALLATION, code: 'refund' }), 409, 'category_exists', 'body.code');
    expectError(await add({ ...INSTALLATION, code: 'assembly', department: 'nowhere' }), 422, 'validation_failed', 'body.department');
    expectError(await add({ ...INSTALLATION, code: 'assembly', examples: INSTALLATION.examples.slice(0, 4) }), 422, 'validation_failed', 'body.examples');
    expectError(await add({ ...INSTALLATION, code: 'assembly', examples: Array(6).fill('same text') }), 422, 'validation_failed', 'body.examples');
    expectError(await add({ ...INSTALLATION, code: 'Bad-Code' }), 422, 'validation_failed', 'body.code');
    expectError(await add({ ...INSTALLATION, code: 'assembly', examples: [...INSTALLATION.examples, ''] }), 422, 'validation_failed');
    expectError(await add({ code: 'assembly' }), 422, 'validation_failed', 'body.name');
    // Two admins adding the same code at once: one wins, the other gets 409, never a 500.
    const both = await Promise.all([add(ASSEMBLY), add(ASSEMBLY)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('complaints accept the added category at once: intake, PATCH (routes to its department), list filter', async () => {
    const customer = { name: 'Mount Owner', email: 'mount@test.local' };
    const created = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'phone', subject: 'TV bracket', description: 'Holes in the wrong place.', customer, category: 'installation' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({ category: 'installation', department: 'technology' });

    const other = json<{ id: string; category: string; department: string }>(
      await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', subject: 'Parcel late', description: 'My parcel is stuck at the depot.', customer, category: 'logistics' } }),
    );
    expect(other.department).toBe('logistics');
    const patched = await t.request('PATCH', `/api/v1/complaints/${other.id}`, { token: agent.token, body: { category: 'installation' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject({ category: 'installation', department: 'technology' });

    const listed = json<{ items: Array<{ category: string }> }>(await t.request('GET', '/api/v1/complaints?category=installation', { token: agent.token }));
    expect(listed.items).toHaveLength(2);
    expectError(await t.request('GET', '/api/v1/complaints?category=weather', { token: agent.token }), 422, 'validation_failed', 'query.category');
    expectError(await t.request('PATCH', `/api/v1/complaints/${other.id}`, { token: agent.token, body: { category: 'weather' } }), 422, 'validation_failed', 'body.category');
    expectError(await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', subject: 's', description: 'd', customer, category: 'weather' } }), 422, 'validation_failed', 'body.category');
  });

  it('after retraining and activation the classifier predicts the added category', SLOW, async () => {
    expect((await classify(WALL_MOUNT)).category).not.toBe('installation');
    const trained = await t.request('POST', '/api/v1/admin/classifier/models', { token: admin.token, body: { source: 'builtin', folds: 0 } });
    expect(trained.statusCode, trained.body).toBe(201);
    const v = json<{ id: string; labels: string[]; sourceDetail: Record<string, number> }>(trained);
    expect(v.labels).toContain('installation');
    // Both added categories' examples (installation 7, assembly 5); the correction above is one more row.
    expect(v.sourceDetail).toMatchObject({ categoryExamples: 12, corrections: 1 });
    // A draft changes nothing.
    expect((await classify(WALL_MOUNT)).category).not.toBe('installation');
    expect((await t.request('POST', `/api/v1/admin/classifier/models/${v.id}/activate`, { token: admin.token })).statusCode).toBe(200);
    expect(await classify(WALL_MOUNT)).toMatchObject({ category: 'installation', department: 'technology' });
    expect((await classify('安装问题\n空调买了一周了，安装师傅还没有上门安装，打电话也说排不上。')).category).toBe('installation');
    // Intake classifies into it and routes to its department.
    const c = await t.request('POST', '/api/v1/complaints', { token: agent.token, body: { channel: 'web', ...{ subject: 'Wall mount', description: 'The installation team drilled the wrong holes when mounting the TV bracket.' }, customer: { name: 'Z' } } });
    expect(json(c)).toMatchObject({ category: 'installation', department: 'technology' });
    // Built-in categories still work.
    expect((await classify('My parcel has been stuck at the depot for ten days and has not arrived.')).category).toBe('logistics');
  });
});
