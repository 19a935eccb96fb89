import type { Queryable } from '../../../db/database.js';
import type { RoutingPrefetch } from '../../routing/apply-routing.js';
import { policyFromRow, type PolicyRow, type SlaPolicy } from '../../sla/policies.js';
import type { Severity } from '../taxonomy.js';

export interface IntakeSettings extends RoutingPrefetch {
  policies: ReadonlyMap<Severity, SlaPolicy>;
  /** Complaint numbers drawn for the intake group, ascending (see `numbers` below). */
  numbers: string[];
}

type JsonPolicyRow = Omit<PolicyRow, 'updated_at'> & { updated_at: string };

/**
 * The settings every intake needs — which routing rule set is active, department ids by code,
 * the SLA policies — in one round trip instead of three. Read inside the intake transaction,
 * so an admin's change is seen by the very next complaint, on every instance, with no cache
 * to invalidate.
 */
export async function loadIntakeSettings(tx: Queryable, numbers: { year: number; count: number } = { year: 0, count: 0 }): Promise<IntakeSettings> {
  // `numbers`: complaint numbers for a whole intake group, drawn in the same round trip (a
  // number drawn for a complaint that then fails validation is a gap, as after a rollback).
  const [row] = await tx.query<{ rule_set: { id: string; version: number } | null; departments: Record<string, string> | null; policies: JsonPolicyRow[] | null; numbers: string[] | null }>(
    `select (select json_build_object('id', id, 'version', version) from routing_rule_sets where status = 'active') as rule_set,
            (select json_object_agg(code, id) from departments) as departments,
            (select json_agg(p) from sla_policies p) as policies,
            (select array_agg(next_complaint_number($1::text)) from generate_series(1, $2::int)) as numbers`,
    [String(numbers.year), numbers.count],
  );
  const policies = new Map<Severity, SlaPolicy>();
  for (const p of row?.policies ?? []) policies.set(p.severity, policyFromRow({ ...p, updated_at: new Date(p.updated_at) }));
  return {
    ruleSet: row?.rule_set ?? null,
    departmentIds: new Map(Object.entries(row?.departments ?? {})),
    policies,
    numbers: (row?.numbers ?? []).sort((a, b) => sequenceOf(a) - sequenceOf(b)),
  };
}

/** The sequence part of a complaint number (C-2026-000123 → 123). */
const sequenceOf = (number: string) => Number(number.slice(number.lastIndexOf('-') + 1));
