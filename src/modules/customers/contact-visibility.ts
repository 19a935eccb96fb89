import type { Principal } from '../auth/principal.js';
import type { ComplaintEvent } from '../events/append-event.js';

/**
 * Who may see how to reach a customer (email address, phone number): the customer themself
 * and the staff who deal with customers or read customer records (the roles of
 * GET /api/v1/customers). Back-office department staff work behind the line of visibility:
 * they see the complaint and the customer's name, never the contact details. Deny by default.
 */
export function seesCustomerContact(p: Principal): boolean {
  if (p.kind === 'customer') return true;
  switch (p.role) {
    case 'admin':
    case 'supervisor':
    case 'agent':
    case 'analyst':
      return true;
    case 'department_staff':
      return false;
  }
}

const HIDDEN = null;

/** A message's channel details without the sender's address (email metadata names it). */
export function messageMetadataFor(p: Principal, metadata: Record<string, unknown>): Record<string, unknown> {
  if (seesCustomerContact(p) || !isRecord(metadata.email)) return metadata;
  return { ...metadata, email: { ...metadata.email, from: HIDDEN } };
}

/** Events whose payload names a customer's address, and the fields that do. */
const CONTACT_FIELDS: Partial<Record<string, readonly string[]>> = { 'email.received': ['from'] };

/** The event log as `p` may read it: contact fields blanked for those who may not see them. */
export function eventsFor(p: Principal, events: ComplaintEvent[]): ComplaintEvent[] {
  if (seesCustomerContact(p)) return events;
  return events.map((e) => {
    const fields = CONTACT_FIELDS[e.type];
    if (!fields) return e;
    const data = { ...e.data };
    for (const f of fields) if (f in data) data[f] = HIDDEN;
    return { ...e, data };
  });
}

/** A notice's recipient is the customer's email address or phone number. */
export function noticeRecipientFor(p: Principal, recipient: string | null): string | null {
  return seesCustomerContact(p) ? recipient : HIDDEN;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
