import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line } from '../../http/schemas.js';
import { AppError, notFound } from '../../errors.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';

interface DepartmentRow {
  id: string; code: string; name: string; name_zh: string | null;
  handoff_forward_minutes: number; handoff_answer_minutes: number; created_at: Date; updated_at: Date;
}

export function departmentToApi(r: DepartmentRow) {
  return {
    id: r.id, code: r.code, name: r.name, nameZh: r.name_zh,
    handoffForwardMinutes: r.handoff_forward_minutes, handoffAnswerMinutes: r.handoff_answer_minutes,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

const forwardMinutes = z.number().int().min(1).max(10_080);
const answerMinutes = z.number().int().min(1).max(43_200);

const departmentInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'lower-case letters, digits and _ (2–40)' }),
  name: line(100),
  nameZh: line(100).optional(),
  handoffForwardMinutes: forwardMinutes.default(10),
  handoffAnswerMinutes: answerMinutes.default(120),
}).strict();

// Spelled out rather than departmentInput.partial(): zod applies a default even to an optional
// field, so a rename would silently reset both deadlines. The code is what rules and hand-offs
// refer to, so it stays; the Chinese name may be cleared with null.
const departmentPatch = z.object({
  name: line(100).optional(),
  nameZh: line(100).nullable().optional(),
  handoffForwardMinutes: forwardMinutes.optional(),
  handoffAnswerMinutes: answerMinutes.optional(),
}).strict().refine((v) => Object.keys(v).length > 0, { message: 'give at least one field' });

const isUnique = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

export const departmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/departments', tag: 'departments', auth: 'required', summary: 'List departments',
    async handler({ ctx, principal }) {
      requireRole(principal, ALL_STAFF, 'list departments');
      const rows = await ctx.db.query<DepartmentRow>('select * from departments order by code');
      return { items: rows.map(departmentToApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/departments', tag: 'departments', auth: 'required', summary: 'Create a department (admin)',
    body: departmentInput, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      requireRole(principal, ['admin'], 'create departments');
      const now = ctx.clock.now();
      try {
        const [row] = await ctx.db.query<DepartmentRow>(
          `insert into departments (code, name, name_zh, handoff_forward_minutes, handoff_answer_minutes, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $6) returning *`,
          [body.code, body.name, body.nameZh ?? null, body.handoffForwardMinutes, body.handoffAnswerMinutes, now],
        );
        return departmentToApi(row!);
      } catch (err) {
        if (isUnique(err)) throw new AppError('conflict', `A department with code ${body.code} exists.`, [{ path: 'body.code', message: 'already in use' }]);
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/departments/:id', tag: 'departments', auth: 'required', summary: 'Rename a department or change its hand-off deadlines (admin)',
    params: idParams,
    body: departmentPatch,
    async handler({ ctx, principal, params, body }) {
      requireRole(principal, ['admin'], 'change departments');
      const [row] = await ctx.db.query<DepartmentRow>(
        `update departments set name = coalesce($2, name), name_zh = case when $7 then $3 else name_zh end,
           handoff_forward_minutes = coalesce($4, handoff_forward_minutes), handoff_answer_minutes = coalesce($5, handoff_answer_minutes),
           updated_at = $6 where id = $1 returning *`,
        [params.id, body.name ?? null, body.nameZh ?? null, body.handoffForwardMinutes ?? null, body.handoffAnswerMinutes ?? null, ctx.clock.now(), body.nameZh !== undefined],
      );
      if (!row) throw notFound('No such department.');
      return departmentToApi(row);
    },
  }),
];
