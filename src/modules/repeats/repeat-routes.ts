import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line, text } from '../../http/schemas.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf } from '../auth/principal.js';
import { READERS, requireRole } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { appendEvent } from '../events/append-event.js';
import { linkRepeat, mergeComplaint } from './merge-complaint.js';
import { splitComplaint } from './split-complaint.js';
import { LIMITS } from '../complaints/complaint-schema.js';

const complaintRef = z.union([z.uuid(), z.string().regex(/^C-\d{4}-\d{6,}$/)]);

interface FollowUpRow {
  id: string; complaint_id: string; number: string; subject: string; kind: string; assigned_role: string; status: string;
  note: string | null; due_at: Date; created_at: Date; done_at: Date | null; done_by: string | null;
}

const followUpToApi = (r: FollowUpRow) => ({
  id: r.id, complaintId: r.complaint_id, complaintNumber: r.number, subject: r.subject, kind: r.kind, assignedRole: r.assigned_role,
  status: r.status, note: r.note, dueAt: r.due_at.toISOString(), createdAt: r.created_at.toISOString(),
  doneAt: r.done_at?.toISOString() ?? null, doneBy: r.done_by,
});

export const repeatRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/follow-ups', tag: 'repeats', auth: 'required',
    summary: 'Supervisor follow-ups (repeat complaints), oldest due first',
    query: z.object({ status: z.enum(['open', 'done']).default('open'), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
    async handler({ ctx, principal, query }) {
      requireRole(principal, ['admin', 'supervisor', 'analyst'], 'read follow-ups');
      const rows = await ctx.db.query<FollowUpRow>(
        `select f.*, c.number, c.subject from follow_ups f join complaints c on c.id = f.complaint_id
          where f.status = $1 order by f.due_at, f.id limit ${query.limit}`,
        [query.status],
      );
      return { items: rows.map(followUpToApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/follow-ups/:id/complete', tag: 'repeats', auth: 'required',
    summary: 'Complete a follow-up with a note (supervisor); completing twice is a conflict',
    params: idParams, body: z.object({ note: text(2000) }).strict(),
    async handler({ ctx, principal, params, body }) {
      const p = requireRole(principal, ['admin', 'supervisor'], 'complete follow-ups');
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<FollowUpRow>(
          `update follow_ups f set status = 'done', note = $2, done_at = $3, done_by = $4
            from complaints c where f.id = $1 and c.id = f.complaint_id and f.status = 'open'
            returning f.*, c.number, c.subject`,
          [params.id, body.note, now, p.userId],
        );
        if (!row) {
          const exists = await tx.query('select 1 from follow_ups where id = $1', [params.id]);
          if (!exists.length) throw notFound('No such follow-up.');
          throw new AppError('conflict', 'This follow-up is already done.');
        }
        await appendEvent(tx, { complaintId: row.complaint_id, type: 'followup.completed', actor: actorOf(p), at: now, data: { followUpId: row.id, note: body.note } });
        return followUpToApi(row);
      });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/duplicates', tag: 'repeats', auth: 'required',
    summary: 'Suggested near-duplicates of this complaint from the same customer (to merge)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      requireRole(principal, [...READERS, 'department_staff'], 'read duplicate suggestions');
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      const rows = await ctx.db.query<{ candidate_id: string; number: string; subject: string; similarity: number; status: string; complaint_status: string }>(
        `select s.candidate_id, c.number, c.subject, s.similarity, s.status, c.status as complaint_status from duplicate_suggestions s
           join complaints c on c.id = s.candidate_id where s.complaint_id = $1 order by s.similarity desc`,
        [id],
      );
      return { items: rows.map((r) => ({ complaintId: r.candidate_id, number: r.number, subject: r.subject, similarity: r.similarity, status: r.status, complaintStatus: r.complaint_status })), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/merge', tag: 'repeats', auth: 'required',
    summary: 'Merge this complaint into another of the same customer (this one is cancelled; history is kept)',
    params: complaintRefParams, body: z.object({ into: complaintRef, reason: text(500).optional() }).strict(),
    async handler({ ctx, principal, params, body }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      const into = await resolveComplaintRef(ctx.db, body.into);
      await mergeComplaint(ctx, principal, id, into, body.reason ?? null);
      return { mergedId: id, intoId: into };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/split', tag: 'repeats', auth: 'required',
    summary: 'Split messages about another problem out into a new complaint of the same customer (classified and routed like any intake)',
    params: complaintRefParams,
    body: z.object({
      messageIds: z.array(z.uuid()).min(1).max(100),
      subject: line(LIMITS.subject),
      category: line(40).optional(),
      reason: text(500).optional(),
    }).strict(),
    response: { status: 201 },
    async handler({ ctx, principal, params, body }) {
      return splitComplaint(ctx, principal, await resolveComplaintRef(ctx.db, params.id), body);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/link', tag: 'repeats', auth: 'required',
    summary: 'Link this complaint as a repeat of an earlier one (null unlinks)',
    params: complaintRefParams, body: z.object({ repeatOf: complaintRef.nullable() }).strict(),
    async handler({ ctx, principal, params, body }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      const repeatOf = body.repeatOf ? await resolveComplaintRef(ctx.db, body.repeatOf) : null;
      await linkRepeat(ctx, principal, id, repeatOf);
      return { id, repeatOfId: repeatOf };
    },
  }),
];
