import type { Queryable } from '../../db/database.js';

import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { ComplaintRow } from '../complaints/complaint-row.js';
import { saveComplaint } from '../complaints/complaint-row.js';
import type { Status } from '../complaints/lifecycle.js';
import { appendEvent } from '../events/append-event.js';
import { dueTimes, schedule, type ClockName } from './clock-state.js';
import { loadAlerted, recordDueAlerts } from './sla-alerts.js';
import { calendarOf, loadPolicy } from './policies.js';

/**
 * The SLA side of a change to a locked complaint row. Each function mutates `row` in memory
 * (so later steps see the new state) and writes its events; `persistSla` saves the columns.
 */
export class SlaTransaction {
  private alerted: Set<string> | null = null;
  private breachedNow = false;

  constructor(
    private readonly tx: Queryable,
    readonly row: ComplaintRow,
    private readonly now: Date,
  ) {}

  private async alerts(): Promise<Set<string>> {
    this.alerted ??= await loadAlerted(this.tx, this.row.id, this.row.sla_cycle);
    return this.alerted;
  }

  /** Before a clock stops, record thresholds it already passed (e.g. a first reply after the due time). */
  async flush(clocks?: readonly ClockName[], notBefore?: Date): Promise<void> {
    const { breached } = await recordDueAlerts(this.tx, this.row, await this.alerts(), this.now, clocks, notBefore);
    this.breachedNow ||= breached;
  }

  async firstResponse(): Promise<boolean> {
    if (this.row.first_response_at) return false;
    await this.flush(['first_response']);
    this.row.first_response_at = this.now;
    await appendEvent(this.tx, {
      complaintId: this.row.id, type: 'sla.first_response_met', actor: SYSTEM_ACTOR, at: this.now,
      data: { cycle: this.row.sla_cycle, dueAt: this.row.first_response_due_at.toISOString(), withinSla: this.now <= this.row.first_response_due_at },
    });
    return true;
  }

  async pause(reason: string): Promise<void> {
    if (this.row.sla_paused_at) return;
    await this.flush();
    this.row.sla_paused_at = this.now;
    await appendEvent(this.tx, { complaintId: this.row.id, type: 'sla.paused', actor: SYSTEM_ACTOR, at: this.now, data: { cycle: this.row.sla_cycle, reason } });
  }

  async resume(): Promise<void> {
    const pausedAt = this.row.sla_paused_at;
    if (!pausedAt) return;
    const policy = await loadPolicy(this.tx, this.row.severity);
    const cal = calendarOf(policy);
    const pausedMs = cal.businessMsBetween(pausedAt, this.now);
    this.row.sla_paused_ms = Number(this.row.sla_paused_ms) + pausedMs;
    this.row.sla_paused_at = null;
    Object.assign(this.row, dueTimes(policy, cal, this.row.sla_started_at, this.row.sla_paused_ms));
    await appendEvent(this.tx, {
      complaintId: this.row.id, type: 'sla.resumed', actor: SYSTEM_ACTOR, at: this.now,
      data: {
        cycle: this.row.sla_cycle, pausedMs,
        firstResponseDueAt: this.row.first_response_due_at.toISOString(), resolutionDueAt: this.row.resolution_due_at.toISOString(),
      },
    });
  }

  /** Re-times the clocks under the row's (new) severity, keeping the cycle start and pauses. */
  async recompute(reason: string): Promise<void> {
    const policy = await loadPolicy(this.tx, this.row.severity);
    Object.assign(this.row, dueTimes(policy, calendarOf(policy), this.row.sla_started_at, Number(this.row.sla_paused_ms)));
    await appendEvent(this.tx, {
      complaintId: this.row.id, type: 'sla.recomputed', actor: SYSTEM_ACTOR, at: this.now,
      data: { cycle: this.row.sla_cycle, reason, firstResponseDueAt: this.row.first_response_due_at.toISOString(), resolutionDueAt: this.row.resolution_due_at.toISOString() },
    });
    // Tighter targets can put thresholds in the past: record them as happening at this change.
    await this.flush(undefined, this.now);
  }

  /** A reopened complaint starts a new resolution cycle with fresh targets. */
  async newCycle(): Promise<void> {
    const policy = await loadPolicy(this.tx, this.row.severity);
    this.row.sla_cycle += 1;
    this.row.sla_started_at = this.now;
    this.row.sla_paused_at = null;
    this.row.sla_paused_ms = 0;
    this.row.resolved_at = null;
    this.row.sla_breached = false;
    this.alerted = new Set();
    this.breachedNow = false;
    Object.assign(this.row, dueTimes(policy, calendarOf(policy), this.now, 0));
    await appendEvent(this.tx, {
      complaintId: this.row.id, type: 'sla.started', actor: SYSTEM_ACTOR, at: this.now,
      data: { cycle: this.row.sla_cycle, severity: this.row.severity, firstResponseDueAt: this.row.first_response_due_at.toISOString(), resolutionDueAt: this.row.resolution_due_at.toISOString() },
    });
  }

  /** Applies what entering `to` means for the clocks. Call after row.status is set to `to`. */
  async onStatus(from: Status, to: Status, pauseWhileAwaitingCustomer: boolean): Promise<void> {
    if (from === 'awaiting_customer' && to !== 'awaiting_customer') await this.resume();
    switch (to) {
      case 'awaiting_customer':
        if (pauseWhileAwaitingCustomer) {
          // flush() checks running clocks, so evaluate as if still running before pausing
          this.row.status = from;
          await this.pause('awaiting customer');
          this.row.status = to;
        }
        break;
      case 'resolved':
      case 'cancelled':
        this.row.status = from;
        await this.flush();
        this.row.status = to;
        if (to === 'resolved') this.row.resolved_at = this.now;
        break;
      case 'closed':
        this.row.closed_at = this.now;
        break;
      case 'reopened':
        this.row.closed_at = null;
        await this.newCycle();
        break;
      case 'new':
      case 'in_progress':
      case 'awaiting_department':
        break;
    }
  }

  /** Saves the SLA columns and the scheduler's next look. */
  async persist(extra: Partial<ComplaintRow> = {}): Promise<void> {
    const next = schedule(this.row, await this.alerts());
    this.row.sla_breached ||= this.breachedNow;
    await saveComplaint(this.tx, this.row.id, {
      sla_cycle: this.row.sla_cycle,
      sla_started_at: this.row.sla_started_at,
      sla_paused_at: this.row.sla_paused_at,
      sla_paused_ms: this.row.sla_paused_ms,
      first_response_due_at: this.row.first_response_due_at,
      first_response_at_risk_at: this.row.first_response_at_risk_at,
      resolution_due_at: this.row.resolution_due_at,
      resolution_at_risk_at: this.row.resolution_at_risk_at,
      first_response_at: this.row.first_response_at,
      resolved_at: this.row.resolved_at,
      closed_at: this.row.closed_at,
      sla_breached: this.row.sla_breached,
      status: this.row.status,
      ...next,
      updated_at: this.now,
      ...extra,
    });
  }
}

