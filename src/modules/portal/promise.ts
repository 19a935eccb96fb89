import type { Status } from '../complaints/lifecycle.js';
import { isOpen } from '../complaints/lifecycle.js';
import type { PortalLocale } from './portal-locale.js';

/** "30 minutes" / "30 分钟", rounded up so the promise is never shorter than the clock. */
export function formatWithin(ms: number, locale: PortalLocale): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000 - 1e-9));
  const zh = locale === 'zh-CN';
  if (minutes < 60) return zh ? `${minutes} 分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  if (hours <= 48) return zh ? `${hours} 小时` : `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.ceil(hours / 24);
  return zh ? `${days} 天` : `${days} days`;
}

export interface PromiseFields {
  status: Status;
  first_response_at: Date | null;
  first_response_due_at: Date;
  resolution_due_at: Date;
  resolved_at: Date | null;
  sla_paused_at: Date | null;
}

export interface CustomerPromise {
  kind: 'first_response' | 'resolution';
  dueAt: string;
  /** Whole minutes from now to the due time (0 when overdue). */
  minutes: number;
  text: string;
}

/**
 * What we promise the customer, from the SLA clocks: first a reply ("we will reply within
 * 30 minutes"), after the first reply the resolution. Nothing while the clock waits for
 * the customer or once the complaint is settled.
 */
export function customerPromise(f: PromiseFields, now: Date, locale: PortalLocale): CustomerPromise | null {
  if (!isOpen(f.status) || f.sla_paused_at || f.resolved_at) return null;
  const zh = locale === 'zh-CN';
  const kind = f.first_response_at ? 'resolution' : 'first_response';
  const due = kind === 'first_response' ? f.first_response_due_at : f.resolution_due_at;
  const ms = due.getTime() - now.getTime();
  const minutes = Math.max(0, Math.round(ms / 60_000));
  let text: string;
  if (ms <= 0) {
    text = kind === 'first_response'
      ? (zh ? '我们会尽快回复您。' : 'We will reply as soon as we can.')
      : (zh ? '我们正在加紧处理，会尽快给您答复。' : 'We are working on it and will give you an answer as soon as we can.');
  } else {
    const within = formatWithin(ms, locale);
    text = kind === 'first_response'
      ? (zh ? `我们将在 ${within}内回复您。` : `We will reply within ${within}.`)
      : (zh ? `我们力争在 ${within}内为您解决。` : `We aim to resolve it within ${within}.`);
  }
  return { kind, dueAt: due.toISOString(), minutes, text };
}
