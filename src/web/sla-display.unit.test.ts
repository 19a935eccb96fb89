import { describe, expect, it } from 'vitest';
import { formatDuration } from './format.js';
import { setLocale } from './i18n.js';
import { markState } from './SlaMark.js';
import type { Sla, SlaClock } from './types.js';

const clock = (over: Partial<SlaClock>): SlaClock => ({
  dueAt: '2026-03-02T02:00:00Z', atRiskAt: '2026-03-02T01:48:00Z', metAt: null, state: 'running', remainingMs: 3_600_000, ...over,
});
const sla = (over: Partial<Sla> = {}): Sla => ({
  policy: 'general', cycle: 1, paused: false, firstResponseDueAt: null, resolutionDueAt: null,
  firstResponse: clock({ state: 'met', remainingMs: null }), resolution: clock({}),
  atRisk: false, breached: false, remainingMs: 3_600_000, ...over,
});

describe('formatDuration', () => {
  it('formats minutes/seconds, hours/minutes, days/hours and overdue', () => {
    setLocale('en');
    expect(formatDuration(12 * 60_000 + 3_000)).toBe('12m 03s');
    expect(formatDuration(-(65 * 60_000))).toBe('-1h 05m');
    expect(formatDuration(26 * 3_600_000)).toBe('1d 02h');
    expect(formatDuration(999)).toBe('0m 00s');
  });
});

describe('markState', () => {
  const t0 = 1_000_000;
  it('is ok while far from due, at risk inside the risk window, breached past due', () => {
    expect(markState(sla(), t0, t0)).toBe('ok');
    expect(markState(sla(), t0, t0 + 3_600_000 - 11 * 60_000)).toBe('at_risk');
    expect(markState(sla(), t0, t0 + 3_600_000 + 1)).toBe('breached');
  });
  it('trusts the server flags and pauses', () => {
    expect(markState(sla({ atRisk: true }), t0, t0)).toBe('at_risk');
    expect(markState(sla({ breached: true }), t0, t0)).toBe('breached');
    expect(markState(sla({ paused: true, resolution: clock({ state: 'paused' }) }), t0, t0 + 9e9)).toBe('paused');
    expect(markState(null, t0, t0)).toBe('none');
  });
});
