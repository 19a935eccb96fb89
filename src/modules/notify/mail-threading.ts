import { randomUUID } from 'node:crypto';

/**
 * How a customer's email reply finds its complaint again: our outbound Message-IDs carry the
 * complaint number (<C-2026-000123.uuid@MAIL_DOMAIN>), which mail clients copy into
 * In-Reply-To / References; the subject carries it too ("… [C-2026-000123]") for clients
 * that drop those headers.
 */
const NUMBER = /C-\d{4}-\d{6,}/;

export function outboundMessageId(complaintNumber: string, domain: string): string {
  return `<${complaintNumber}.${randomUUID()}@${domain}>`;
}

export function subjectWithToken(subject: string, complaintNumber: string): string {
  return subject.includes(`[${complaintNumber}]`) ? subject : `${subject} [${complaintNumber}]`;
}

/** The complaint number an inbound message refers to: our Message-IDs first (only those on our domain), then the subject token. */
export function complaintNumberFromMail(mail: { inReplyTo?: string | null; references?: string[] | string | null; subject?: string | null }, domain: string): string | null {
  const refs = [mail.inReplyTo ?? '', ...(Array.isArray(mail.references) ? mail.references : [mail.references ?? ''])];
  for (const ref of refs) {
    if (!ref.toLowerCase().includes(`@${domain.toLowerCase()}`)) continue;
    const m = NUMBER.exec(ref);
    if (m) return m[0];
  }
  const s = /\[(C-\d{4}-\d{6,})\]/.exec(mail.subject ?? '');
  return s ? s[1]! : null;
}
