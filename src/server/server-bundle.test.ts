/**
 * The server as `npm start` runs it: the esbuild bundle (scripts/build-server.ts) under plain
 * node with the start script's flags — not the TypeScript sources. It must find its files
 * from dist/ (migrations, the model, the corpus, the web UI) and start its training worker
 * from the bundle beside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startEnv, startNodeFlags } from '../../scripts/build-server.js';
import { PROJECT_ROOT } from '../project-root.js';
import { createTestDatabase, testDbKind } from '../test/test-database.js';

const OUT = path.join(PROJECT_ROOT, 'dist', `server-bundle-test-${process.pid}`);
const DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-bundle-'));
const PASSWORD = 'bundle-test-password-1';
let child: ChildProcess;
let base = '';
let stderr = '';
let dropDatabase: (() => Promise<void>) | null = null;

async function api<T>(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(base + url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  await buildServer({}, OUT);
  // PGlite in a data dir, or a fresh database on the test PostgreSQL.
  const env: NodeJS.ProcessEnv = startEnv({ ...process.env, DATA_DIR: DATA, PORT: '0', HOST: '127.0.0.1', ADMIN_PASSWORD: PASSWORD });
  delete env.DATABASE_URL;
  delete env.LOOPDESK_DEMO;
  if (testDbKind === 'postgres') {
    const pgDb = await createTestDatabase();
    env.DATABASE_URL = pgDb.url!;
    dropDatabase = pgDb.drop;
  }
  child = spawn(process.execPath, [...startNodeFlags(), path.join(OUT, 'main.mjs')], {
    cwd: os.tmpdir(), // not the project: files must be found from the bundle's location
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  base = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /Loopdesk is running at (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`bundled server exited with code ${code}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await dropDatabase?.();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(DATA, { recursive: true, force: true });
});

describe('server bundle (npm start)', () => {
  it('migrates, serves the API and classifies with the shipped model', async () => {
    const health = await api<{ status: string; database: string }>('GET', '/healthz');
    expect(health.body).toEqual({ status: 'ok', database: testDbKind });
    const login = await api<{ token: string }>('POST', '/api/v1/auth/login', { email: 'admin@loopdesk.local', password: PASSWORD });
    expect(login.status).toBe(200);
    const c = await api<{ category: string; severity: string }>('POST', '/api/v1/classify', { text: '充电器充电时冒烟起火，差点烧到孩子' }, login.body.token);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ category: 'safety', severity: 'urgent' });
  });

  it('trains a model version in its worker thread, from the bundle beside it', { timeout: 180_000 }, async () => {
    const { body: { token } } = await api<{ token: string }>('POST', '/api/v1/auth/login', { email: 'admin@loopdesk.local', password: PASSWORD });
    const csv = ['text,label', ...Array.from({ length: 12 }, (_, i) => `"parcel ${i} arrived late again",late\n"charged twice for order ${i}",billing`)].join('\n');
    const res = await api<{ id: string; status: string; examples?: number }>('POST', '/api/v1/admin/classifier/models', { source: 'csv', csv, textColumn: 'text', labelColumn: 'label', folds: 2, epochs: 5 }, token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('draft');
    // Not the inline fallback run-training.ts takes when the worker cannot start.
    expect(stderr).not.toContain('training worker unavailable');
  });
});
