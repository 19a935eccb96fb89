import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.js';
import { folderOnce, writeInFolder } from './folder-once.js';

export interface SmsTransport {
  /** 'http' posts to the configured provider; 'file' appends JSON lines to a log (development). */
  readonly kind: 'http' | 'file';
  send(sms: { to: string; text: string }): Promise<{ providerMessageId: string | null }>;
}

export class SmsDeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

/** Fills {{to}} and {{text}} in the provider's JSON body template, escaped as JSON string content. */
export function renderSmsBody(template: string, sms: { to: string; text: string }): string {
  const esc = (s: string) => JSON.stringify(s).slice(1, -1);
  return template.replaceAll('{{to}}', esc(sms.to)).replaceAll('{{text}}', esc(sms.text));
}

/**
 * SMS through any HTTP provider (URL, Authorization header, JSON body template), or — when
 * no provider is configured — a log file a developer can read.
 */
export function createSmsTransport(
  config: Pick<Config, 'SMS_PROVIDER_URL' | 'SMS_PROVIDER_AUTH' | 'SMS_BODY_TEMPLATE' | 'SMS_LOG_FILE' | 'DATA_DIR'>,
): SmsTransport {
  const url = config.SMS_PROVIDER_URL;
  if (url) {
    return {
      kind: 'http',
      async send(sms) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (config.SMS_PROVIDER_AUTH) headers.authorization = config.SMS_PROVIDER_AUTH;
        let res: Response;
        try {
          res = await fetch(url, { method: 'POST', headers, body: renderSmsBody(config.SMS_BODY_TEMPLATE, sms), signal: AbortSignal.timeout(10_000) });
        } catch (err) {
          throw new SmsDeliveryError(`SMS provider unreachable: ${(err as Error).message}`, true);
        }
        const body = await res.text();
        // 4xx other than 429 will not get better by retrying (bad number, bad credentials).
        if (!res.ok) throw new SmsDeliveryError(`SMS provider answered ${res.status}: ${body.slice(0, 200)}`, res.status >= 500 || res.status === 429);
        let id: string | null = null;
        try {
          const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
          const v = parsed.id ?? parsed.messageId;
          id = typeof v === 'string' || typeof v === 'number' ? String(v) : null;
        } catch {
          id = null;
        }
        return { providerMessageId: id };
      },
    };
  }
  const file = config.SMS_LOG_FILE ?? path.join(config.DATA_DIR, 'sms.log');
  const folder = folderOnce(path.dirname(file));
  return {
    kind: 'file',
    async send(sms) {
      await writeInFolder(folder, () => fs.promises.appendFile(file, `${JSON.stringify({ at: new Date().toISOString(), ...sms })}\n`));
      return { providerMessageId: null };
    },
  };
}
