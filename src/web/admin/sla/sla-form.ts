/**
 * The SLA policy editor's form model and its conversion to and from the API's policy shape
 * (src/modules/sla/policies.ts, calendar.ts). Pure: no React, so it is unit-tested directly.
 */
import type { CalendarSpec } from '../../../modules/sla/calendar.js';
import type { Severity } from '../../types.js';

export type { CalendarSpec };

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The policy as GET /api/v1/sla/policies returns it. */
export interface SlaPolicy {
  severity: Severity;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  pauseWhileAwaitingCustomer: boolean;
  reassignOnBreach: boolean;
  calendar: CalendarSpec;
  updatedAt: string;
}

/** One opening interval as two `<input type="time">` values ("HH:MM"). */
export interface HoursForm {
  open: string;
  close: string;
}

export interface CalendarForm {
  mode: '24x7' | 'business_hours';
  timezone: string;
  weekly: Record<Weekday, HoursForm[]>;
  /** Kept sorted and unique, so an error at holidays[i] from the server names the row shown at i. */
  holidays: string[];
  extraWorkdays: Array<{ date: string; hours: HoursForm[] }>;
}

export const TARGET_UNITS = ['minutes', 'hours', 'days'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];
const UNIT_MINUTES: Record<TargetUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface TargetForm {
  amount: string;
  unit: TargetUnit;
}

export interface PolicyForm {
  firstResponse: TargetForm;
  resolution: TargetForm;
  pauseWhileAwaitingCustomer: boolean;
  reassignOnBreach: boolean;
  calendar: CalendarForm;
}

export type PolicyPatch = {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  pauseWhileAwaitingCustomer: boolean;
  reassignOnBreach: boolean;
  calendar: CalendarSpec;
};

/** The zone the seeds and routing default to; offered when an admin first switches to business hours. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

/** Shows a target in the largest unit that divides it: 1440 → 1 day, 90 → 90 minutes. */
export function minutesToTarget(minutes: number): TargetForm {
  if (minutes > 0 && minutes % UNIT_MINUTES.days === 0) return { amount: String(minutes / UNIT_MINUTES.days), unit: 'days' };
  if (minutes > 0 && minutes % UNIT_MINUTES.hours === 0) return { amount: String(minutes / UNIT_MINUTES.hours), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

/** Whole minutes ≥ 1, or null when the entry is not one (1.5 hours is fine, 0.5 minutes is not). */
export function targetToMinutes(t: TargetForm): number | null {
  if (!t.amount.trim()) return null;
  const n = Number(t.amount.replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  const minutes = n * UNIT_MINUTES[t.unit];
  // Decimal input like 0.1 hours gives 6.000000000000001 minutes; anything that close is whole.
  const rounded = Math.round(minutes);
  if (Math.abs(minutes - rounded) > 1e-9 || rounded < 1) return null;
  return rounded;
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

/** A time input cannot show 24:00, so a day open until midnight closes at "00:00" in the form. */
const MIDNIGHT_END = '24:00';
const MIDNIGHT = '00:00';

export function officeHours(): HoursForm[] {
  return [{ open: '09:00', close: '18:00' }];
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** A further interval after a day's last one (13:00 after a 09:00–12:00 morning, say), up to midnight. */
export function nextInterval(hours: readonly HoursForm[]): HoursForm {
  const last = hours.at(-1);
  if (!last) return officeHours()[0]!;
  // A close of 00:00 is the end of the day: there is no room after it; start a fresh morning instead.
  if (last.close === MIDNIGHT || !/^\d\d:\d\d$/.test(last.close)) return { open: '09:00', close: '12:00' };
  const start = Math.min(toMinutes(last.close) + 60, 23 * 60);
  const end = Math.min(start + 4 * 60, 24 * 60);
  return { open: toHhmm(start), close: end === 24 * 60 ? MIDNIGHT : toHhmm(end) };
}

export function defaultWeekly(): Record<Weekday, HoursForm[]> {
  return { mon: officeHours(), tue: officeHours(), wed: officeHours(), thu: officeHours(), fri: officeHours(), sat: [], sun: [] };
}

const hoursToForm = (list: ReadonlyArray<readonly [string, string]> | undefined): HoursForm[] =>
  (list ?? []).map(([open, close]) => ({ open, close: close === MIDNIGHT_END ? MIDNIGHT : close }));

const hoursToSpec = (list: readonly HoursForm[]): Array<[string, string]> =>
  list.map(({ open, close }) => [open, close === MIDNIGHT ? MIDNIGHT_END : close]);

export function calendarToForm(spec: CalendarSpec): CalendarForm {
  if (spec.mode === '24x7') {
    // Pre-filled so that switching to business hours starts from a usable week.
    return { mode: '24x7', timezone: DEFAULT_TIME_ZONE, weekly: defaultWeekly(), holidays: [], extraWorkdays: [] };
  }
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, hoursToForm(spec.weekly[d])])) as Record<Weekday, HoursForm[]>;
  return {
    mode: 'business_hours',
    timezone: spec.timezone,
    weekly,
    holidays: [...new Set(spec.holidays)].sort(),
    extraWorkdays: spec.extraWorkdays.map((d) => ({ date: d.date, hours: hoursToForm(d.hours) })),
  };
}

/**
 * Intervals keep the order they were entered in, so the server's error at weekly.mon[1]
 * points at the second row of Monday. Closed days are left out (the schema treats absent as closed).
 */
export function formToCalendar(form: CalendarForm): CalendarSpec {
  if (form.mode === '24x7') return { mode: '24x7' };
  const weekly: Partial<Record<Weekday, Array<[string, string]>>> = {};
  for (const d of WEEKDAYS) if (form.weekly[d].length) weekly[d] = hoursToSpec(form.weekly[d]);
  return {
    mode: 'business_hours',
    timezone: form.timezone.trim(),
    weekly,
    holidays: [...form.holidays],
    extraWorkdays: form.extraWorkdays.map((d) => ({ date: d.date, hours: hoursToSpec(d.hours) })),
  };
}

/** Adds a date in sorted position; a date already listed (or an empty one) leaves the list as it is. */
export function addHoliday(list: readonly string[], date: string): string[] {
  if (!date || list.includes(date)) return [...list];
  return [...list, date].sort();
}

export type WeekdayRun = { from: Weekday; to: Weekday; hours: HoursForm[] };

/** Consecutive weekdays with the same hours, for a one-line summary ("Mon–Fri 09:00–18:00"). Closed days are skipped. */
export function weekdayRuns(weekly: Record<Weekday, readonly HoursForm[]>): WeekdayRun[] {
  const runs: WeekdayRun[] = [];
  const key = (h: readonly HoursForm[]) => JSON.stringify(h);
  let prev: Weekday | null = null;
  for (const d of WEEKDAYS) {
    const hours = weekly[d];
    const last = runs.at(-1);
    if (hours.length && last && prev === last.to && key(last.hours) === key(hours)) last.to = d;
    else if (hours.length) runs.push({ from: d, to: d, hours: [...hours] });
    prev = d;
  }
  return runs;
}

// ---------------------------------------------------------------------------
// Whole policy
// ---------------------------------------------------------------------------

export function policyToForm(p: SlaPolicy): PolicyForm {
  return {
    firstResponse: minutesToTarget(p.firstResponseMinutes),
    resolution: minutesToTarget(p.resolutionMinutes),
    pauseWhileAwaitingCustomer: p.pauseWhileAwaitingCustomer,
    reassignOnBreach: p.reassignOnBreach,
    calendar: calendarToForm(p.calendar),
  };
}

export type LocalProblem = 'firstResponseMinutes' | 'resolutionMinutes';

/**
 * The PATCH body for a form, or the targets that are not whole minutes. Everything else is
 * left to the server, whose errors are shown where they point (see errorKey).
 */
export function formToPatch(form: PolicyForm): { patch: PolicyPatch; problems: [] } | { patch: null; problems: LocalProblem[] } {
  const first = targetToMinutes(form.firstResponse);
  const resolution = targetToMinutes(form.resolution);
  const problems: LocalProblem[] = [];
  if (first === null) problems.push('firstResponseMinutes');
  if (resolution === null) problems.push('resolutionMinutes');
  if (first === null || resolution === null) return { patch: null, problems };
  return {
    patch: {
      firstResponseMinutes: first,
      resolutionMinutes: resolution,
      pauseWhileAwaitingCustomer: form.pauseWhileAwaitingCustomer,
      reassignOnBreach: form.reassignOnBreach,
      calendar: formToCalendar(form.calendar),
    },
    problems: [],
  };
}

/** Has the admin changed anything that would be saved? (Units alone do not count: 60 min = 1 h.) */
export function isDirty(form: PolicyForm, policy: SlaPolicy): boolean {
  const mine = formToPatch(form);
  const theirs = formToPatch(policyToForm(policy));
  if (!mine.patch || !theirs.patch) return true;
  // In 24×7 mode the hidden week does not matter; formToCalendar already drops it.
  return JSON.stringify(mine.patch) !== JSON.stringify(theirs.patch);
}

/**
 * Where in the form a server error belongs. Validation details name body paths such as
 * "body.calendar.weekly.mon.0.1" (see src/http/validation.ts); the form shows them per
 * field, weekday row, holiday or extra workday.
 */
export function errorKey(path: string | undefined): string {
  if (!path) return 'general';
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [head, sub, index] = parts;
  if (head !== 'calendar') return head && ['firstResponseMinutes', 'resolutionMinutes', 'pauseWhileAwaitingCustomer', 'reassignOnBreach'].includes(head) ? head : 'general';
  if (sub === 'timezone') return 'timezone';
  if (sub === 'weekly' && index && (WEEKDAYS as readonly string[]).includes(index)) return `weekly.${index}`;
  if ((sub === 'holidays' || sub === 'extraWorkdays') && index !== undefined && /^\d+$/.test(index)) return `${sub}.${index}`;
  if (sub === 'holidays' || sub === 'extraWorkdays') return sub;
  return 'calendar';
}

export function groupErrors(details: ReadonlyArray<{ path?: unknown; message?: unknown }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of details) {
    if (typeof d.message !== 'string') continue;
    const key = errorKey(typeof d.path === 'string' ? d.path : undefined);
    (out[key] ??= []).push(d.message);
  }
  return out;
}
