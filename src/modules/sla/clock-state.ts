import type { Status } from '../complaints/lifecycle.js';
import { isOpen } from '../complaints/lifecycle.js';
import type { BusinessCalendar } from './calendar.js';
import type { SlaPolicy } from './policies.js';

export const AT_RISK_RATIO = 0.8;
export type ClockName = 'first_response' | 'resolution';
export type AlertKind = 'at_risk' | 'breached';

/** The SLA columns of a complaint, as stored. */
export interface SlaFields {
  status: Status;
  sla_cycle: number;
  sla_started_at: Date;
  sla_paused_at: Date | null;
  sla_paused_ms: number;
  first_response_due_at: Date;
  first_response_at_risk_at: Date;
  resolution_due_at: Date;
  resolution_at_risk_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
}

export interface DueTimes {
  first_response_due_at: Date;
  first_response_at_risk_at: Date;
  resolution_due_at: Date;
  resolution_at_risk_at: Date;
}

/**
 * Due = the instant after (target + time spent paused) of business time from the cycle
 * start. Keeping the paused total (not shifted due dates) lets a severity change recompute
 * from scratch and still honour earlier pauses.
 */
export function dueTimes(policy: SlaPolicy, cal: BusinessCalendar, startedAt: Date, pausedMs: number): DueTimes {
  const fr = policy.firstResponseMinutes * 60_000;
  const res = policy.resolutionMinutes * 60_000;
  return {
    first_response_due_at: cal.addBusinessMs(startedAt, fr + pausedMs),
    first_response_at_risk_at: cal.addBusinessMs(startedAt, Math.round(fr * AT_RISK_RATIO) + pausedMs),
    resolution_due_at: cal.addBusinessMs(startedAt, res + pausedMs),
    resolution_at_risk_at: cal.addBusinessMs(startedAt, Math.round(res * AT_RISK_RATIO) + pausedMs),
  };
}

/** A clock runs while the complaint is open, not paused and the clock's goal is not yet met. */
export function isRunning(f: SlaFields, clock: ClockName): boolean {
  if (!isOpen(f.status) || f.sla_paused_at) return false;
  return clock === 'first_response' ? f.first_response_at === null : f.resolved_at === null;
}

export function thresholds(f: SlaFields, clock: ClockName): Array<{ kind: AlertKind; at: Date }> {
  return clock === 'first_response'
    ? [
        { kind: 'at_risk', at: f.first_response_at_risk_at },
        { kind: 'breached', at: f.first_response_due_at },
      ]
    : [
        { kind: 'at_risk', at: f.resolution_at_risk_at },
        { kind: 'breached', at: f.resolution_due_at },
      ];
}

export const alertKey = (clock: ClockName, kind: AlertKind) => `${clock}:${kind}`;

/**
 * What the queue sorts by (nearest running due) and when the scheduler must look next
 * (earliest threshold of a running clock not yet alerted in this cycle).
 */
export function schedule(f: SlaFields, alerted: ReadonlySet<string>): { sla_urgent_at: Date | null; sla_next_check_at: Date | null } {
  let urgent: Date | null = null;
  let next: Date | null = null;
  for (const clock of ['first_response', 'resolution'] as const) {
    if (!isRunning(f, clock)) continue;
    const due = clock === 'first_response' ? f.first_response_due_at : f.resolution_due_at;
    if (!urgent || due < urgent) urgent = due;
    for (const t of thresholds(f, clock)) {
      if (alerted.has(alertKey(clock, t.kind))) continue;
      if (!next || t.at < next) next = t.at;
    }
  }
  return { sla_urgent_at: urgent, sla_next_check_at: next };
}

/** Thresholds of running clocks that have passed by `now` and were not alerted yet, in time order. */
export function dueAlerts(f: SlaFields, alerted: ReadonlySet<string>, now: Date, clocks: readonly ClockName[] = ['first_response', 'resolution']) {
  const out: Array<{ clock: ClockName; kind: AlertKind; at: Date; dueAt: Date }> = [];
  for (const clock of clocks) {
    if (!isRunning(f, clock)) continue;
    const dueAt = clock === 'first_response' ? f.first_response_due_at : f.resolution_due_at;
    for (const t of thresholds(f, clock)) {
      if (t.at <= now && !alerted.has(alertKey(clock, t.kind))) out.push({ clock, kind: t.kind, at: t.at, dueAt });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type ClockState = 'running' | 'at_risk' | 'breached' | 'met' | 'met_late' | 'paused' | 'stopped';

export interface ClockView {
  dueAt: string;
  atRiskAt: string;
  metAt: string | null;
  state: ClockState;
  /** Wall-clock ms until due (negative when overdue); frozen while paused; null once met or stopped. */
  remainingMs: number | null;
}

function clockView(f: SlaFields, clock: ClockName, now: Date): ClockView {
  const dueAt = clock === 'first_response' ? f.first_response_due_at : f.resolution_due_at;
  const atRiskAt = clock === 'first_response' ? f.first_response_at_risk_at : f.resolution_at_risk_at;
  const metAt = clock === 'first_response' ? f.first_response_at : f.resolved_at;
  const base = { dueAt: dueAt.toISOString(), atRiskAt: atRiskAt.toISOString(), metAt: metAt?.toISOString() ?? null };
  if (metAt) return { ...base, state: metAt <= dueAt ? 'met' : 'met_late', remainingMs: null };
  if (!isOpen(f.status)) return { ...base, state: 'stopped', remainingMs: null };
  if (f.sla_paused_at) return { ...base, state: 'paused', remainingMs: dueAt.getTime() - f.sla_paused_at.getTime() };
  const remainingMs = dueAt.getTime() - now.getTime();
  const state: ClockState = remainingMs <= 0 ? 'breached' : now >= atRiskAt ? 'at_risk' : 'running';
  return { ...base, state, remainingMs };
}

export interface SlaView {
  policy: string;
  cycle: number;
  paused: boolean;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  firstResponse: ClockView;
  resolution: ClockView;
  atRisk: boolean;
  breached: boolean;
  /** Remaining ms of the most urgent running clock (what a countdown shows). */
  remainingMs: number | null;
}

export function slaView(f: SlaFields & { severity: string; sla_breached: boolean }, now: Date): SlaView {
  const firstResponse = clockView(f, 'first_response', now);
  const resolution = clockView(f, 'resolution', now);
  const live = [firstResponse, resolution].filter((c) => c.remainingMs !== null && (c.state === 'running' || c.state === 'at_risk' || c.state === 'breached' || c.state === 'paused'));
  const remainingMs = live.length ? Math.min(...live.map((c) => c.remainingMs!)) : null;
  return {
    policy: f.severity,
    cycle: f.sla_cycle,
    paused: f.sla_paused_at !== null,
    firstResponseDueAt: firstResponse.dueAt,
    resolutionDueAt: resolution.dueAt,
    firstResponse,
    resolution,
    atRisk: [firstResponse, resolution].some((c) => c.state === 'at_risk'),
    breached: f.sla_breached || [firstResponse, resolution].some((c) => c.state === 'breached' || c.state === 'met_late'),
    remainingMs,
  };
}
