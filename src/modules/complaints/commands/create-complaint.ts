import type { Queryable } from '../../../db/database.js';
import type { AppContext } from '../../../http/context.js';
import type { Principal } from '../../auth/principal.js';
import { assertCan } from '../complaint-policy.js';
import type { CreateComplaintInput } from '../complaint-schema.js';
import { complaintToApi, type ComplaintDto } from '../complaint-row.js';
import { getComplaint } from '../queries/get-complaint.js';
import { GroupRunner, type ItemOutcome } from '../intake/group-runner.js';
import { writeComplaints, type IntakeRequest, type IntakeResult } from '../intake/write-complaints.js';

export interface CreateResult {
  complaint: ComplaintDto;
  replayed: boolean;
}

/** Complaints written in one transaction at most (bounds a group's latency and statement size). */
export const MAX_INTAKE_GROUP = 64;

/** One group's transaction; if it fails as a whole, each complaint alone (one bad complaint cannot sink the others). */
async function runGroup(ctx: AppContext, requests: readonly IntakeRequest[]): Promise<Array<ItemOutcome<IntakeResult>>> {
  const alone = (r: IntakeRequest) => ctx.db.transaction((tx) => writeComplaints(tx, [r], ctx.config.REPEAT_WINDOW_DAYS)).then(([o]) => o!);
  if (requests.length === 1) return [await alone(requests[0]!)];
  try {
    return await ctx.db.transaction((tx) => writeComplaints(tx, requests, ctx.config.REPEAT_WINDOW_DAYS));
  } catch {
    const outcomes: Array<ItemOutcome<IntakeResult>> = [];
    for (const r of requests) outcomes.push(await alone(r).catch((error: unknown) => ({ ok: false as const, error })));
    return outcomes;
  }
}

const runners = new WeakMap<AppContext, GroupRunner<IntakeRequest, IntakeResult>>();

/**
 * Intake's group commit: complaints that arrive while a group is being written go together in
 * the next one (GroupRunner). A quiet system writes each complaint at once; under load the
 * transaction's fixed costs are shared. On PostgreSQL two groups are written side by side (one
 * prepares while the other commits); PGlite runs one statement at a time anyway.
 */
function intakeRunner(ctx: AppContext): GroupRunner<IntakeRequest, IntakeResult> {
  let r = runners.get(ctx);
  if (!r) {
    r = new GroupRunner((requests) => runGroup(ctx, requests), MAX_INTAKE_GROUP, ctx.db.kind === 'postgres' ? 2 : 1);
    runners.set(ctx, r);
  }
  return r;
}

/** How intake has grouped so far in this process: transactions (runs) and complaints (items). */
export function intakeGroupStats(ctx: AppContext): { runs: number; items: number } {
  return { ...intakeRunner(ctx).stats };
}

/**
 * Takes a complaint in from any channel: one record, its classification, its route and
 * its SLA clocks, with every step in the event log, all in one transaction (shared with the
 * complaints that arrived at the same moment: write-complaints.ts). With an Idempotency-Key a
 * retry returns the first complaint instead of writing a second. `inTransaction` lets a
 * channel (email, webhook) write its own rows in the complaint's transaction.
 */
export async function createComplaint(
  ctx: AppContext,
  p: Principal,
  input: CreateComplaintInput,
  idempotencyKey?: string,
  opts: { inTransaction?: (tx: Queryable, complaintId: string) => Promise<void> } = {},
): Promise<CreateResult> {
  assertCan(p, 'create');
  const request: IntakeRequest = {
    principal: p, input, now: ctx.clock.now(),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(opts.inTransaction ? { inTransaction: opts.inTransaction } : {}),
  };
  const outcome = await intakeRunner(ctx).submit(request);
  if ('replayOf' in outcome) return { complaint: await getComplaint(ctx, p, outcome.replayOf), replayed: true };
  // Only staff who see every complaint and the customer themself may create one (complaint-policy), so the
  // creator may always see it: the row written is the answer.
  if (outcome.row) return { complaint: complaintToApi(outcome.row, ctx.clock.now()), replayed: false };
  return { complaint: await getComplaint(ctx, p, outcome.created), replayed: false };
}
