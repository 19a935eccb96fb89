import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../test/test-app.js';
import { testDbKind } from '../test/test-database.js';
import { allRoutes } from './routes.js';

type Schema = { type?: string; required?: string[]; properties?: Record<string, Schema>; additionalProperties?: unknown; enum?: unknown[] };
type Operation = {
  summary?: string;
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};
type OpenApi = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** `/api/v1/complaints/:id/status` → `/api/v1/complaints/{id}/status` */
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

let t: TestApp;
let doc: OpenApi;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request('GET', '/api/v1/openapi.json');
  expect(res.statusCode, res.body).toBe(200);
  doc = json<OpenApi>(res);
});
afterAll(() => t.stop());

describe('GET /api/v1/openapi.json', () => {
  it('is public JSON in OpenAPI 3', async () => {
    const res = await t.request('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    // a token does not change the document
    const admin = await t.user('admin');
    expect((await t.request('GET', '/api/v1/openapi.json', { token: admin.token })).body).toBe(res.body);
  });

  it('has at least the routes the server has, and the registry is not trivially empty', () => {
    expect(allRoutes.length).toBeGreaterThanOrEqual(30);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const registered = allRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
  });

  it.each(allRoutes.map((r) => [r.method, r.url, r] as const))('documents %s %s', (method, url, route) => {
    const op = doc.paths[openApiPath(url)]?.[method.toLowerCase()];
    expect(op, `${method} ${openApiPath(url)} missing`).toBeDefined();
    expect(op!.summary).toBe(route.summary);
    expect(op!.operationId).toMatch(/^[A-Za-z0-9]+$/);
    expect(Object.keys(op!.responses)).toContain(String(route.response?.status ?? 200));
    // every {param} in the path is declared as a required path parameter
    for (const [, name] of openApiPath(url).matchAll(/\{([^}]+)\}/g)) {
      expect(op!.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
    }
    // bearer auth exactly where the server requires it
    if (route.auth === 'required') expect(op!.security).toEqual([{ bearer: [] }]);
    else expect(op!.security).toBeUndefined();
    expect(Boolean(op!.requestBody)).toBe(Boolean(route.body));
  });

  it('operation ids are unique', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the complaint create body is the strict schema that validates requests', () => {
    const op = doc.paths['/api/v1/complaints']?.post;
    const schema = op?.requestBody?.content['application/json']?.schema;
    expect(schema).toBeDefined();
    expect(schema!.type).toBe('object');
    expect(schema!.required).toEqual(expect.arrayContaining(['channel', 'subject', 'description']));
    expect(schema!.required).not.toContain('customerId');
    expect(Object.keys(schema!.properties ?? {})).toEqual(expect.arrayContaining(['channel', 'subject', 'description', 'customerId', 'customer', 'orderId', 'category', 'severity', 'amount']));
    expect(schema!.properties!.channel!.enum).toEqual(expect.arrayContaining(['web', 'email', 'phone']));
    expect(schema!.additionalProperties).toBe(false);
  });

  it('list filters appear as query parameters named after the fields', () => {
    const params = doc.paths['/api/v1/complaints']?.get?.parameters ?? [];
    for (const name of ['status', 'severity', 'category', 'channel', 'department', 'assigneeId', 'customerId', 'atRisk', 'breached', 'createdFrom', 'createdTo', 'q', 'sort', 'limit', 'cursor']) {
      expect(params).toContainEqual(expect.objectContaining({ name, in: 'query' }));
    }
  });

  it('describes the error shape with every stable code', () => {
    const error = doc.components.schemas.Error!;
    expect(error.required).toEqual(['error']);
    const inner = error.properties!.error!;
    expect(inner.required).toEqual(['code', 'message', 'details']);
    expect(inner.properties!.code!.enum).toEqual(expect.arrayContaining(['validation_failed', 'invalid_json', 'not_found', 'invalid_transition', 'payload_too_large', 'rate_limited']));
  });
});

describe('GET /healthz', () => {
  it(`answers 200 {"status":"ok","database":"${testDbKind}"} without a token`, async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(json(res)).toEqual({ status: 'ok', database: testDbKind });
  });
});
