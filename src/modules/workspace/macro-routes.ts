import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line, text } from '../../http/schemas.js';
import { FRONT_LINE, requireRole, type UserPrincipal } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { getComplaint } from '../complaints/queries/get-complaint.js';
import { renderMacro, unknownVariables } from './macro-template.js';

const LOCALES = ['zh-CN', 'en'] as const;
const macroInput = z.object({
  name: line(100),
  body: text(5000),
  locale: z.enum(LOCALES).default('zh-CN'),
  shared: z.boolean().default(false).describe('visible to every agent (supervisors and admins only)'),
}).strict();

interface MacroRow { id: string; owner_id: string | null; name: string; locale: string; body: string; updated_at: Date }
const toApi = (r: MacroRow) => ({ id: r.id, name: r.name, locale: r.locale, body: r.body, shared: r.owner_id === null, updatedAt: r.updated_at.toISOString() });

function checkBody(body: string): void {
  const unknown = unknownVariables(body);
  if (unknown.length) {
    throw new AppError('validation_failed', `Unknown variable${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      unknown.map((v) => ({ path: 'body.body', message: `unknown variable {{${v}}}`, variable: v })));
  }
}

function mayShare(p: UserPrincipal): void {
  if (p.role !== 'admin' && p.role !== 'supervisor') throw new AppError('forbidden', 'Only supervisors and admins keep shared macros.');
}

/** A macro the person may use: shared ones and their own. Anyone else's answers 404. */
async function usableMacro(db: Queryable, p: UserPrincipal, id: string): Promise<MacroRow> {
  const [row] = await db.query<MacroRow>('select * from macros where id = $1 and (owner_id is null or owner_id = $2)', [id, p.userId]);
  if (!row) throw notFound('No such macro.');
  return row;
}

/** A macro the person may change: their own; shared ones if they may share. */
async function editableMacro(db: Queryable, p: UserPrincipal, id: string): Promise<MacroRow> {
  const row = await usableMacro(db, p, id);
  if (row.owner_id === null) mayShare(p);
  return row;
}

export const macroRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/macros', tag: 'workspace', auth: 'required',
    summary: 'Reply macros: the shared ones and your own',
    query: z.object({ locale: z.enum(LOCALES).optional() }).strict(),
    async handler({ ctx, principal, query }) {
      const p = requireRole(principal, FRONT_LINE, 'use macros');
      const rows = await ctx.db.query<MacroRow>(
        `select * from macros where (owner_id is null or owner_id = $1) and ($2::text is null or locale = $2)
          order by owner_id nulls first, lower(name), id`,
        [p.userId, query.locale ?? null],
      );
      return { items: rows.map(toApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/macros', tag: 'workspace', auth: 'required',
    summary: 'Save a macro ({{customer.name}}, {{complaint.number}}, {{order.number}}, {{agent.name}} …)',
    body: macroInput, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const p = requireRole(principal, FRONT_LINE, 'save macros');
      if (body.shared) mayShare(p);
      checkBody(body.body);
      const now = ctx.clock.now();
      const [row] = await ctx.db.query<MacroRow>(
        `insert into macros (owner_id, name, locale, body, created_at, updated_at) values ($1, $2, $3, $4, $5, $5) returning *`,
        [body.shared ? null : p.userId, body.name, body.locale, body.body, now],
      );
      return toApi(row!);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/macros/:id', tag: 'workspace', auth: 'required',
    summary: 'Change a macro', params: idParams, body: macroInput.omit({ shared: true }).partial().strict(),
    async handler({ ctx, principal, params, body }) {
      const p = requireRole(principal, FRONT_LINE, 'change macros');
      const current = await editableMacro(ctx.db, p, params.id);
      if (body.body !== undefined) checkBody(body.body);
      const [row] = await ctx.db.query<MacroRow>(
        'update macros set name = $2, locale = $3, body = $4, updated_at = $5 where id = $1 returning *',
        [current.id, body.name ?? current.name, body.locale ?? current.locale, body.body ?? current.body, ctx.clock.now()],
      );
      return toApi(row!);
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/macros/:id', tag: 'workspace', auth: 'required',
    summary: 'Delete a macro', params: idParams, response: { status: 204 },
    async handler({ ctx, principal, params }) {
      const p = requireRole(principal, FRONT_LINE, 'delete macros');
      const current = await editableMacro(ctx.db, p, params.id);
      await ctx.db.query('delete from macros where id = $1', [current.id]);
      return null;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/complaints/:id/macros/:macroId/render', tag: 'workspace', auth: 'required',
    summary: "A macro filled in for this complaint (the customer's name, the number, the order …), ready to edit and send",
    params: complaintRefParams.extend({ macroId: z.uuid() }),
    async handler({ ctx, principal, params }) {
      const p = requireRole(principal, FRONT_LINE, 'use macros');
      const macro = await usableMacro(ctx.db, p, params.macroId);
      const complaint = await getComplaint(ctx, p, await resolveComplaintRef(ctx.db, params.id));
      const text = renderMacro(macro.body, {
        'customer.name': complaint.customer.name,
        'complaint.number': complaint.number,
        'complaint.subject': complaint.subject,
        'order.number': complaint.orderNumber,
        'agent.name': p.name,
        'department.name': complaint.departmentName,
        'sla.firstResponseDueAt': complaint.sla.firstResponseDueAt,
        'sla.resolutionDueAt': complaint.sla.resolutionDueAt,
      });
      return { macroId: macro.id, text };
    },
  }),
];
