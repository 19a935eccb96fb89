import { simpleParser, type AddressObject } from 'mailparser';
import type { IncomingFile } from '../attachments/store-attachments.js';

export interface InboundMail {
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  attachments: IncomingFile[];
}

export class UnusableEmailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableEmailError';
  }
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string; name: string | null } | null {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  for (const obj of list) {
    for (const v of obj.value) {
      if (v.address && /^[^\s@]+@[^\s@]+$/.test(v.address)) return { address: v.address.toLowerCase(), name: v.name?.trim() || null };
    }
  }
  return null;
}

/**
 * Parses a raw message. Its size is already bounded by the listener (INBOUND_EMAIL_MAX_BYTES), which
 * bounds every part too (mail carries no compression, so no part can decode to more than the raw
 * size). HTML is only turned into text, never kept or rendered.
 */
export async function parseEmail(raw: Buffer): Promise<InboundMail> {
  const mail = await simpleParser(raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: 2 * 1024 * 1024,
  });
  const from = firstAddress(mail.from) ?? firstAddress(mail.replyTo);
  const references = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  return {
    messageId: mail.messageId?.trim().slice(0, 998) || null,
    from,
    subject: (mail.subject ?? '').trim(),
    text: (mail.text ?? '').trim(),
    inReplyTo: mail.inReplyTo?.trim() || null,
    references,
    attachments: mail.attachments
      // Parts that are the message's own alternative bodies are not files the customer attached.
      .filter((a) => a.contentDisposition === 'attachment' || a.filename || a.contentType.startsWith('image/') || a.contentType === 'application/pdf')
      .map((a) => ({ fileName: a.filename ?? 'attachment', declaredType: a.contentType, content: a.content })),
  };
}

const QUOTE_HEADER = /^(On .{1,300} wrote:|在.{1,300}写道[:：]|-{2,}\s*Original Message\s*-{2,}|-{2,}\s*原始邮件\s*-{2,}|From: .+)$/im;

/**
 * The new part of a reply: what comes before the quoted earlier mail. The full text stays in
 * the raw message, so trimming loses nothing; if trimming would leave nothing, keep it all.
 */
export function newPartOfReply(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (const l of lines) {
    if (l.startsWith('>') || QUOTE_HEADER.test(l.trim())) break;
    kept.push(l);
  }
  const result = kept.join('\n').trim();
  return result || text.trim();
}
