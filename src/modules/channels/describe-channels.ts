import path from 'node:path';
import type { Config } from '../../config.js';

/** Stands in for a password or token that is set: the report says it is there, never what it is. */
export const MASK = '********';

type ChannelConfig = Pick<Config,
  | 'IMAP_URL' | 'IMAP_POLL_INTERVAL_MS' | 'INBOUND_EMAIL_MAX_BYTES' | 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_DOMAIN' | 'DATA_DIR'
  | 'INBOUND_SMTP_PORT' | 'HOST' | 'ATTACHMENT_MAX_BYTES' | 'ATTACHMENT_MAX_COUNT'
  | 'SMS_PROVIDER_URL' | 'SMS_PROVIDER_AUTH' | 'SMS_BODY_TEMPLATE' | 'SMS_LOG_FILE'>;

/** A server address from a URL setting: where and as whom, with the password masked. */
export interface ServerAddress {
  protocol: string;
  host: string;
  port: number;
  /** Implicit TLS (imaps://, smtps://). */
  tls: boolean;
  user: string | null;
  password: string | null;
}

type Parsed = { ok: true; url: URL } | { ok: false; problem: string };

function parse(raw: string, protocols: string[]): Parsed {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The setting itself is not echoed: a malformed URL may still hold a password.
    return { ok: false, problem: 'not a valid URL' };
  }
  if (!protocols.includes(url.protocol)) return { ok: false, problem: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}` };
  return { ok: true, url };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function address(url: URL, tlsProtocol: string, ports: { tls: number; plain: number }): ServerAddress {
  const tls = url.protocol === tlsProtocol;
  return {
    protocol: url.protocol.replace(/:$/, ''),
    host: url.hostname,
    port: url.port ? Number(url.port) : tls ? ports.tls : ports.plain,
    tls,
    user: url.username ? decode(url.username) : null,
    password: url.password ? MASK : null,
  };
}

/** The IMAP mailbox the poller reads (IMAP_URL, as parseImapUrl reads it). */
function mailbox(c: ChannelConfig) {
  const base = { pollIntervalMs: c.IMAP_POLL_INTERVAL_MS, maxBytes: c.INBOUND_EMAIL_MAX_BYTES, setting: 'IMAP_URL' };
  if (!c.IMAP_URL) return { configured: false as const, ...base };
  const p = parse(c.IMAP_URL, ['imaps:', 'imap:']);
  if (!p.ok) return { configured: true as const, valid: false as const, problem: p.problem, ...base };
  return {
    configured: true as const, valid: true as const, ...base,
    server: address(p.url, 'imaps:', { tls: 993, plain: 143 }),
    folder: decode(p.url.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/** Outbound mail (SMTP_URL; without it createEmailTransport writes .eml files). */
function outboundSmtp(c: ChannelConfig) {
  const base = { from: c.MAIL_FROM, messageIdDomain: c.MAIL_DOMAIN, setting: 'SMTP_URL' };
  if (!c.SMTP_URL) return { configured: false as const, mode: 'file' as const, outboxDir: path.join(c.DATA_DIR, 'mail-outbox'), ...base };
  const p = parse(c.SMTP_URL, ['smtp:', 'smtps:']);
  if (!p.ok) return { configured: true as const, mode: 'smtp' as const, valid: false as const, problem: p.problem, ...base };
  return { configured: true as const, mode: 'smtp' as const, valid: true as const, ...base, server: address(p.url, 'smtps:', { tls: 465, plain: 587 }) };
}

/** The inbound SMTP listener (INBOUND_SMTP_PORT; 0 picks a free port, reported by the health part). */
function inboundSmtp(c: ChannelConfig) {
  return {
    configured: c.INBOUND_SMTP_PORT !== undefined,
    setting: 'INBOUND_SMTP_PORT',
    host: c.HOST,
    port: c.INBOUND_SMTP_PORT ?? null,
    maxBytes: c.INBOUND_EMAIL_MAX_BYTES,
    attachmentMaxBytes: c.ATTACHMENT_MAX_BYTES,
    attachmentMaxCount: c.ATTACHMENT_MAX_COUNT,
  };
}

/**
 * The SMS adapter, chosen as createSmsTransport chooses it. Only the provider's origin and path
 * are shown: providers often take their API key in the query string or as user info, and the
 * body template may carry one too, so neither is reported.
 */
function sms(c: ChannelConfig) {
  const customTemplate = c.SMS_BODY_TEMPLATE !== '{"to":"{{to}}","text":"{{text}}"}';
  if (!c.SMS_PROVIDER_URL) {
    return { configured: false as const, adapter: 'file' as const, logFile: c.SMS_LOG_FILE ?? path.join(c.DATA_DIR, 'sms.log'), setting: 'SMS_PROVIDER_URL' };
  }
  const p = parse(c.SMS_PROVIDER_URL, ['https:', 'http:']);
  return {
    configured: true as const,
    adapter: 'http' as const,
    setting: 'SMS_PROVIDER_URL',
    providerUrl: p.ok ? `${p.url.origin}${p.url.pathname}` : null,
    queryHidden: p.ok ? p.url.search !== '' || p.url.username !== '' : false,
    authorization: c.SMS_PROVIDER_AUTH ? MASK : null,
    customBodyTemplate: customTemplate,
  };
}

/** Every channel's settings with no secret in them. */
export function describeChannelConfig(c: ChannelConfig) {
  return { mailbox: mailbox(c), outboundSmtp: outboundSmtp(c), inboundSmtp: inboundSmtp(c), sms: sms(c) };
}

/** Every secret-bearing value in the settings, in the forms it could show up in an error message. */
export function secretsOf(c: ChannelConfig): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined | null) => {
    if (s && s.length >= 3) out.add(s);
  };
  for (const raw of [c.IMAP_URL, c.SMTP_URL, c.SMS_PROVIDER_URL]) {
    if (!raw) continue;
    add(raw);
    try {
      const u = new URL(raw);
      add(u.password);
      add(decode(u.password));
      add(u.search.replace(/^\?/, ''));
      for (const v of u.searchParams.values()) add(v);
    } catch {
      // Unparseable: the whole string is already listed.
    }
  }
  add(c.SMS_PROVIDER_AUTH);
  // "Bearer abc", "Basic abc": the credential alone may be quoted back by a provider.
  add(c.SMS_PROVIDER_AUTH?.split(/\s+/).at(-1));
  // Longest first, so a secret containing another is masked whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** Masks every secret in a text that came from outside (a server's error message). */
export function redact(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const s of secrets) out = out.split(s).join(MASK);
  return out;
}
