import { defineRoute } from '../../http/define-route.js';
import { idParams } from '../../http/schemas.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { SETTLEMENT_READERS } from './approval-policy.js';
import { authorityLimitsInput, loadAuthorityLimits, replaceAuthorityLimits } from './authority-limits.js';
import { decideApproval } from './commands/decide-approval.js';
import { requestSettlement } from './commands/request-settlement.js';
import { getApproval } from './queries/get-approval.js';
import { listApprovals } from './queries/list-approvals.js';
import { listComplaintSettlements } from './settlement-row.js';
import { decisionInput, listApprovalsQuery, settlementInput } from './settlement-schema.js';

export const approvalRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/authority-limits', tag: 'approvals', auth: 'required',
    summary: 'How much each role may settle without approval, per currency ("*" = any other currency; null = unlimited), and the approval deadline',
    async handler({ ctx, principal }) {
      requireRole(principal, ALL_STAFF, 'read authority limits');
      return loadAuthorityLimits(ctx.db);
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/authority-limits', tag: 'approvals', auth: 'required',
    summary: 'Replace the authority limits (and optionally the approval deadline) (admin); a role without an applicable limit settles nothing on its own',
    body: authorityLimitsInput,
    async handler({ ctx, principal, body }) {
      requireRole(principal, ['admin'], 'edit authority limits');
      const now = ctx.clock.now();
      await ctx.db.transaction((tx) => replaceAuthorityLimits(tx, body, now));
      return loadAuthorityLimits(ctx.db);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/settlements', tag: 'approvals', auth: 'required',
    summary: 'Give a refund, compensation or voucher: granted at once within the caller’s authority limit, else sent to a supervisor for approval (idempotencyKey: a retry returns the first)',
    params: complaintRefParams, body: settlementInput,
    response: { status: 201 },
    async handler({ ctx, principal, params, body, reply }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      const { settlement, replayed } = await requestSettlement(ctx, principal, id, body);
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return settlement;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/settlements', tag: 'approvals', auth: 'required',
    summary: 'The settlements of a complaint with their approvals, oldest first (staff who can see the complaint)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      requireRole(principal, SETTLEMENT_READERS, 'read settlements');
      return { items: await listComplaintSettlements(ctx.db, id, ctx.clock.now()), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/approvals', tag: 'approvals', auth: 'required',
    summary: 'Approval requests, nearest deadline first (supervisors and admins see all, agents their own); ?status=pending is the queue',
    query: listApprovalsQuery,
    handler: ({ ctx, principal, query }) => listApprovals(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/approvals/:id', tag: 'approvals', auth: 'required',
    summary: 'One approval request with its settlement',
    params: idParams,
    handler: ({ ctx, principal, params }) => getApproval(ctx, principal, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/approvals/:id/decision', tag: 'approvals', auth: 'required',
    summary: 'Approve or reject with a reason (supervisor or admin whose limit covers the amount; not the requester); answered twice → 409',
    params: idParams, body: decisionInput,
    handler: ({ ctx, principal, params, body }) => decideApproval(ctx, principal, params.id, body),
  }),
];
