import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Severity } from '../complaints/taxonomy.js';
import { calendarSpecSchema, createCalendar, type BusinessCalendar, type CalendarSpec } from './calendar.js';

export interface SlaPolicy {
  severity: Severity;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  pauseWhileAwaitingCustomer: boolean;
  /** A first breach also reassigns the complaint to a supervisor. */
  reassignOnBreach: boolean;
  calendar: CalendarSpec;
  updatedAt: string;
}

export interface PolicyRow {
  severity: Severity;
  first_response_minutes: number;
  resolution_minutes: number;
  pause_while_awaiting_customer: boolean;
  reassign_on_breach: boolean;
  calendar: unknown;
  updated_at: Date;
}

export function policyFromRow(r: PolicyRow): SlaPolicy {
  return {
    severity: r.severity,
    firstResponseMinutes: r.first_response_minutes,
    resolutionMinutes: r.resolution_minutes,
    pauseWhileAwaitingCustomer: r.pause_while_awaiting_customer,
    reassignOnBreach: r.reassign_on_breach,
    calendar: calendarSpecSchema.parse(r.calendar),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listPolicies(db: Queryable): Promise<SlaPolicy[]> {
  const rows = await db.query<PolicyRow>(
    `select * from sla_policies order by array_position(array['urgent','serious','general'], severity)`,
  );
  return rows.map(policyFromRow);
}

export async function loadPolicy(db: Queryable, severity: Severity): Promise<SlaPolicy> {
  const [row] = await db.query<PolicyRow>('select * from sla_policies where severity = $1', [severity]);
  if (!row) throw new Error(`no SLA policy for severity ${severity}`);
  return policyFromRow(row);
}

export const policyUpdateSchema = z
  .object({
    firstResponseMinutes: z.number().int().min(1).max(60 * 24 * 30).optional(),
    resolutionMinutes: z.number().int().min(1).max(60 * 24 * 365).optional(),
    pauseWhileAwaitingCustomer: z.boolean().optional(),
    reassignOnBreach: z.boolean().optional(),
    calendar: calendarSpecSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });

/** Changes apply to complaints created (or re-timed) after the change; running clocks keep their due times. */
export async function updatePolicy(db: Queryable, severity: Severity, patch: z.infer<typeof policyUpdateSchema>, now: Date): Promise<SlaPolicy> {
  const current = await loadPolicy(db, severity);
  const next = { ...current, ...patch };
  if (next.firstResponseMinutes > next.resolutionMinutes) {
    throw new AppError('validation_failed', 'The first-response target cannot be longer than the resolution target.', [
      { path: 'body.firstResponseMinutes', message: 'must be ≤ resolutionMinutes' },
    ]);
  }
  await db.query(
    `update sla_policies set first_response_minutes = $2, resolution_minutes = $3,
            pause_while_awaiting_customer = $4, calendar = $5, updated_at = $6, reassign_on_breach = $7 where severity = $1`,
    [severity, next.firstResponseMinutes, next.resolutionMinutes, next.pauseWhileAwaitingCustomer, next.calendar, now, next.reassignOnBreach],
  );
  return loadPolicy(db, severity);
}

export function calendarOf(policy: SlaPolicy): BusinessCalendar {
  return createCalendar(policy.calendar);
}
