import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, calendarSpecSchema, createCalendar, type BusinessCalendar, type CalendarSpecInput } from './calendar.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const BER = 'Europe/Berlin';

/** A wall time in `zone`; refuses times luxon would silently shift (e.g. inside a DST gap). */
function at(local: string, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) throw new Error(`not a real wall time: ${local} ${zone}`);
  return dt.toJSDate();
}

function wall(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

const utc = (iso: string) => new Date(iso);

/** mulberry32: tiny deterministic PRNG so property tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NINE_TO_SIX: [string, string][] = [['09:00', '18:00']];
const shanghaiOffice = (extra: Partial<Extract<CalendarSpecInput, { mode: 'business_hours' }>> = {}) =>
  createCalendar({
    mode: 'business_hours',
    timezone: SH,
    weekly: { mon: NINE_TO_SIX, tue: NINE_TO_SIX, wed: NINE_TO_SIX, thu: NINE_TO_SIX, fri: NINE_TO_SIX },
    ...extra,
  });

const ALL_DAY: [string, string][] = [['00:00', '24:00']];
const allDayEveryDay = (timezone: string) =>
  createCalendar({
    mode: 'business_hours',
    timezone,
    weekly: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  });

const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];
const weekdays9to5 = (timezone: string) =>
  createCalendar({
    mode: 'business_hours',
    timezone,
    weekly: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  });

/** Business ms inside one local date of `zone`. */
function msOnLocalDate(cal: BusinessCalendar, date: string, zone: string): number {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return cal.businessMsBetween(start.toJSDate(), start.plus({ days: 1 }).toJSDate());
}

describe('24x7 calendar', () => {
  it('adds and measures plain milliseconds', () => {
    const start = utc('2026-03-07T23:30:00.123Z');
    expect(ALWAYS_OPEN.addBusinessMs(start, 90 * MINUTE).toISOString()).toBe('2026-03-08T01:00:00.123Z');
    expect(ALWAYS_OPEN.businessMsBetween(start, utc('2026-03-09T23:30:00.123Z'))).toBe(48 * HOUR);
    expect(ALWAYS_OPEN.businessMsBetween(utc('2026-03-09T00:00:00Z'), start)).toBe(0);
    expect(ALWAYS_OPEN.isOpenAt(start)).toBe(true);
  });

  it('treats negative durations as zero and is what createCalendar returns for 24x7', () => {
    const start = utc('2026-01-01T00:00:00Z');
    expect(ALWAYS_OPEN.addBusinessMs(start, -5000).getTime()).toBe(start.getTime());
    expect(createCalendar({ mode: '24x7' })).toBe(ALWAYS_OPEN);
  });

  it('rejects invalid dates and NaN durations instead of returning Invalid Date', () => {
    expect(() => ALWAYS_OPEN.addBusinessMs(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => ALWAYS_OPEN.addBusinessMs(new Date(), Number.NaN)).toThrow(RangeError);
  });
});

describe('business hours, Asia/Shanghai Mon–Fri 09:00–18:00', () => {
  const cal = shanghaiOffice();

  it('carries over the weekend: Friday 17:00 + 2h = Monday 10:00', () => {
    const due = cal.addBusinessMs(at('2026-03-13T17:00', SH), 2 * HOUR);
    expect(wall(due, SH)).toBe('2026-03-16T10:00');
    expect(due.toISOString()).toBe('2026-03-16T02:00:00.000Z');
  });

  it('lands exactly on closing time rather than the next opening', () => {
    expect(wall(cal.addBusinessMs(at('2026-03-13T17:00', SH), HOUR), SH)).toBe('2026-03-13T18:00');
  });

  it('starts counting at opening when started before it', () => {
    expect(wall(cal.addBusinessMs(at('2026-03-10T06:15', SH), 30 * MINUTE), SH)).toBe('2026-03-10T09:30');
    expect(wall(cal.addBusinessMs(at('2026-03-10T06:15', SH), 0), SH)).toBe('2026-03-10T09:00');
    expect(wall(cal.addBusinessMs(at('2026-03-10T18:00', SH), 0), SH)).toBe('2026-03-11T09:00');
  });

  it('ms=0 at an open instant returns that very instant; negative is treated as 0', () => {
    const start = new Date(at('2026-03-10T11:00', SH).getTime() + 123);
    expect(cal.addBusinessMs(start, 0).getTime()).toBe(start.getTime());
    expect(cal.addBusinessMs(start, -HOUR).getTime()).toBe(start.getTime());
  });

  it('isOpenAt respects the half-open interval [09:00, 18:00)', () => {
    expect(cal.isOpenAt(at('2026-03-10T09:00', SH))).toBe(true);
    expect(cal.isOpenAt(new Date(at('2026-03-10T09:00', SH).getTime() - 1))).toBe(false);
    expect(cal.isOpenAt(new Date(at('2026-03-10T18:00', SH).getTime() - 1))).toBe(true);
    expect(cal.isOpenAt(at('2026-03-10T18:00', SH))).toBe(false);
    expect(cal.isOpenAt(at('2026-03-14T12:00', SH))).toBe(false);
  });

  it('counts no business time over a weekend', () => {
    expect(cal.businessMsBetween(at('2026-03-13T18:00', SH), at('2026-03-16T09:00', SH))).toBe(0);
    expect(cal.businessMsBetween(at('2026-03-13T16:00', SH), at('2026-03-16T11:30', SH))).toBe(4.5 * HOUR);
    expect(cal.businessMsBetween(at('2026-03-16T11:30', SH), at('2026-03-13T16:00', SH))).toBe(0);
    // A full Mon–Sun week is 5 × 9h.
    expect(cal.businessMsBetween(at('2026-03-09T00:00', SH), at('2026-03-16T00:00', SH))).toBe(45 * HOUR);
  });

  it('skips a holiday entirely when started on it', () => {
    const withHoliday = shanghaiOffice({ holidays: ['2026-03-11'] });
    const due = withHoliday.addBusinessMs(at('2026-03-11T10:00', SH), HOUR);
    expect(wall(due, SH)).toBe('2026-03-12T10:00');
    expect(withHoliday.isOpenAt(at('2026-03-11T10:00', SH))).toBe(false);
    expect(withHoliday.businessMsBetween(at('2026-03-10T00:00', SH), at('2026-03-13T00:00', SH))).toBe(18 * HOUR);
  });

  it('opens an extra workday Saturday (调休) with its own hours', () => {
    const withMakeUp = shanghaiOffice({ extraWorkdays: [{ date: '2026-03-14', hours: [['10:00', '15:00']] }] });
    expect(wall(withMakeUp.addBusinessMs(at('2026-03-13T17:00', SH), 2 * HOUR), SH)).toBe('2026-03-14T11:00');
    expect(withMakeUp.isOpenAt(at('2026-03-14T09:30', SH))).toBe(false);
    expect(withMakeUp.isOpenAt(at('2026-03-14T14:59', SH))).toBe(true);
    expect(withMakeUp.businessMsBetween(at('2026-03-13T18:00', SH), at('2026-03-16T09:00', SH))).toBe(5 * HOUR);
  });

  it('lets an extra workday override a holiday on the same date', () => {
    const both = shanghaiOffice({ holidays: ['2026-03-11'], extraWorkdays: [{ date: '2026-03-11', hours: [['13:00', '14:00']] }] });
    expect(msOnLocalDate(both, '2026-03-11', SH)).toBe(HOUR);
    expect(wall(both.addBusinessMs(at('2026-03-11T08:00', SH), 30 * MINUTE), SH)).toBe('2026-03-11T13:30');
  });

  it('does not stop the clock between touching intervals (12:00–12:00)', () => {
    const split = createCalendar({ mode: 'business_hours', timezone: SH, weekly: { tue: [['12:00', '18:00'], ['09:00', '12:00']] } });
    expect(split.isOpenAt(at('2026-03-10T12:00', SH))).toBe(true);
    expect(wall(split.addBusinessMs(at('2026-03-10T11:00', SH), HOUR), SH)).toBe('2026-03-10T12:00');
    expect(msOnLocalDate(split, '2026-03-10', SH)).toBe(9 * HOUR);
  });

  it('keeps millisecond precision', () => {
    const start = new Date(at('2026-03-13T17:59', SH).getTime() + 59_999);
    const due = cal.addBusinessMs(start, 2);
    expect(due.getTime()).toBe(at('2026-03-16T09:00', SH).getTime() + 1);
  });
});

describe('roundtrip property: businessMsBetween(s, addBusinessMs(s, d)) === d', () => {
  const lunchBreak: [string, string][] = [['08:30', '12:00'], ['13:00', '17:45']];
  const calendars: Array<[string, BusinessCalendar, number, number]> = [
    [
      'Shanghai with holidays and make-up days',
      shanghaiOffice({ holidays: ['2026-02-16', '2026-02-17', '2026-05-01'], extraWorkdays: [{ date: '2026-02-14', hours: NINE_TO_SIX }] }),
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 11, 31),
    ],
    [
      'New York across both DST transitions, odd hours',
      createCalendar({
        mode: 'business_hours',
        timezone: NY,
        weekly: { mon: lunchBreak, wed: lunchBreak, fri: lunchBreak, sat: [['22:00', '24:00']], sun: [['00:00', '04:00'], ['23:30', '24:00']] },
      }),
      Date.UTC(2026, 1, 20),
      Date.UTC(2026, 10, 20),
    ],
    ['Berlin round the clock', allDayEveryDay(BER), Date.UTC(2026, 2, 1), Date.UTC(2026, 10, 1)],
  ];

  for (const [name, cal, from, to] of calendars) {
    it(name, () => {
      const rand = prng(0xc0ffee ^ name.length);
      for (let i = 0; i < 400; i++) {
        const start = new Date(from + Math.floor(rand() * (to - from)));
        const d = Math.floor(rand() * 120 * HOUR) + (i % 5 === 0 ? 0 : 1);
        const end = cal.addBusinessMs(start, d);
        expect(cal.businessMsBetween(start, end)).toBe(d);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
        // Splitting a positive duration must not change where it ends.
        if (d > 1) {
          const part = 1 + Math.floor(rand() * (d - 1));
          expect(cal.addBusinessMs(cal.addBusinessMs(start, part), d - part).getTime()).toBe(end.getTime());
        }
      }
    });
  }

  it('agrees with a minute-by-minute wall-clock oracle across the New York DST weekends', () => {
    const weekly = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: [['22:00', '24:00']] as [string, string][], sun: ALL_DAY };
    const cal = createCalendar({ mode: 'business_hours', timezone: NY, weekly });
    const keys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    const openByWallClock = (t: number) => {
      const dt = DateTime.fromMillis(t, { zone: NY });
      const minute = dt.hour * 60 + dt.minute;
      const hours = weekly[keys[dt.weekday - 1] ?? 'mon'];
      return hours.some(([s, e]) => minute >= Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) && minute < Number(e.slice(0, 2)) * 60 + Number(e.slice(3)));
    };
    const rand = prng(42);
    for (const windowStart of [Date.UTC(2026, 2, 5), Date.UTC(2026, 9, 29)]) {
      for (let i = 0; i < 10; i++) {
        const a = windowStart + Math.floor(rand() * 3 * 24 * 60) * MINUTE;
        const b = a + Math.floor(rand() * 3 * 24 * 60) * MINUTE;
        let expected = 0;
        for (let t = a; t < b; t += MINUTE) if (openByWallClock(t)) expected += MINUTE;
        expect(cal.businessMsBetween(new Date(a), new Date(b))).toBe(expected);
      }
    }
  });
});

describe('DST: America/New_York', () => {
  it('a 00:00–24:00 day is 23h on 2026-03-08 and 25h on 2026-11-01', () => {
    const cal = allDayEveryDay(NY);
    expect(msOnLocalDate(cal, '2026-03-07', NY)).toBe(24 * HOUR);
    expect(msOnLocalDate(cal, '2026-03-08', NY)).toBe(23 * HOUR);
    expect(msOnLocalDate(cal, '2026-11-01', NY)).toBe(25 * HOUR);
    // 24 business hours from Saturday midnight cross the short Sunday and end 1h into Monday.
    expect(wall(cal.addBusinessMs(at('2026-03-08T00:00', NY), 24 * HOUR), NY)).toBe('2026-03-09T01:00');
    expect(wall(cal.addBusinessMs(at('2026-11-01T00:00', NY), 24 * HOUR), NY)).toBe('2026-11-01T23:00');
  });

  it('09:00–17:00: Friday 2026-03-06 10:00 + 8h = Monday 2026-03-09 10:00 local', () => {
    const cal = weekdays9to5(NY);
    const due = cal.addBusinessMs(at('2026-03-06T10:00', NY), 8 * HOUR);
    expect(DateTime.fromJSDate(due, { zone: NY }).toISO()).toBe('2026-03-09T10:00:00.000-04:00');
    // The same span measured in real time is 71h, not 72h: the weekend lost an hour.
    expect(due.getTime() - at('2026-03-06T10:00', NY).getTime()).toBe(71 * HOUR);
  });

  it('09:00–17:00 across fall back: Friday 2026-10-30 10:00 + 8h = Monday 2026-11-02 10:00 local', () => {
    const due = weekdays9to5(NY).addBusinessMs(at('2026-10-30T10:00', NY), 8 * HOUR);
    expect(DateTime.fromJSDate(due, { zone: NY }).toISO()).toBe('2026-11-02T10:00:00.000-05:00');
  });

  it('a wall time inside the spring-forward gap starts at the first instant after the gap', () => {
    // 02:30 does not exist on 2026-03-08; the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    const cal = createCalendar({ mode: 'business_hours', timezone: NY, weekly: { sun: [['02:30', '04:00']] } });
    expect(cal.addBusinessMs(utc('2026-03-08T05:00:00Z'), 0).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(msOnLocalDate(cal, '2026-03-08', NY)).toBe(HOUR);
    expect(cal.isOpenAt(utc('2026-03-08T06:59:59.999Z'))).toBe(false);
    expect(cal.isOpenAt(utc('2026-03-08T07:00:00Z'))).toBe(true);
    // A normal Sunday still has the full 1.5h.
    expect(msOnLocalDate(cal, '2026-03-15', NY)).toBe(1.5 * HOUR);
  });

  it('an interval wholly inside the gap has no open time that day', () => {
    const cal = createCalendar({ mode: 'business_hours', timezone: NY, weekly: { sun: [['02:00', '03:00']] } });
    expect(msOnLocalDate(cal, '2026-03-08', NY)).toBe(0);
    expect(cal.addBusinessMs(utc('2026-03-08T05:00:00Z'), 0).toISOString()).toBe('2026-03-15T06:00:00.000Z');
  });

  it('an ambiguous fall-back wall time resolves to the earlier instant', () => {
    // On 2026-11-01 01:00–02:00 happens twice: 05:00–06:00Z (EDT) and 06:00–07:00Z (EST).
    const cal = createCalendar({ mode: 'business_hours', timezone: NY, weekly: { sun: [['01:30', '02:00']] } });
    expect(cal.addBusinessMs(utc('2026-11-01T04:00:00Z'), 0).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(msOnLocalDate(cal, '2026-11-01', NY)).toBe(1.5 * HOUR);
    expect(cal.isOpenAt(utc('2026-11-01T05:45:00Z'))).toBe(true);
    expect(cal.isOpenAt(utc('2026-11-01T06:45:00Z'))).toBe(true);
    expect(cal.isOpenAt(utc('2026-11-01T07:00:00Z'))).toBe(false);
  });
});

describe('DST: Europe/Berlin', () => {
  it('a 00:00–24:00 day is 23h on 2026-03-29 and 25h on 2026-10-25', () => {
    const cal = allDayEveryDay(BER);
    expect(msOnLocalDate(cal, '2026-03-28', BER)).toBe(24 * HOUR);
    expect(msOnLocalDate(cal, '2026-03-29', BER)).toBe(23 * HOUR);
    expect(msOnLocalDate(cal, '2026-10-25', BER)).toBe(25 * HOUR);
    expect(cal.businessMsBetween(at('2026-03-01T00:00', BER), at('2026-11-01T00:00', BER))).toBe(
      at('2026-11-01T00:00', BER).getTime() - at('2026-03-01T00:00', BER).getTime(),
    );
  });

  it('gap and overlap on 02:30–03:30 Sundays', () => {
    const cal = createCalendar({ mode: 'business_hours', timezone: BER, weekly: { sun: [['02:30', '03:30']] } });
    // Spring: 02:30 is skipped, so the interval runs 03:00–03:30 CEST (01:00–01:30Z).
    expect(msOnLocalDate(cal, '2026-03-29', BER)).toBe(30 * MINUTE);
    expect(cal.addBusinessMs(utc('2026-03-28T23:00:00Z'), 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // Autumn: 02:30 is the earlier (CEST, 00:30Z) occurrence; 03:30 CET is 02:30Z.
    expect(msOnLocalDate(cal, '2026-10-25', BER)).toBe(2 * HOUR);
    expect(cal.addBusinessMs(utc('2026-10-24T23:00:00Z'), 0).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('09:00–17:00 across the spring weekend keeps local hours', () => {
    const due = weekdays9to5(BER).addBusinessMs(at('2026-03-27T15:00', BER), 4 * HOUR);
    expect(DateTime.fromJSDate(due, { zone: BER }).toISO()).toBe('2026-03-30T11:00:00.000+02:00');
  });
});

describe('no open time', () => {
  it('throws calendar_has_no_open_time when nothing is open within 3 years', () => {
    const closed = createCalendar({ mode: 'business_hours', timezone: SH, weekly: {} });
    expect(() => closed.addBusinessMs(utc('2026-01-01T00:00:00Z'), HOUR)).toThrow('calendar_has_no_open_time');
    expect(() => closed.addBusinessMs(utc('2026-01-01T00:00:00Z'), 0)).toThrow('calendar_has_no_open_time');
    expect(closed.businessMsBetween(utc('2026-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z'))).toBe(0);
    expect(closed.isOpenAt(utc('2026-01-01T00:00:00Z'))).toBe(false);
  });

  it('finds an opening 2 years out but not one 4 years out', () => {
    const start = utc('2026-01-01T00:00:00Z');
    const spec = (date: string) => createCalendar({ mode: 'business_hours', timezone: SH, weekly: {}, extraWorkdays: [{ date, hours: NINE_TO_SIX }] });
    expect(wall(spec('2028-01-05').addBusinessMs(start, HOUR), SH)).toBe('2028-01-05T10:00');
    expect(() => spec('2030-01-05').addBusinessMs(start, HOUR)).toThrow('calendar_has_no_open_time');
  });

  it('fails fast on that error (it walks days, not minutes)', () => {
    const closed = createCalendar({ mode: 'business_hours', timezone: NY, weekly: {} });
    const t0 = performance.now();
    expect(() => closed.addBusinessMs(utc('2026-01-01T00:00:00Z'), HOUR)).toThrow('calendar_has_no_open_time');
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('performance', () => {
  it('measures a year and adds a year of business time in under 50 ms each', () => {
    const from = at('2026-01-01T00:00', NY);
    const to = at('2027-01-01T00:00', NY);
    const t0 = performance.now();
    const yearMs = weekdays9to5(NY).businessMsBetween(from, to);
    const t1 = performance.now();
    const end = weekdays9to5(NY).addBusinessMs(from, yearMs);
    const t2 = performance.now();
    // 2026 has 261 weekdays.
    expect(yearMs).toBe(261 * 8 * HOUR);
    expect(wall(end, NY)).toBe('2026-12-31T17:00');
    expect(t1 - t0).toBeLessThan(50);
    expect(t2 - t1).toBeLessThan(50);
  });
});

describe('calendarSpecSchema', () => {
  const base = { mode: 'business_hours', timezone: SH, weekly: { mon: NINE_TO_SIX } } as const;
  const issuesOf = (input: unknown) => {
    const r = calendarSpecSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a full spec, 24:00 as an end, and fills defaults', () => {
    const parsed = calendarSpecSchema.parse({ ...base, weekly: { sat: [['20:00', '24:00'], ['00:00', '06:00']] } });
    expect(parsed).toEqual({ mode: 'business_hours', timezone: SH, weekly: { sat: [['20:00', '24:00'], ['00:00', '06:00']] }, holidays: [], extraWorkdays: [] });
    expect(calendarSpecSchema.parse({ mode: '24x7' })).toEqual({ mode: '24x7' });
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf({ ...base, timezone: 'Mars/Olympus_Mons' })).toEqual(['timezone']);
    expect(issuesOf({ ...base, timezone: '' })).toEqual(['timezone']);
    expect(() => createCalendar({ ...base, timezone: 'Not/AZone' })).toThrow();
  });

  it('rejects start >= end and malformed times', () => {
    expect(issuesOf({ ...base, weekly: { mon: [['18:00', '09:00']] } })).toEqual(['weekly.mon.0']);
    expect(issuesOf({ ...base, weekly: { mon: [['09:00', '09:00']] } })).toEqual(['weekly.mon.0']);
    expect(issuesOf({ ...base, weekly: { mon: [['24:00', '24:00']] } })).toEqual(['weekly.mon.0']);
    expect(issuesOf({ ...base, weekly: { mon: [['9:00', '18:00']] } })).toEqual(['weekly.mon.0.0']);
    expect(issuesOf({ ...base, weekly: { mon: [['09:00', '24:30']] } })).toEqual(['weekly.mon.0.1']);
    expect(issuesOf({ ...base, weekly: { mon: [['09:00', '25:00']] } })).toEqual(['weekly.mon.0.1']);
  });

  it('rejects overlapping intervals but allows touching ones', () => {
    expect(issuesOf({ ...base, weekly: { tue: [['09:00', '12:00'], ['11:00', '13:00']] } })).toEqual(['weekly.tue.1']);
    expect(issuesOf({ ...base, weekly: { tue: [['09:00', '18:00'], ['10:00', '11:00'], ['12:00', '13:00']] } })).toEqual(['weekly.tue.1', 'weekly.tue.2']);
    expect(issuesOf({ ...base, extraWorkdays: [{ date: '2026-02-14', hours: [['09:00', '12:00'], ['08:00', '10:00']] }] })).toEqual(['extraWorkdays.0.hours.0']);
    expect(issuesOf({ ...base, weekly: { tue: [['13:00', '18:00'], ['09:00', '13:00']] } })).toEqual([]);
  });

  it('rejects bad date strings', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-1', '20260301', '2026-03-01T00:00:00Z', '']) {
      expect(issuesOf({ ...base, holidays: [bad] })).toEqual(['holidays.0']);
      expect(issuesOf({ ...base, extraWorkdays: [{ date: bad, hours: NINE_TO_SIX }] })).toEqual(['extraWorkdays.0.date']);
    }
    expect(issuesOf({ ...base, holidays: ['2028-02-29'] })).toEqual([]);
  });

  it('rejects unknown keys, duplicate or empty extra workdays', () => {
    expect(issuesOf({ ...base, weekly: { monday: NINE_TO_SIX } })).toEqual(['weekly']);
    expect(issuesOf({ mode: '24x7', timezone: SH })).toEqual(['']);
    expect(issuesOf({ ...base, extraWorkdays: [{ date: '2026-02-14', hours: [] }] })).toEqual(['extraWorkdays.0.hours']);
    expect(
      issuesOf({ ...base, extraWorkdays: [{ date: '2026-02-14', hours: NINE_TO_SIX }, { date: '2026-02-14', hours: NINE_TO_SIX }] }),
    ).toEqual(['extraWorkdays.1.date']);
  });
});
