import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import type { RunningServer } from '../../server/start-server.js';
import { startServer } from '../../server/start-server.js';
import { testConfig } from '../../test/test-app.js';
import { createTestDatabase } from '../../test/test-database.js';
import type { Role } from '../auth/principal.js';
import { createSession } from '../auth/sessions.js';

let server: RunningServer;
let db: Database;
let drop: () => Promise<void>;
let seq = 0;

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.db;
  drop = t.drop;
  server = await startServer(testConfig(), { db, clock: new ManualClock('2026-03-02T01:00:00Z'), listen: false, scheduler: false });
});

afterAll(async () => {
  await server.stop();
  await drop();
});

async function staff(role: Role): Promise<string> {
  const [u] = await db.query<{ id: string }>(`insert into users (email, name, role) values ($1, $2, $3) returning id`, [`${role}${++seq}@classify.test`, `${role} ${seq}`, role]);
  return (await createSession(db, { userId: u!.id }, { kind: 'session', expiresAt: null })).token;
}

async function customer(tier: 'normal' | 'vip'): Promise<{ id: string; token: string }> {
  const [c] = await db.query<{ id: string }>(`insert into customers (name, email, tier) values ($1, $2, $3) returning id`, [`C ${++seq}`, `c${seq}@classify.test`, tier]);
  const s = await createSession(db, { customerId: c!.id }, { kind: 'session', expiresAt: null });
  return { id: c!.id, token: s.token };
}

function post(url: string, body: unknown, token?: string, raw?: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return server.app.inject({ method: 'POST', url, headers, payload: raw ?? JSON.stringify(body) });
}

interface Result {
  category: string;
  severity: string;
  department: string;
  confidence: number;
  reasons: string[];
  emotion: { anger: number; urgency: number; threat: number; intensity: number };
}

describe('POST /api/v1/classify', () => {
  it('classifies for any staff role with the full response shape', async () => {
    for (const role of ['agent', 'analyst', 'department_staff', 'supervisor', 'admin'] as const) {
      const res = await post('/api/v1/classify', { text: '充电宝充电的时候冒烟起火了，桌子都烧黑了！' }, await staff(role));
      expect(res.statusCode, role).toBe(200);
      const r = res.json<Result>();
      expect(r).toMatchObject({ category: 'safety', severity: 'urgent', department: 'management' });
      expect(r.confidence).toBeGreaterThan(0.5);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.reasons.some((x) => x.includes('起火'))).toBe(true);
      for (const k of ['anger', 'urgency', 'threat', 'intensity'] as const) expect(r.emotion[k]).toBeGreaterThanOrEqual(0);
    }
  });

  it('401 without a token, 403 for a customer', async () => {
    expect((await post('/api/v1/classify', { text: 'late parcel' })).statusCode).toBe(401);
    const c = await customer('normal');
    const res = await post('/api/v1/classify', { text: 'late parcel' }, c.token);
    expect(res.statusCode).toBe(403);
  });

  it('422 for a bad body', async () => {
    const token = await staff('agent');
    for (const body of [{}, { text: 42 }, { text: 'x'.repeat(100_001) }, { text: 'ok', extra: 1 }, { text: 'ok', amount: -5 }, { text: 'ok', amount: 'lots' }, { text: 'ok', customerId: 'nope' }, { text: 'bell \u0007' }]) {
      const res = await post('/api/v1/classify', body, token);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(422);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
    expect((await post('/api/v1/classify', null, token, '{"text":')).statusCode).toBe(400);
  });

  it('whitespace-only text is a safe, low-confidence other', async () => {
    const res = await post('/api/v1/classify', { text: '   \n\t ' }, await staff('agent'));
    expect(res.statusCode).toBe(200);
    expect(res.json<Result>()).toMatchObject({ category: 'other', severity: 'general', department: 'customer_service' });
    expect(res.json<Result>().confidence).toBeLessThan(0.3);
    // What intake would send to the triage view, said before filing (the new-complaint form shows it).
    expect(res.json<{ needsTriage: boolean }>().needsTriage).toBe(true);
    const sure = await post('/api/v1/classify', { text: 'The charger caught fire and burned my hand.' }, await staff('agent'));
    expect(sure.json<{ needsTriage: boolean }>().needsTriage).toBe(false);
  });

  it('amount ≥ 1000 raises to serious', async () => {
    const token = await staff('agent');
    const low = (await post('/api/v1/classify', { text: 'The parcel is two days late.', amount: 20 }, token)).json<Result>();
    expect(low.severity).toBe('general');
    const high = (await post('/api/v1/classify', { text: 'The parcel is two days late.', amount: 1200 }, token)).json<Result>();
    expect(high.severity).toBe('serious');
    expect(high.reasons).toContain('amount 1200 ≥ 1000 → serious');
  });

  it('a VIP customer → serious; a repeat in the same category within 30 days → serious; unknown customer → 404', async () => {
    const token = await staff('agent');
    const vip = await customer('vip');
    const r1 = (await post('/api/v1/classify', { text: '快递晚了两天。', customerId: vip.id }, token)).json<Result>();
    expect(r1.severity).toBe('serious');
    expect(r1.reasons).toContain('VIP customer → serious');

    const normal = await customer('normal');
    const before = (await post('/api/v1/classify', { text: '快递晚了两天还没到。', customerId: normal.id }, token)).json<Result>();
    expect([before.category, before.severity]).toEqual(['logistics', 'general']);
    const created = await server.app.inject({
      method: 'POST', url: '/api/v1/complaints', headers: { authorization: `Bearer ${token}` },
      payload: { channel: 'web', subject: '包裹延误', description: '快递一直没到', customerId: normal.id, category: 'logistics', severity: 'general' },
    });
    expect(created.statusCode).toBe(201);
    const after = (await post('/api/v1/classify', { text: '快递晚了两天还没到。', customerId: normal.id }, token)).json<Result>();
    expect([after.category, after.severity]).toEqual(['logistics', 'serious']);
    expect(after.reasons.some((x) => x.startsWith('repeat of '))).toBe(true);
    // Another category is not a repeat.
    const other = (await post('/api/v1/classify', { text: 'The coupon did not apply at checkout.', customerId: normal.id }, token)).json<Result>();
    expect(other.severity).toBe('general');

    const missing = await post('/api/v1/classify', { text: 'late', customerId: '00000000-0000-4000-8000-000000000000' }, token);
    expect(missing.statusCode).toBe(404);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/classify');
  });
});
