import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { createTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let dataDir: string;
let smsLog: string;
let ipSeq = 0;
/** Each test gets its own client address so the per-IP limits of one test do not leak into another. */
const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-auth-'));
  smsLog = path.join(dataDir, 'sms.log');
  t = await createTestApp({ config: { DATA_DIR: dataDir, SMS_LOG_FILE: smsLog, PUBLIC_URL: 'https://hall.example.com' } });
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (url: string, body: unknown, ip: string) =>
  t.server.app.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress: ip });
const errorOf = (res: { statusCode: number; body: string }) => `${res.statusCode} ${(JSON.parse(res.body) as { error: { code: string } }).error.code}`;

async function customerWith(email: string | null, phone: string | null = null): Promise<string> {
  const [c] = await t.db.query<{ id: string }>('insert into customers (name, email, phone, locale) values ($1, $2, $3, $4) returning id', ['李雷', email, phone, 'zh-CN']);
  return c!.id;
}

/** The newest mail to `to` in the development outbox (.eml files): delivery runs after the 202. */
async function mailTo(to: string, after = 0): Promise<{ subject: string; text: string }> {
  const dir = path.join(dataDir, 'mail-outbox');
  for (let i = 0; i < 100; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    const mails = [];
    for (const f of files) {
      const m = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const addr = Array.isArray(m.to) ? m.to[0]?.text : m.to?.text;
      if (addr === to) mails.push({ subject: m.subject ?? '', text: m.text ?? '' });
    }
    if (mails.length > after) return mails[mails.length - 1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${to}`);
}

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

describe('one-time code sign-in', () => {
  it('emails a code (zh) with a magic link; the code gives a customer session that sees the hall', async () => {
    await customerWith('lilei@example.com');
    const ip = freshIp();
    const res = await post('/api/v1/portal/auth/code', { email: 'LiLei@Example.com', locale: 'zh-CN' }, ip);
    expect(res.statusCode, res.body).toBe(202);
    const mail = await mailTo('lilei@example.com');
    expect(mail.subject).toContain('验证码');
    expect(mail.text).toContain('https://hall.example.com/hall/signin#magic=');
    const code = codeIn(mail.text);
    const ok = await post('/api/v1/portal/auth/verify', { email: 'lilei@example.com', code }, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    const session = json<{ token: string; customer: { name: string } }>(ok);
    expect(session.token).toMatch(/^ldc/);
    expect(session.customer.name).toBe('李雷');
    const home = await t.request('GET', '/api/v1/portal/home', { token: session.token });
    expect(home.statusCode).toBe(200);
    // single use
    expect(errorOf(await post('/api/v1/portal/auth/verify', { email: 'lilei@example.com', code }, ip))).toBe('401 invalid_code');
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const res = await post('/api/v1/portal/auth/code', { email: 'nobody@example.com' }, freshIp());
    expect(res.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    const dir = path.join(dataDir, 'mail-outbox');
    const all = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
    expect(all.some((m) => m.includes('nobody@example.com'))).toBe(false);
    expect(errorOf(await post('/api/v1/portal/auth/verify', { email: 'nobody@example.com', code: '123456' }, freshIp()))).toBe('401 invalid_code');
  });

  it('sends an English SMS to a phone number; five wrong guesses kill the code, even the right one fails after', async () => {
    await customerWith(null, '+8613800001111'); // stored normalised, as customers-repo writes it
    const ip = freshIp();
    expect((await post('/api/v1/portal/auth/code', { phone: '+8613800001111', locale: 'en' }, ip)).statusCode).toBe(202);
    let line = '';
    for (let i = 0; i < 100 && !line; i++) {
      line = fs.existsSync(smsLog) ? fs.readFileSync(smsLog, 'utf8').split('\n').filter((l) => l.includes('+8613800001111')).pop() ?? '' : '';
      if (!line) await new Promise((r) => setTimeout(r, 50));
    }
    const sms = JSON.parse(line) as { to: string; text: string };
    expect(sms.text).toContain('Your service hall code');
    const code = codeIn(sms.text);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 1; i <= 5; i++) {
      const res = await post('/api/v1/portal/auth/verify', { phone: '+86 138 0000 1111', code: wrong }, ip);
      expect(errorOf(res)).toBe('401 invalid_code');
      expect(json<{ error: { details: Array<{ attemptsLeft: number }> } }>(res).error.details[0]!.attemptsLeft).toBe(5 - i);
    }
    expect(errorOf(await post('/api/v1/portal/auth/verify', { phone: '+8613800001111', code }, ip))).toBe('401 invalid_code');
  });

  it('refuses an expired code with code_expired', async () => {
    await customerWith('expiry@example.com');
    const ip = freshIp();
    await post('/api/v1/portal/auth/code', { email: 'expiry@example.com', locale: 'en' }, ip);
    const code = codeIn((await mailTo('expiry@example.com')).text);
    t.clock.advance(10 * 60_000 + 1);
    expect(errorOf(await post('/api/v1/portal/auth/verify', { email: 'expiry@example.com', code }, ip))).toBe('401 code_expired');
  });

  it('rate-limits codes per address and per client address (429 rate_limited)', async () => {
    await customerWith('limit@example.com');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/portal/auth/code', { email: 'limit@example.com' }, ip)).statusCode).toBe(202);
    const sixth = await post('/api/v1/portal/auth/code', { email: 'limit@example.com' }, freshIp());
    expect(errorOf(sixth)).toBe('429 rate_limited');
    expect(sixth.headers['retry-after']).toBe('900');
    // one client asking for many addresses
    const busy = freshIp();
    for (let i = 0; i < 20; i++) expect((await post('/api/v1/portal/auth/code', { email: `spray${i}@example.com` }, busy)).statusCode).toBe(202);
    expect(errorOf(await post('/api/v1/portal/auth/code', { email: 'spray-last@example.com' }, busy))).toBe('429 rate_limited');
  });

  it('limits wrong guesses per client address across addresses', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await post('/api/v1/portal/auth/verify', { email: `guess${i}@example.com`, code: '123456' }, ip);
    expect(errorOf(await post('/api/v1/portal/auth/verify', { email: 'guess@example.com', code: '123456' }, ip))).toBe('429 rate_limited');
  });

  it('the magic link signs in once; a tampered one is refused', async () => {
    await customerWith('magic@example.com');
    await post('/api/v1/portal/auth/code', { email: 'magic@example.com', locale: 'en' }, freshIp());
    const mail = await mailTo('magic@example.com');
    const token = decodeURIComponent(/#magic=(\S+)/.exec(mail.text)![1]!);
    expect(errorOf(await post('/api/v1/portal/auth/magic', { token: `${token.slice(0, -2)}xx` }, freshIp()))).toBe('401 invalid_code');
    const ok = await post('/api/v1/portal/auth/magic', { token }, freshIp());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(errorOf(await post('/api/v1/portal/auth/magic', { token }, freshIp()))).toBe('401 invalid_code');
  });

  it('validates input: exactly one of email or phone, six digits', async () => {
    expect(errorOf(await post('/api/v1/portal/auth/code', { email: 'a@example.com', phone: '+8613800000000' }, freshIp()))).toBe('422 validation_failed');
    expect(errorOf(await post('/api/v1/portal/auth/code', {}, freshIp()))).toBe('422 validation_failed');
    expect(errorOf(await post('/api/v1/portal/auth/verify', { email: 'a@example.com', code: '12ab56' }, freshIp()))).toBe('422 validation_failed');
  });
});
