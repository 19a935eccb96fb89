import { IANAZone } from 'luxon';
import { z } from 'zod';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Three years, counting one leap day. */
const NO_OPEN_TIME_HORIZON_DAYS = 3 * 365 + 1;
/** Beyond this a business-hours walk would take long enough to stall the event loop. */
const MAX_DURATION_MS = 100 * 366 * DAY_MS;

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const timeOfDaySchema = z.string().regex(TIME_OF_DAY, { error: 'expected "HH:MM" between 00:00 and 24:00' });

const intervalSchema = z.tuple([timeOfDaySchema, timeOfDaySchema]).refine(
  // Malformed times already carry their own issue; comparing them would only add noise.
  ([start, end]) => !TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end) || minutesOf(start) < minutesOf(end),
  { error: 'interval start must be before its end' },
);

const intervalsSchema = z.array(intervalSchema).superRefine((list, ctx) => {
  const wellFormed = list
    .map(([start, end], index) => ({ index, start, end }))
    .filter((iv) => TIME_OF_DAY.test(iv.start) && TIME_OF_DAY.test(iv.end))
    .map((iv) => ({ index: iv.index, start: minutesOf(iv.start), end: minutesOf(iv.end) }))
    .filter((iv) => iv.start < iv.end)
    .sort((a, b) => a.start - b.start);
  // Compare against the furthest end so far: a long interval can overlap several later ones.
  let furthestEnd = -1;
  for (const iv of wellFormed) {
    if (iv.start < furthestEnd) ctx.addIssue({ code: 'custom', message: 'intervals within a day must not overlap', path: [iv.index] });
    furthestEnd = Math.max(furthestEnd, iv.end);
  }
});

const isoDateSchema = z.iso.date({ error: 'expected a calendar date "YYYY-MM-DD"' });

const weeklySchema = z
  .object({
    mon: intervalsSchema.optional(),
    tue: intervalsSchema.optional(),
    wed: intervalsSchema.optional(),
    thu: intervalsSchema.optional(),
    fri: intervalsSchema.optional(),
    sat: intervalsSchema.optional(),
    sun: intervalsSchema.optional(),
  })
  .strict();

const extraWorkdaysSchema = z
  .array(z.object({ date: isoDateSchema, hours: intervalsSchema.min(1, { error: 'an extra workday needs opening hours' }) }).strict())
  .superRefine((days, ctx) => {
    // Two entries for one date would make the opening hours depend on list order.
    const seen = new Set<string>();
    days.forEach((d, index) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: `duplicate extra workday ${d.date}`, path: [index, 'date'] });
      seen.add(d.date);
    });
  });

export const calendarSpecSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('24x7') }).strict(),
  z
    .object({
      mode: z.literal('business_hours'),
      timezone: z.string().refine((tz) => IANAZone.isValidZone(tz), { error: 'unknown IANA time zone' }),
      weekly: weeklySchema,
      holidays: z.array(isoDateSchema).default([]),
      extraWorkdays: extraWorkdaysSchema.default([]),
    })
    .strict(),
]);

export type CalendarSpec = z.infer<typeof calendarSpecSchema>;
export type CalendarSpecInput = z.input<typeof calendarSpecSchema>;

export interface BusinessCalendar {
  /** The instant reached after `ms` of open (business) time counted from `start`. ms=0 returns start if open, else the next opening instant. */
  addBusinessMs(start: Date, ms: number): Date;
  /** Open (business) milliseconds in [from, to); 0 when to <= from. */
  businessMsBetween(from: Date, to: Date): number;
  isOpenAt(at: Date): boolean;
}

// ---------------------------------------------------------------------------
// Shared input guards
// ---------------------------------------------------------------------------

function instantOf(d: Date): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid_date');
  return t;
}

function durationOf(ms: number): number {
  if (Number.isNaN(ms) || ms > MAX_DURATION_MS) throw new RangeError('invalid_duration');
  // Date only holds whole milliseconds; rounding keeps add/between exact inverses.
  return ms > 0 ? Math.round(ms) : 0;
}

export const ALWAYS_OPEN: BusinessCalendar = Object.freeze({
  addBusinessMs: (start: Date, ms: number) => new Date(instantOf(start) + durationOf(ms)),
  businessMsBetween: (from: Date, to: Date) => Math.max(0, instantOf(to) - instantOf(from)),
  isOpenAt: (at: Date) => {
    instantOf(at);
    return true;
  },
});

// ---------------------------------------------------------------------------
// Business hours
// ---------------------------------------------------------------------------

/** [startMinute, endMinute) of a local day; endMinute may be 1440. */
type MinuteInterval = readonly [number, number];
/** [startMs, endMs) in UTC epoch milliseconds. */
type Interval = readonly [number, number];

const NO_HOURS: readonly MinuteInterval[] = [];
const NO_INTERVALS: readonly Interval[] = [];
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Bounds the per-calendar memo for long-lived instances. */
const DAY_CACHE_LIMIT = 20_000;

function toMinuteIntervals(list: ReadonlyArray<readonly [string, string]> | undefined): readonly MinuteInterval[] {
  if (!list?.length) return NO_HOURS;
  // Sorted because add/between walk a day's intervals in time order.
  return list.map(([s, e]): MinuteInterval => [minutesOf(s), minutesOf(e)]).sort((a, b) => a[0] - b[0]);
}

/** Local dates are handled as whole days since 1970-01-01, independent of any zone. */
function dayNumberOf(isoDate: string): number {
  // A date-only ISO string is parsed as UTC midnight, which is exactly what a day number needs.
  return Math.round(Date.parse(isoDate) / DAY_MS);
}

/** 0 = Monday; day 0 (1970-01-01) was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

class ZonedBusinessCalendar implements BusinessCalendar {
  private readonly zone: IANAZone;
  private readonly weekly: ReadonlyArray<readonly MinuteInterval[]>;
  private readonly holidays: ReadonlySet<number>;
  private readonly extraWorkdays: ReadonlyMap<number, readonly MinuteInterval[]>;
  private readonly dayCache = new Map<number, readonly Interval[]>();

  constructor(spec: Extract<CalendarSpec, { mode: 'business_hours' }>) {
    this.zone = IANAZone.create(spec.timezone);
    this.weekly = WEEKDAY_KEYS.map((k) => toMinuteIntervals(spec.weekly[k]));
    this.holidays = new Set(spec.holidays.map(dayNumberOf));
    this.extraWorkdays = new Map(spec.extraWorkdays.map((d) => [dayNumberOf(d.date), toMinuteIntervals(d.hours)]));
  }

  addBusinessMs(start: Date, ms: number): Date {
    const t0 = instantOf(start);
    let remaining = durationOf(ms);
    const firstDay = this.localDay(t0);
    let lastOpenDay = firstDay;
    // Starting a day early is cheap insurance for zones whose fall-back crosses midnight,
    // where the previous local date's hours can still lie ahead of t0.
    for (let day = firstDay - 1; ; day++) {
      if (day - lastOpenDay > NO_OPEN_TIME_HORIZON_DAYS) throw new Error('calendar_has_no_open_time');
      for (const [s, e] of this.intervalsOn(day)) {
        if (e <= t0) continue;
        lastOpenDay = day;
        const from = Math.max(s, t0);
        const available = e - from;
        // `<=` so that a target landing exactly on closing time is due then, not at the next opening.
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
  }

  businessMsBetween(from: Date, to: Date): number {
    const a = instantOf(from);
    const b = instantOf(to);
    if (b <= a) return 0;
    let total = 0;
    const lastDay = this.localDay(b) + 1;
    for (let day = this.localDay(a) - 1; day <= lastDay; day++) {
      for (const [s, e] of this.intervalsOn(day)) {
        const lo = Math.max(s, a);
        const hi = Math.min(e, b);
        if (hi > lo) total += hi - lo;
      }
    }
    return total;
  }

  isOpenAt(at: Date): boolean {
    const t = instantOf(at);
    const day = this.localDay(t);
    for (let d = day - 1; d <= day + 1; d++) {
      for (const [s, e] of this.intervalsOn(d)) if (s <= t && t < e) return true;
    }
    return false;
  }

  private offsetMs(t: number): number {
    // Historical LMT offsets have seconds, which luxon reports as fractional minutes.
    return Math.round(this.zone.offset(t) * MINUTE_MS);
  }

  private localDay(t: number): number {
    return Math.floor((t + this.offsetMs(t)) / DAY_MS);
  }

  private hoursOn(day: number): readonly MinuteInterval[] {
    const extra = this.extraWorkdays.get(day);
    if (extra) return extra;
    if (this.holidays.has(day)) return NO_HOURS;
    return this.weekly[weekdayIndex(day)] ?? NO_HOURS;
  }

  /** The open UTC intervals of one local date, sorted and non-empty; the schema already rules out overlap. */
  private intervalsOn(day: number): readonly Interval[] {
    const cached = this.dayCache.get(day);
    if (cached) return cached;
    const hours = this.hoursOn(day);
    let result: readonly Interval[] = NO_INTERVALS;
    if (hours.length) {
      const wallMidnight = day * DAY_MS;
      const offsets = this.offsetsAround(wallMidnight);
      const out: Interval[] = [];
      for (const [sMin, eMin] of hours) {
        const s = this.wallToInstant(wallMidnight + sMin * MINUTE_MS, offsets);
        const e = this.wallToInstant(wallMidnight + eMin * MINUTE_MS, offsets);
        // An interval lying wholly inside a spring-forward gap collapses to nothing.
        if (e > s) out.push([s, e]);
      }
      result = out;
    }
    if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
    this.dayCache.set(day, result);
    return result;
  }

  /**
   * Every UTC offset the zone uses at instants that could carry a wall time of this local
   * date. Real offsets lie within -12h..+14h, so those instants fall in
   * [midnight - 14h, midnight + 24h + 12h].
   */
  private offsetsAround(wallMidnight: number): readonly number[] {
    const windowStart = wallMidnight - 14 * HOUR_MS;
    const windowEnd = wallMidnight + 36 * HOUR_MS;
    const first = this.offsetMs(windowStart);
    // Almost every day has no transition nearby; two offset look-ups settle that.
    if (first === this.offsetMs(windowEnd)) return [first];
    const seen = new Set<number>([first]);
    // Transition days are rare, so sampling hourly for robustness costs nothing noticeable.
    for (let t = windowStart + HOUR_MS; t <= windowEnd; t += HOUR_MS) seen.add(this.offsetMs(t));
    return [...seen];
  }

  /**
   * The first instant whose wall clock reads `wall` or later: an ambiguous (fall-back) time
   * gives its earlier instant, a skipped (spring-forward) time gives the end of the gap.
   * This mapping never decreases as `wall` grows, which keeps intervals of adjacent days
   * from overlapping.
   */
  private wallToInstant(wall: number, offsets: readonly number[]): number {
    const [only] = offsets;
    if (offsets.length === 1 && only !== undefined) return wall - only;
    let earliest = Infinity;
    for (const o of offsets) {
      const t = wall - o;
      if (t < earliest && this.offsetMs(t) === o) earliest = t;
    }
    if (earliest !== Infinity) return earliest;
    // In a gap: search for the first instant at which the wall clock reaches `wall`.
    let lo = wall - Math.max(...offsets);
    let hi = wall - Math.min(...offsets);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid + this.offsetMs(mid) >= wall) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

/** Accepts the raw (input) form too: the spec is re-validated because a bad zone would silently yield NaN instants. */
export function createCalendar(spec: CalendarSpec | CalendarSpecInput): BusinessCalendar {
  const parsed = calendarSpecSchema.parse(spec);
  if (parsed.mode === '24x7') return ALWAYS_OPEN;
  return new ZonedBusinessCalendar(parsed);
}
