import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmailTransport } from './email-transport.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopdesk-outbox-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('email transport without SMTP (file outbox)', () => {
  it('writes each message as an .eml file, and again after the outbox folder was removed', async () => {
    const t = createEmailTransport({ SMTP_URL: undefined, MAIL_FROM: 'Loopdesk <noreply@loopdesk.test>', DATA_DIR: dataDir });
    const outbox = path.join(dataDir, 'mail-outbox');
    const mail = (n: number) => ({ to: 'customer@example.com', subject: `Notice ${n}`, text: `Body ${n}` });
    await t.send(mail(1));
    expect(fs.readdirSync(outbox)).toHaveLength(1);
    fs.rmSync(outbox, { recursive: true });
    await t.send(mail(2));
    const files = fs.readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(outbox, files[0]!), 'utf8')).toContain('Subject: Notice 2');
    t.close();
  });
});
