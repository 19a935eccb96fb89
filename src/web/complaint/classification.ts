import type { TimelineEvent } from '../types.js';

export interface Classification {
  source: 'classifier' | 'request' | 'default';
  category: string;
  severity: string;
  confidence: number | null;
  reasons: string[];
  emotion: { anger: number; urgency: number; threat: number; intensity: number } | null;
  /** The latest correction by a person after it, if any. */
  correction: { by: string; category: string; severity: string } | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The complaint's latest `complaint.classified` event as the panel shows it, with the latest
 * `classification.corrected` after it. Payload fields are checked, not trusted: old events
 * may lack the newer ones.
 */
export function latestClassification(events: readonly TimelineEvent[]): Classification | null {
  let at = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.type === 'complaint.classified') {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const d = events[at]!.data ?? {};
  const source = d.source === 'classifier' || d.source === 'request' ? d.source : 'default';
  const e = (d.emotion ?? null) as Record<string, unknown> | null;
  const emotion = e && ['anger', 'urgency', 'threat', 'intensity'].every((k) => num(e[k]) !== null)
    ? { anger: num(e.anger)!, urgency: num(e.urgency)!, threat: num(e.threat)!, intensity: num(e.intensity)! }
    : null;
  let correction: Classification['correction'] = null;
  for (const ev of events.slice(at + 1)) {
    if (ev.type !== 'classification.corrected') continue;
    const c = (ev.data ?? {}) as { category?: { to?: unknown }; severity?: { to?: unknown } };
    const category = str(c.category?.to);
    const severity = str(c.severity?.to);
    if (category && severity) correction = { by: ev.actor.name ?? ev.actor.role ?? ev.actor.kind, category, severity };
  }
  return {
    source,
    category: str(d.category) ?? 'other',
    severity: str(d.severity) ?? 'general',
    confidence: num(d.confidence),
    reasons: Array.isArray(d.reasons) ? d.reasons.filter((r): r is string => typeof r === 'string') : [],
    emotion,
    correction,
  };
}
