import type { TimelineEvent } from '../types.js';
import { similarityPercent } from './complaint-links.js';
import { messages } from './complaint-extras.messages.js';

type Key = Parameters<typeof messages>[0];
const LABELS = new Set(Object.keys(messages.catalogue.en).filter((k) => k.startsWith('ev.complaint.')));
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A label for the merge / link / split events the main catalogue does not name, else null. */
export function extraEventLabel(type: string): string | null {
  const key = `ev.${type}`;
  return LABELS.has(key) ? messages(key as Key) : null;
}

/** Which complaint a merge / link / split event points at, as a short line; null for other events. */
export function extraEventSummary(e: TimelineEvent): string | null {
  const d = e.data ?? {};
  switch (e.type) {
    case 'complaint.merged':
    case 'complaint.split':
      return str(d.intoNumber) ? messages('ev.into', { number: str(d.intoNumber)! }) : null;
    case 'complaint.merge_received':
    case 'complaint.split_from':
      return str(d.fromNumber) ? messages('ev.from', { number: str(d.fromNumber)! }) : null;
    case 'complaint.linked':
      return str(d.repeatOfNumber) ? messages('ev.into', { number: str(d.repeatOfNumber)! }) : messages('ev.unlinked');
    case 'complaint.repeat_detected':
      return str(d.repeatOfNumber) ? messages('ev.into', { number: str(d.repeatOfNumber)! }) : null;
    case 'complaint.duplicate_suggested':
      return str(d.candidateNumber) && typeof d.similarity === 'number'
        ? messages('ev.similar', { number: str(d.candidateNumber)!, percent: similarityPercent(d.similarity) })
        : null;
    default:
      return null;
  }
}
