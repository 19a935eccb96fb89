import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { describeChannelConfig, MASK, redact, secretsOf } from './describe-channels.js';

describe('describeChannelConfig', () => {
  it('says "configured: false" and names the development fallbacks when nothing is set', () => {
    const d = describeChannelConfig(loadConfig({ DATA_DIR: '/srv/loopdesk' }));
    expect(d.mailbox).toMatchObject({ configured: false, setting: 'IMAP_URL', pollIntervalMs: 60_000 });
    expect(d.mailbox).not.toHaveProperty('server');
    expect(d.outboundSmtp).toMatchObject({ configured: false, mode: 'file', outboxDir: '/srv/loopdesk/mail-outbox' });
    expect(d.inboundSmtp).toMatchObject({ configured: false, port: null });
    expect(d.sms).toEqual({ configured: false, adapter: 'file', logFile: '/srv/loopdesk/sms.log', setting: 'SMS_PROVIDER_URL' });
  });

  it('fills in default ports and TLS from the scheme', () => {
    const d = describeChannelConfig(loadConfig({ IMAP_URL: 'imaps://u:p@imap.example.com', SMTP_URL: 'smtps://mail.example.com' }));
    expect(d.mailbox).toMatchObject({ server: { port: 993, tls: true, user: 'u', password: MASK }, folder: 'INBOX' });
    expect(d.outboundSmtp).toMatchObject({ server: { port: 465, tls: true, user: null, password: null } });
  });

  it('reports a malformed setting without echoing it', () => {
    const d = describeChannelConfig(loadConfig({ SMTP_URL: 'smtp://me:hunter22@bad host:25', IMAP_URL: 'pop3://u:hunter33@pop.example.com' }));
    expect(d.outboundSmtp).toMatchObject({ configured: true, valid: false, problem: 'not a valid URL' });
    expect(d.mailbox).toMatchObject({ configured: true, valid: false, problem: 'must start with imaps:// or imap://' });
    expect(JSON.stringify(d)).not.toMatch(/hunter/);
  });
});

describe('redact', () => {
  const config = loadConfig({
    SMTP_URL: 'smtp://me:p%40ss-word@smtp.example.com', SMS_PROVIDER_URL: 'https://sms.example.com/send?key=k-123456&from=shop',
    SMS_PROVIDER_AUTH: 'Basic dXNlcjpwYXNz',
  });
  const secrets = secretsOf(config);

  it('masks each secret in both its URL-encoded and decoded form, and the bare credential of an Authorization value', () => {
    expect(redact('535 auth failed for me/p@ss-word (p%40ss-word)', secrets)).toBe(`535 auth failed for me/${MASK} (${MASK})`);
    expect(redact('401: token dXNlcjpwYXNz rejected', secrets)).toBe(`401: token ${MASK} rejected`);
    expect(redact('called /send?key=k-123456&from=shop', secrets)).toBe(`called /send?${MASK}`);
    expect(redact(null, secrets)).toBeNull();
  });

  it('leaves text without secrets alone', () => {
    expect(redact('connect ECONNREFUSED 127.0.0.1:25', secrets)).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });
});
