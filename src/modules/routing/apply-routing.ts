/**
 * Routing at intake, in the intake transaction: decideRouting() runs after classification and
 * before the SLA due times are computed (a raised severity sets the clocks); routingEvents()
 * runs once the complaint row exists (notifications reference it) and returns the events.
 */
import type { Queryable } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import type { appendEvents } from '../events/append-event.js';
import { notifyStaff, usersWithRole } from '../escalation/notify-staff.js';
import type { Severity } from '../complaints/taxonomy.js';
import { activeRuleSet } from './active-rule-set.js';
import { evaluateRules, type CompiledRuleSet, type RoutingOutcome } from './evaluate-rules.js';
import { pickAssignee, type Picked } from './pick-assignee.js';
import type { RoutingInput } from './routing-facts.js';

type NewEvent = Parameters<typeof appendEvents>[1][number];

export interface RoutingDecision {
  set: CompiledRuleSet;
  outcome: RoutingOutcome;
  initial: { severity: Severity; department: string | null };
  severity: Severity;
  departmentId: string | null;
  /** Code of the department the complaint lands in (null when the routed code does not exist). */
  department: string | null;
  routedReason: string;
  assignee: Picked | null;
  evaluationMs: number;
}

/** What intake already read in one round trip (intake-settings.ts); without it, read here. */
export interface RoutingPrefetch {
  ruleSet: { id: string; version: number } | null;
  departmentIds: ReadonlyMap<string, string>;
}

export async function decideRouting(tx: Queryable, input: RoutingInput, at: Date, prefetch?: RoutingPrefetch): Promise<RoutingDecision> {
  const set = await activeRuleSet(tx, prefetch ? prefetch.ruleSet : undefined);
  const d = planRouting(set, input, prefetch?.departmentIds);
  if (d.department === undefined) {
    // No prefetched department ids: look the routed code up.
    const [dept] = await tx.query<{ id: string }>('select id from departments where code = $1', [d.outcome.department]);
    Object.assign(d, departmentFound(d, dept?.id ?? null));
  }
  return { ...(d as RoutingDecision), assignee: d.outcome.assign ? await pickAssignee(tx, d.outcome.assign, at) : null };
}

type Plan = Omit<RoutingDecision, 'assignee' | 'department'> & { department: string | null | undefined };

function departmentFound(d: Plan, id: string | null): Pick<RoutingDecision, 'departmentId' | 'department' | 'routedReason'> {
  return {
    // A department deleted after the rule was saved: the complaint stays unrouted, visibly.
    departmentId: id,
    department: id ? d.outcome.department : null,
    routedReason: id ? d.routedReason : `department ${d.outcome.department} does not exist (${d.routedReason})`,
  };
}

/**
 * The rules' decision without the database: department (by the given ids), severity, tags,
 * team. `department` is undefined when the routed code's id is not among `departmentIds` and
 * they were not given. Batched intake plans every complaint of a group this way; only an
 * `assign` action (pickAssignee) reads the database.
 */
export function planRouting(set: CompiledRuleSet, input: RoutingInput, departmentIds?: ReadonlyMap<string, string>): Plan {
  const t0 = performance.now();
  const outcome = evaluateRules(set, input);
  const evaluationMs = Math.round((performance.now() - t0) * 1000) / 1000;
  const by = outcome.departmentRule
    ? `rule ${outcome.departmentRule.id} "${outcome.departmentRule.name}" (rule set v${set.version})`
    : `default department for ${input.category}`;
  const plan: Plan = {
    set, outcome, initial: { severity: input.severity, department: input.department }, severity: outcome.severity,
    departmentId: null, department: null, routedReason: `no department (${by})`, evaluationMs,
  };
  if (!outcome.department) return plan;
  plan.routedReason = by;
  if (!departmentIds) return { ...plan, department: undefined };
  return { ...plan, ...departmentFound(plan, departmentIds.get(outcome.department) ?? null) };
}

/** The routing events (and in-app notifications) for a just-inserted complaint. */
export async function routingEvents(tx: Queryable, complaintId: string, d: RoutingDecision, at: Date): Promise<NewEvent[]> {
  const base = { complaintId, at, actor: SYSTEM_ACTOR };
  const { outcome, set } = d;
  const events: NewEvent[] = [
    { ...base, type: 'complaint.routed', data: { department: d.department, reason: d.routedReason } },
    {
      ...base, type: 'routing.applied',
      data: {
        ruleSetId: set.id, version: set.version, fired: outcome.fired, stoppedBy: outcome.stoppedBy,
        changes: {
          department: d.initial.department !== d.department ? { from: d.initial.department, to: d.department } : null,
          severity: d.initial.severity !== d.severity ? { from: d.initial.severity, to: d.severity } : null,
          team: outcome.team,
          tagsAdded: outcome.tagsAdded,
          assigneeId: d.assignee?.userId ?? null,
        },
        evaluationMs: d.evaluationMs,
        ...(set.problem ? { problem: set.problem } : {}),
      },
    },
  ];
  if (d.assignee) events.push({ ...base, type: 'complaint.assigned', data: { from: null, to: d.assignee.userId } });
  for (const n of outcome.notify) {
    const byRole = n.roles.length ? await usersWithRole(tx, n.roles, n.department ? await departmentId(tx, n.department) : null) : [];
    // Named users were checked when the rule was saved; one deactivated since is skipped.
    const named = n.users.length ? (await tx.query<{ id: string }>('select id from users where id = any($1::uuid[]) and active', [n.users])).map((r) => r.id) : [];
    const recipients = await notifyStaff(tx, [...named, ...byRole], {
      complaintId, kind: 'routing', at,
      title: n.message ?? `Routing rule "${n.ruleName}"`,
      body: `Rule ${n.ruleId} (rule set v${set.version}) asked for you to be notified.`,
    });
    events.push({ ...base, type: 'notification.staff', data: { kind: 'routing', recipients, cause: `rule ${n.ruleId}` } });
  }
  for (const r of outcome.autoReplies) {
    events.push({ ...base, type: 'routing.auto_reply_requested', data: { articleSlug: r.articleSlug, ruleId: r.ruleId, version: set.version } });
  }
  return events;
}

async function departmentId(tx: Queryable, code: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>('select id from departments where code = $1', [code]);
  return row?.id ?? null;
}
