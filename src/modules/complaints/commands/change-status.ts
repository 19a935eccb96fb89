import type { Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Actor, type Principal } from '../../auth/principal.js';
import { appendEvent } from '../../events/append-event.js';
import { loadPolicy } from '../../sla/policies.js';
import { closeOpenHandoffs } from '../../handoffs/close-open-handoffs.js';
import { cancelPendingApprovals } from '../../approvals/cancel-pending-approvals.js';
import { assertCustomerReopenWindow, onComplaintStatusForSurveys } from '../../surveys/survey-lifecycle.js';
import { SlaTransaction } from '../../sla/sla-commands.js';
import { assertCan } from '../complaint-policy.js';
import { lockComplaint, type ComplaintRow } from '../complaint-row.js';
import { assertTransition, type Status } from '../lifecycle.js';
import { assertVisible, getComplaint } from '../queries/get-complaint.js';
import type { ComplaintDto } from '../complaint-row.js';

/** Moves a locked row to `to` with its clock effects and event. Shared by commands that change status as a side effect. */
export async function transition(
  tx: Queryable,
  row: ComplaintRow,
  to: Status,
  actor: Actor,
  now: Date,
  reason: string | null,
  sla: SlaTransaction = new SlaTransaction(tx, row, now),
  resolutionCode: string | null = null,
): Promise<SlaTransaction> {
  const from = row.status;
  assertTransition(from, to);
  row.status = to;
  const policy = await loadPolicy(tx, row.severity);
  await sla.onStatus(from, to, policy.pauseWhileAwaitingCustomer);
  await appendEvent(tx, { complaintId: row.id, type: 'complaint.status_changed', actor, at: now, data: { from, to, reason, ...(resolutionCode ? { resolutionCode } : {}) } });
  if (to === 'resolved' || to === 'closed' || to === 'cancelled') await closeOpenHandoffs(tx, row.id, actor, now, `complaint ${to}`);
  if (to === 'closed' || to === 'cancelled') await cancelPendingApprovals(tx, row.id, actor, now, `complaint ${to}`);
  await onComplaintStatusForSurveys(tx, row, to, actor, now);
  return sla;
}

/** Outcomes only the front line decides (seed: the agent gives the final answer). */
const DEPARTMENT_FINAL: readonly Status[] = ['resolved', 'closed', 'cancelled', 'reopened'];

/** What a customer may do to their own complaint: confirm a resolution or reopen it. */
const CUSTOMER_MOVES: Partial<Record<Status, readonly Status[]>> = { resolved: ['closed', 'reopened'] };

export async function changeStatus(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { status: Status; reason?: string; resolutionCode?: string },
): Promise<ComplaintDto> {
  await assertVisible(ctx.db, p, id);
  assertCan(p, input.status === 'cancelled' ? 'cancel' : 'change_status');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, id);
    if (p.kind === 'user' && p.role === 'department_staff' && DEPARTMENT_FINAL.includes(input.status)) {
      assertTransition(row.status, input.status);
      throw new AppError('forbidden', 'The front line gives the final answer: department staff answer the hand-off instead.');
    }
    if (p.kind === 'customer' && input.status === 'reopened') await assertCustomerReopenWindow(tx, row, now);
    if (p.kind === 'customer' && !(CUSTOMER_MOVES[row.status] ?? []).includes(input.status)) {
      assertTransition(row.status, input.status); // an impossible move is still reported as such
      throw new AppError('forbidden', 'Customers can confirm or reopen a resolved complaint only.');
    }
    const code = input.status === 'resolved' ? (input.resolutionCode ?? null) : null;
    const sla = await transition(tx, row, input.status, actorOf(p), now, input.reason ?? null, undefined, code);
    await sla.persist(code ? { resolution_code: code } : {});
  });
  return getComplaint(ctx, p, id);
}
