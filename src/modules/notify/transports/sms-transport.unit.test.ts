import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmsTransport } from './sms-transport.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-sms-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('SMS transport without a provider (log file)', () => {
  it('appends one JSON line per message, and again after the log folder was removed', async () => {
    const file = path.join(dataDir, 'logs', 'sms.log');
    const t = createSmsTransport({ SMS_PROVIDER_URL: undefined, SMS_PROVIDER_AUTH: undefined, SMS_BODY_TEMPLATE: '', SMS_LOG_FILE: file, DATA_DIR: dataDir });
    await t.send({ to: '+8613800000001', text: '您的投诉已受理 1' });
    await t.send({ to: '+8613800000002', text: 'second' });
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string });
    expect(lines.map((l) => [l.to, l.text])).toEqual([['+8613800000001', '您的投诉已受理 1'], ['+8613800000002', 'second']]);
    fs.rmSync(path.dirname(file), { recursive: true });
    await t.send({ to: '+8613800000003', text: 'third' });
    expect((JSON.parse(fs.readFileSync(file, 'utf8').trim()) as { text: string }).text).toBe('third');
  });
});
