import { z } from 'zod';
import { AppError } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { text } from '../../http/schemas.js';
import { FRONT_LINE, requireRole } from '../auth/require-role.js';
import { changeStatus } from '../complaints/commands/change-status.js';
import { updateComplaint } from '../complaints/commands/update-complaint.js';
import { getComplaint } from '../complaints/queries/get-complaint.js';
import { RESOLUTION_CODES, STATUSES } from '../complaints/lifecycle.js';
import { complaintPatchSchema } from '../complaints/complaint-schema.js';

const MAX_IDS = 100;
const tag = complaintPatchSchema.shape.tags.unwrap().element;

const bulkInput = z.object({
  ids: z.array(z.uuid()).min(1).max(MAX_IDS),
  assigneeId: z.uuid().nullable().optional(),
  addTags: z.array(tag).max(10).optional(),
  removeTags: z.array(tag).max(10).optional(),
  status: z.enum(STATUSES).optional(),
  reason: text(500).optional(),
  resolutionCode: z.enum(RESOLUTION_CODES).optional().describe('how they were resolved (with status resolved only)'),
}).strict()
  .refine((b) => b.assigneeId !== undefined || b.addTags || b.removeTags || b.status, { message: 'name at least one change' })
  .refine((b) => b.resolutionCode === undefined || b.status === 'resolved', { path: ['resolutionCode'], message: 'only when resolving' });

/**
 * One action over many complaints. Each complaint is changed by the same command as a single
 * edit, in its own transaction with its own events, so one refused complaint (closed, not
 * visible, illegal move) does not undo the others; the answer says what happened to each.
 */
export const bulkRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/bulk', tag: 'workspace', auth: 'required',
    summary: 'Assign, tag or move up to 100 complaints at once; per-complaint results',
    body: bulkInput,
    async handler({ ctx, principal, body }) {
      requireRole(principal, FRONT_LINE, 'change complaints in bulk');
      const results: Array<{ id: string; ok: boolean; error?: { code: string; message: string } }> = [];
      for (const id of [...new Set(body.ids)]) {
        try {
          if (body.assigneeId !== undefined || body.addTags || body.removeTags) {
            let tags: string[] | undefined;
            if (body.addTags || body.removeTags) {
              const current = await getComplaint(ctx, principal, id);
              const remove = new Set(body.removeTags ?? []);
              tags = [...new Set([...current.tags, ...(body.addTags ?? [])])].filter((t) => !remove.has(t));
            }
            await updateComplaint(ctx, principal, id, {
              ...(body.assigneeId !== undefined ? { assigneeId: body.assigneeId } : {}),
              ...(tags ? { tags } : {}),
              ...(body.reason ? { reason: body.reason } : {}),
            });
          }
          if (body.status) await changeStatus(ctx, principal, id, {
            status: body.status,
            ...(body.reason ? { reason: body.reason } : {}),
            ...(body.resolutionCode ? { resolutionCode: body.resolutionCode } : {}),
          });
          results.push({ id, ok: true });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id, ok: false, error: { code: err.code, message: err.message } });
        }
      }
      return { items: results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
    },
  }),
];
