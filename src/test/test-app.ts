import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Role } from '../modules/auth/principal.js';
import { createSession } from '../modules/auth/sessions.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { createTestDatabase } from './test-database.js';

export const ADMIN_PASSWORD = 'admin-password-1';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ADMIN_EMAIL: 'admin@test.local', ADMIN_PASSWORD, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...overrides });
}

type Json = Record<string, unknown> | unknown[] | string | number | boolean | null;

export interface TestApp {
  server: RunningServer;
  db: Database;
  clock: ManualClock;
  dbUrl: string | null;
  request(method: string, url: string, opts?: { token?: string | null; body?: Json; headers?: Record<string, string>; rawBody?: string }): Promise<LightMyRequestResponse>;
  /** A staff user with a ready session token. */
  user(role: Role, opts?: { department?: string; name?: string }): Promise<{ id: string; token: string; departmentId: string | null }>;
  customer(opts?: { name?: string; email?: string; tier?: 'normal' | 'vip' }): Promise<{ id: string; token: string }>;
  departmentId(code: string): Promise<string>;
  stop(): Promise<void>;
}

let seq = 0;

/** A Loopdesk instance on a fresh test database, driven through HTTP injection, with a manual clock. */
/** `listen: true` also serves on a random local port (server.url) for real WebSocket / SMTP clients. */
export async function createTestApp(opts: { clock?: ManualClock; config?: Record<string, string>; listen?: boolean } = {}): Promise<TestApp> {
  const { db, url, drop } = await createTestDatabase();
  const clock = opts.clock ?? new ManualClock('2026-03-02T01:00:00Z');
  const server = await startServer(testConfig(opts.config), { db, clock, listen: opts.listen ?? false, scheduler: false });
  const app: TestApp = {
    server, db, clock, dbUrl: url,
    request: async (method, path, o = {}) => {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let payload: string | undefined = o.rawBody;
      if (o.body !== undefined) {
        payload = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      return server.app.inject({ method: method as 'GET', url: path, headers, payload });
    },
    departmentId: async (code) => {
      const [row] = await db.query<{ id: string }>('select id from departments where code = $1', [code]);
      if (!row) throw new Error(`no department ${code}`);
      return row.id;
    },
    async user(role, o = {}) {
      const n = ++seq;
      const departmentId = o.department ? await app.departmentId(o.department) : null;
      const [u] = await db.query<{ id: string }>(
        `insert into users (email, name, role, department_id) values ($1, $2, $3, $4) returning id`,
        [`${role}${n}-${Date.now()}@test.local`, o.name ?? `${role} ${n}`, role, departmentId],
      );
      const s = await createSession(db, { userId: u!.id }, { kind: 'session', expiresAt: null });
      return { id: u!.id, token: s.token, departmentId };
    },
    async customer(o = {}) {
      const n = ++seq;
      const [c] = await db.query<{ id: string }>(
        `insert into customers (name, email, tier) values ($1, $2, $3) returning id`,
        [o.name ?? `Customer ${n}`, o.email ?? `customer${n}-${Date.now()}@test.local`, o.tier ?? 'normal'],
      );
      const s = await createSession(db, { customerId: c!.id }, { kind: 'session', expiresAt: null });
      return { id: c!.id, token: s.token };
    },
    async stop() {
      await server.stop();
      await drop();
    },
  };
  return app;
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
