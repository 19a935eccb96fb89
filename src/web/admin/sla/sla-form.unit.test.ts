import { describe, expect, it } from 'vitest';
import { calendarSpecSchema, createCalendar } from '../../../modules/sla/calendar.js';
import {
  addHoliday, calendarToForm, errorKey, formToCalendar, formToPatch, groupErrors, isDirty, minutesToTarget, nextInterval,
  policyToForm, targetToMinutes, weekdayRuns, type CalendarSpec, type SlaPolicy,
} from './sla-form.js';

const business: CalendarSpec = {
  mode: 'business_hours',
  timezone: 'Europe/Berlin',
  weekly: { mon: [['09:00', '12:00'], ['13:00', '18:00']], tue: [['09:00', '18:00']], sat: [['10:00', '24:00']] },
  holidays: ['2025-12-25', '2025-01-01'],
  extraWorkdays: [{ date: '2025-10-11', hours: [['09:00', '17:00']] }],
};

const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({
  severity: 'serious', firstResponseMinutes: 60, resolutionMinutes: 2880, pauseWhileAwaitingCustomer: true,
  reassignOnBreach: false, calendar: { mode: '24x7' }, updatedAt: '2025-01-01T00:00:00.000Z', ...over,
});

describe('targets', () => {
  it('shows a target in the largest unit that divides it', () => {
    expect(minutesToTarget(2880)).toEqual({ amount: '2', unit: 'days' });
    expect(minutesToTarget(120)).toEqual({ amount: '2', unit: 'hours' });
    expect(minutesToTarget(90)).toEqual({ amount: '90', unit: 'minutes' });
  });

  it('turns amount + unit into whole minutes, refusing what is not', () => {
    expect(targetToMinutes({ amount: '1.5', unit: 'hours' })).toBe(90);
    expect(targetToMinutes({ amount: '0.1', unit: 'hours' })).toBe(6);
    expect(targetToMinutes({ amount: '3', unit: 'days' })).toBe(4320);
    expect(targetToMinutes({ amount: '2,5', unit: 'hours' })).toBe(150);
    for (const amount of ['', ' ', 'abc', '0', '-5', '0.5']) expect(targetToMinutes({ amount, unit: 'minutes' }), amount).toBeNull();
  });
});

describe('calendar form ↔ spec', () => {
  it('round-trips a business-hours calendar, with midnight shown as 00:00 in the form', () => {
    const form = calendarToForm(business);
    expect(form.weekly.sat).toEqual([{ open: '10:00', close: '00:00' }]);
    expect(form.weekly.sun).toEqual([]);
    expect(form.holidays).toEqual(['2025-01-01', '2025-12-25']);
    const back = formToCalendar(form);
    expect(back).toEqual({ ...business, holidays: ['2025-01-01', '2025-12-25'] });
    // What the form produces is what the server's schema accepts and the calendar engine runs on.
    expect(calendarSpecSchema.parse(back)).toEqual(back);
    expect(createCalendar(back).isOpenAt(new Date('2025-03-01T22:30:00Z'))).toBe(true); // Sat 23:30 Berlin
  });

  it('keeps intervals in entered order so a server error index names the row shown', () => {
    const form = calendarToForm(business);
    form.weekly.wed = [{ open: '14:00', close: '18:00' }, { open: '09:00', close: '15:00' }];
    expect(formToCalendar(form)).toMatchObject({ weekly: { wed: [['14:00', '18:00'], ['09:00', '15:00']] } });
    const issues = calendarSpecSchema.safeParse(formToCalendar(form));
    expect(issues.success).toBe(false);
    // The overlapping interval is reported at weekly.wed[…], which the form shows on Wednesday.
    const paths = issues.error!.issues.map((i) => errorKey(['body', 'calendar', ...i.path.map(String)].join('.')));
    expect(paths).toContain('weekly.wed');
  });

  it('switching a 24×7 policy to business hours starts from office hours in the default zone', () => {
    const form = calendarToForm({ mode: '24x7' });
    expect(form.mode).toBe('24x7');
    expect(formToCalendar(form)).toEqual({ mode: '24x7' });
    const switched = formToCalendar({ ...form, mode: 'business_hours' });
    expect(calendarSpecSchema.parse(switched)).toMatchObject({ timezone: 'Asia/Shanghai', weekly: { mon: [['09:00', '18:00']], fri: [['09:00', '18:00']] } });
    expect(switched.mode === 'business_hours' && switched.weekly.sat).toBeUndefined();
  });

  it('adds holidays in sorted order, once', () => {
    expect(addHoliday(['2025-05-01', '2025-10-01'], '2025-06-02')).toEqual(['2025-05-01', '2025-06-02', '2025-10-01']);
    expect(addHoliday(['2025-05-01'], '2025-05-01')).toEqual(['2025-05-01']);
    expect(addHoliday(['2025-05-01'], '')).toEqual(['2025-05-01']);
  });

  it('proposes a further interval after the last one, never past midnight', () => {
    expect(nextInterval([])).toEqual({ open: '09:00', close: '18:00' });
    expect(nextInterval([{ open: '09:00', close: '12:00' }])).toEqual({ open: '13:00', close: '17:00' });
    expect(nextInterval([{ open: '09:00', close: '21:30' }])).toEqual({ open: '22:30', close: '00:00' });
  });

  it('groups weekdays with equal hours for the summary', () => {
    const weekly = calendarToForm({ ...business, weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [['10:00', '14:00']] } }).weekly;
    expect(weekdayRuns(weekly).map((r) => `${r.from}-${r.to}`)).toEqual(['mon-wed', 'fri-fri', 'sat-sat']);
  });
});

describe('policy form', () => {
  it('builds the PATCH body from the form', () => {
    const form = policyToForm(policy({ calendar: business }));
    form.firstResponse = { amount: '45', unit: 'minutes' };
    form.reassignOnBreach = true;
    const out = formToPatch(form);
    expect(out.patch).toMatchObject({ firstResponseMinutes: 45, resolutionMinutes: 2880, pauseWhileAwaitingCustomer: true, reassignOnBreach: true });
    expect(out.patch?.calendar).toMatchObject({ mode: 'business_hours', timezone: 'Europe/Berlin' });
  });

  it('reports targets that are not whole minutes instead of sending them', () => {
    const form = policyToForm(policy());
    form.resolution = { amount: '', unit: 'hours' };
    expect(formToPatch(form)).toEqual({ patch: null, problems: ['resolutionMinutes'] });
  });

  it('is dirty only when something that would be saved changed', () => {
    const p = policy();
    const form = policyToForm(p);
    expect(isDirty(form, p)).toBe(false);
    expect(isDirty({ ...form, firstResponse: { amount: '60', unit: 'minutes' } }, p)).toBe(false); // 60 min = 1 h
    expect(isDirty({ ...form, firstResponse: { amount: '2', unit: 'hours' } }, p)).toBe(true);
    // The week hidden behind 24×7 is not part of the policy.
    expect(isDirty({ ...form, calendar: { ...form.calendar, timezone: 'Europe/Paris' } }, p)).toBe(false);
    expect(isDirty({ ...form, calendar: { ...form.calendar, mode: 'business_hours' } }, p)).toBe(true);
  });
});

describe('server errors', () => {
  it('places each validation detail at its field, day, holiday or extra workday', () => {
    expect(errorKey('body.firstResponseMinutes')).toBe('firstResponseMinutes');
    expect(errorKey('body.calendar.timezone')).toBe('timezone');
    expect(errorKey('body.calendar.weekly.mon.0.1')).toBe('weekly.mon');
    expect(errorKey('body.calendar.weekly.funday')).toBe('calendar');
    expect(errorKey('body.calendar.holidays.2')).toBe('holidays.2');
    expect(errorKey('body.calendar.extraWorkdays.0.hours')).toBe('extraWorkdays.0');
    expect(errorKey('body.calendar.mode')).toBe('calendar');
    expect(errorKey('body')).toBe('general');
    expect(errorKey(undefined)).toBe('general');
    expect(groupErrors([
      { path: 'body.calendar.timezone', message: 'unknown IANA time zone' },
      { path: 'body.calendar.weekly.tue.0', message: 'interval start must be before its end' },
      { path: 'body.calendar.weekly.tue.1', message: 'intervals within a day must not overlap' },
      { message: 42 },
    ])).toEqual({ timezone: ['unknown IANA time zone'], 'weekly.tue': ['interval start must be before its end', 'intervals within a day must not overlap'] });
  });
});
