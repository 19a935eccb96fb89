import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { requireRole, type UserPrincipal } from '../../auth/require-role.js';
import { lockComplaint, saveComplaint, type ComplaintRow } from '../../complaints/complaint-row.js';
import { assertVisible } from '../../complaints/queries/get-complaint.js';
import { appendEvent } from '../../events/append-event.js';
import { SETTLERS } from '../approval-policy.js';
import { approvalDeadlineMinutes, limitFor } from '../authority-limits.js';
import { covers } from '../money.js';
import type { SettlementInput } from '../settlement-schema.js';
import { getSettlement, type SettlementDto } from '../settlement-row.js';

/** Settled complaints are over: nothing more is paid on a closed or cancelled case. */
export function assertSettleable(row: ComplaintRow): void {
  if (row.status === 'closed' || row.status === 'cancelled') {
    throw new AppError('conflict', `The complaint is ${row.status}; no settlement can be given on it.`);
  }
}

function requestHash(complaintId: string, input: SettlementInput): string {
  const { kind, amount, currency, reason } = input;
  return createHash('sha256').update(JSON.stringify({ complaintId, kind, amount, currency, reason })).digest('hex');
}

/** Writes the settlement row unless a request with the same idempotency key got there first. */
async function insertSettlement(
  tx: Queryable,
  s: { id: string; complaintId: string; input: SettlementInput; user: UserPrincipal; granted: boolean; hash: string | null; now: Date },
): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `insert into settlements (id, complaint_id, kind, amount, currency, reason, status, requested_by, requested_role,
       idempotency_key, request_hash, created_at, granted_at, granted_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     on conflict do nothing returning id`,
    [
      s.id, s.complaintId, s.input.kind, s.input.amount, s.input.currency, s.input.reason, s.granted ? 'granted' : 'pending_approval',
      s.user.userId, s.user.role, s.input.idempotencyKey ?? null, s.hash, s.now, s.granted ? s.now : null, s.granted ? s.user.userId : null,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The first settlement made with this key, or a 422 if the key was used for a different request. */
async function priorWithKey(tx: Queryable, user: UserPrincipal, key: string, hash: string): Promise<string | null> {
  const [prior] = await tx.query<{ id: string; request_hash: string }>(
    'select id, request_hash from settlements where requested_by = $1 and idempotency_key = $2',
    [user.userId, key],
  );
  if (!prior) return null;
  if (prior.request_hash !== hash) {
    throw new AppError('idempotency_key_reused', 'This idempotencyKey was already used for a different settlement request.');
  }
  return prior.id;
}

/**
 * A refund, compensation or voucher for the customer. Within the giver's authority limit for
 * the currency it is granted at once (settlement.granted, frontstage); above it, it waits for
 * a supervisor as an approval request with its own deadline (approval.requested, backstage).
 * The complaint row is locked first, like every settlement command, and the change and its
 * event commit together. With an idempotencyKey a retry returns the first settlement.
 */
export async function requestSettlement(
  ctx: AppContext,
  p: Principal,
  complaintId: string,
  input: SettlementInput,
): Promise<{ settlement: SettlementDto; replayed: boolean }> {
  await assertVisible(ctx.db, p, complaintId);
  const user = requireRole(p, SETTLERS, 'give settlements');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  const key = input.idempotencyKey;
  const hash = key ? requestHash(complaintId, input) : null;
  const outcome = await ctx.db.transaction(async (tx) => {
    const complaint = await lockComplaint(tx, complaintId);
    if (key && hash) {
      const prior = await priorWithKey(tx, user, key, hash);
      if (prior) return { id: prior, replayed: true };
    }
    assertSettleable(complaint);
    const limit = await limitFor(tx, user.role, input.currency);
    const granted = covers(limit, input.amount);
    const id = await insertSettlement(tx, { id: randomUUID(), complaintId, input, user, granted, hash, now });
    if (!id) {
      // The same key was used concurrently on another complaint: that request won.
      const prior = key && hash ? await priorWithKey(tx, user, key, hash) : null;
      if (!prior) throw new AppError('conflict', 'A concurrent request took this idempotencyKey; retry.');
      return { id: prior, replayed: true };
    }
    const money = { kind: input.kind, amount: input.amount, currency: input.currency, reason: input.reason };
    if (granted) {
      await appendEvent(tx, {
        complaintId, type: 'settlement.granted', actor, at: now,
        data: { settlementId: id, ...money, via: 'authority', approvalId: null, limit },
      });
    } else {
      const dueAt = new Date(now.getTime() + (await approvalDeadlineMinutes(tx)) * 60_000);
      const approvalId = randomUUID();
      await tx.query(
        `insert into approvals (id, settlement_id, complaint_id, requested_by, assigned_role, status, due_at, created_at)
         values ($1, $2, $3, $4, 'supervisor', 'pending', $5, $6)`,
        [approvalId, id, complaintId, user.userId, dueAt, now],
      );
      await appendEvent(tx, {
        complaintId, type: 'approval.requested', actor, at: now,
        data: { approvalId, settlementId: id, ...money, assignedRole: 'supervisor', requesterLimit: limit, dueAt: dueAt.toISOString() },
      });
    }
    await saveComplaint(tx, complaintId, { updated_at: now });
    return { id, replayed: false };
  });
  const settlement = await getSettlement(ctx.db, outcome.id, now);
  if (!settlement) throw new Error(`settlement ${outcome.id} vanished after commit`);
  return { settlement, replayed: outcome.replayed };
}
