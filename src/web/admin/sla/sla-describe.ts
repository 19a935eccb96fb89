/** One-line, translated descriptions of SLA targets and calendars for the tier overview. */
import { calendarToForm, minutesToTarget, weekdayRuns, type CalendarSpec, type HoursForm } from './sla-form.js';
import { messages as m } from './sla.messages.js';

export function describeTarget(minutes: number): string {
  const t = minutesToTarget(minutes);
  return m(`sla.short.${t.unit}`, { n: t.amount });
}

const hoursText = (h: readonly HoursForm[]) => h.map((x) => `${x.open}–${x.close === '00:00' ? '24:00' : x.close}`).join(', ');

export function describeCalendar(spec: CalendarSpec): string {
  if (spec.mode === '24x7') return m('sla.summary.24x7');
  const runs = weekdayRuns(calendarToForm(spec).weekly);
  const week = runs.length
    ? runs.map((r) => `${m(`sla.dayShort.${r.from}`)}${r.from === r.to ? '' : `–${m(`sla.dayShort.${r.to}`)}`} ${hoursText(r.hours)}`).join('; ')
    : m('sla.summary.closedAlways');
  const holidays = spec.holidays.length ? ` · ${m('sla.summary.holidays', { n: spec.holidays.length })}` : '';
  return `${week} (${spec.timezone})${holidays}`;
}
