import { formatDateTime } from './format.js';
import { t, tEnum, useI18n } from './i18n.js';
import type { TimelineEvent } from './types.js';
import { extraEventLabel, extraEventSummary } from './complaint/timeline-extras.js';
import { departmentLabel, useDepartments } from './desk/useDepartments.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What the enum prefix is for the from/to values of a *_changed event. */
const CHANGE_PREFIX: Record<string, string> = {
  'complaint.status_changed': 'status',
  'complaint.severity_changed': 'severity',
  'complaint.category_changed': 'category',
};

/** A short, translated line about an event's payload; every value is rendered as text. `dept` names a department code in the reader's language. */
function summary(e: TimelineEvent, dept: (code: string) => string): string | null {
  const d = e.data ?? {};
  const parts: string[] = [];
  const prefix = CHANGE_PREFIX[e.type];
  if (prefix) {
    parts.push(t('ev.change', { from: tEnum(prefix, str(d.from)), to: tEnum(prefix, str(d.to)) }));
  } else if (e.type === 'complaint.department_changed') {
    const name = (v: unknown) => { const code = str(v); return code ? dept(code) : t('common.none'); };
    parts.push(t('ev.change', { from: name(d.from), to: name(d.to) }));
  } else if (e.type === 'complaint.assigned') {
    // Names come with the timeline; an id is left only for someone deleted since.
    const person = (name: unknown, id: unknown) => str(name) ?? str(id) ?? t('common.none');
    parts.push(t('ev.change', { from: person(d.fromName, d.from), to: person(d.toName, d.to) }));
  } else if (e.type === 'complaint.classified') {
    parts.push(`${tEnum('category', str(d.category))} · ${tEnum('severity', str(d.severity))}`);
  } else if (e.type === 'complaint.routed') {
    const code = str(d.department);
    parts.push(code ? dept(code) : t('common.none'));
  } else if (e.type === 'routing.applied') {
    const fired = Array.isArray(d.fired) ? d.fired.map((f) => str((f as { ruleId?: unknown }).ruleId)).filter((x): x is string => x !== null) : [];
    parts.push(t('ev.rulesFired', { version: String(typeof d.version === 'number' ? d.version : '?'), rules: fired.join(', ') || t('common.none') }));
  } else if (e.type === 'complaint.created') {
    parts.push(tEnum('channel', str(d.channel)));
  } else if (e.type === 'sla.at_risk' || e.type === 'sla.breached') {
    const clock = str(d.clock);
    if (clock) parts.push(clock === 'first_response' ? t('ev.firstResponse') : t('ev.resolution'));
    if (str(d.dueAt)) parts.push(t('ev.due', { time: formatDateTime(str(d.dueAt)) }));
  } else {
    const extra = extraEventSummary(e);
    if (extra) parts.push(extra);
  }
  const reason = str(d.reason);
  if (reason && e.type !== 'complaint.routed') parts.push(t('ev.reason', { reason }));
  return parts.length ? parts.join(' · ') : null;
}

function actorLabel(a: TimelineEvent['actor']): string {
  if (a.kind === 'user' && a.role) return a.name ? `${a.name} · ${tEnum('role', a.role)}` : tEnum('role', a.role);
  if (a.kind === 'customer' && a.name) return `${a.name} · ${tEnum('actor', a.kind)}`;
  return tEnum('actor', a.kind);
}

/** The event log in time order, each event badged with its blueprint lane. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { locale } = useI18n();
  const { departments } = useDepartments();
  const dept = (code: string) => departmentLabel(code, departments, locale);
  if (events.length === 0) return <p className="empty">{t('detail.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const line = summary(e, dept);
        return (
          <li key={e.id} className={`timeline-event lane-${e.lane}`} data-testid="timeline-event" data-type={e.type} data-lane={e.lane}>
            <time className="timeline-time" dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span className={`badge badge-lane badge-lane-${e.lane}`} data-testid="lane-badge">{tEnum('lane', e.lane)}</span>
            <span className="timeline-type" title={e.type}>{extraEventLabel(e.type) ?? tEnum('event', e.type)}</span>
            <span className="timeline-actor muted">{actorLabel(e.actor)}</span>
            {line && <span className="timeline-summary">{line}</span>}
          </li>
        );
      })}
    </ol>
  );
}
