import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../../config.js';
import { folderOnce, writeInFolder } from './folder-once.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Our Message-ID (see mail-threading.ts) so the customer's reply threads back. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface EmailTransport {
  /** 'smtp' delivers through SMTP_URL; 'file' writes .eml files (development, no SMTP configured). */
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * Outbound email. With SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS) mail
 * goes to that server; without it, each message is written as an .eml file under
 * DATA_DIR/mail-outbox so a developer can open what customers would receive.
 */
export function createEmailTransport(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'DATA_DIR'>): EmailTransport {
  const message = (mail: OutgoingEmail) => ({
    from: config.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references?.length ? { references: mail.references } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
  });
  if (config.SMTP_URL) {
    const transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      kind: 'smtp',
      async send(mail) {
        const info = await transporter.sendMail(message(mail));
        return { messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }
  const dir = path.join(config.DATA_DIR, 'mail-outbox');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = folderOnce(dir);
  return {
    kind: 'file',
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`;
      await writeInFolder(folder, () => fs.promises.writeFile(path.join(dir, name), info.message as Buffer));
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
