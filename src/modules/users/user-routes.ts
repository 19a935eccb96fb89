import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { idParams, line } from '../../http/schemas.js';
import { AppError, notFound } from '../../errors.js';
import { ROLES } from '../auth/principal.js';
import { hashPassword } from '../auth/passwords.js';
import { userToApi } from '../auth/login.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { email, locale } from '../customers/customer-schema.js';
import { userRoutingSchema } from '../routing/routing-schema.js';
import type { Queryable } from '../../db/database.js';
import { forgetPrincipals } from '../auth/principal-cache.js';

const password = z.string().min(10, { message: 'at least 10 characters' }).max(200);

// Skills and team feed assign-by-skill and team pools (routing); the admin sets them with the rest of the user.
const { skills, team } = userRoutingSchema.shape;

const userInput = z.object({
  email, name: line(100), role: z.enum(ROLES), departmentId: z.uuid().nullable().optional(), password: password.optional(), locale: locale.optional(),
  skills, team,
}).strict();

type UserRow = Parameters<typeof userToApi>[0] & { skills: string[]; team: string | null };
const USER_COLUMNS = 'id, email, name, role, department_id, locale, active, skills, team';

/** The sign-in shape plus what the admin console needs (skills, team). */
const staffToApi = (u: UserRow) => ({ ...userToApi(u), skills: u.skills, team: u.team });

const isUnique = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
const emailTaken = () => new AppError('conflict', 'A user with this email exists.', [{ path: 'body.email', message: 'already in use' }]);
const uniqueSkills = (s: string[] | undefined) => (s ? [...new Set(s)] : null);

async function checkDepartment(db: Queryable, role: string, departmentId: string | null | undefined) {
  if (role === 'department_staff' && !departmentId) {
    throw new AppError('validation_failed', 'Department staff need a department.', [{ path: 'body.departmentId', message: 'required for department_staff' }]);
  }
  if (departmentId) {
    const rows = await db.query('select 1 from departments where id = $1', [departmentId]);
    if (!rows.length) throw new AppError('validation_failed', 'No such department.', [{ path: 'body.departmentId', message: 'no such department' }]);
  }
}

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/users', tag: 'users', auth: 'required', summary: 'List staff users (any staff: needed to pick an assignee)',
    query: z.object({ role: z.enum(ROLES).optional(), departmentId: z.uuid().optional() }).strict(),
    async handler({ ctx, principal, query }) {
      requireRole(principal, ALL_STAFF, 'list users');
      const rows = await ctx.db.query<UserRow>(
        `select ${USER_COLUMNS} from users
          where ($1::text is null or role = $1) and ($2::uuid is null or department_id = $2) order by name`,
        [query.role ?? null, query.departmentId ?? null],
      );
      return { items: rows.map(staffToApi), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/users', tag: 'users', auth: 'required', summary: 'Create a staff user (admin)',
    body: userInput, response: { status: 201 },
    async handler({ ctx, principal, body }) {
      requireRole(principal, ['admin'], 'create users');
      await checkDepartment(ctx.db, body.role, body.departmentId);
      const now = ctx.clock.now();
      const hash = body.password ? await hashPassword(body.password) : null;
      const [row] = await ctx.db.query<UserRow>(
        `insert into users (email, name, role, department_id, password_hash, locale, skills, team, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, coalesce($7::text[], '{}'), $8, $9, $9)
         on conflict (lower(email)) do nothing
         returning ${USER_COLUMNS}`,
        [body.email, body.name, body.role, body.departmentId ?? null, hash, body.locale ?? 'zh-CN', uniqueSkills(body.skills), body.team ?? null, now],
      );
      if (!row) throw emailTaken();
      return staffToApi(row);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/users/:id', tag: 'users', auth: 'required', summary: 'Change name, email, role, department, skills, team, password (a reset) or deactivate (admin)',
    params: idParams,
    body: z.object({
      name: line(100).optional(), email: email.optional(), role: z.enum(ROLES).optional(), departmentId: z.uuid().nullable().optional(),
      password: password.optional(), locale: locale.optional(), active: z.boolean().optional(), skills, team,
    }).strict().refine((v) => Object.keys(v).length > 0, { message: 'give at least one field' }),
    async handler({ ctx, principal, params, body }) {
      const admin = requireRole(principal, ['admin'], 'change users');
      const [current] = await ctx.db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [params.id]);
      if (!current) throw notFound('No such user.');
      if (admin.userId === params.id && (body.active === false || (body.role && body.role !== 'admin'))) {
        throw new AppError('conflict', 'You cannot deactivate or demote yourself.');
      }
      const role = body.role ?? current.role;
      const departmentId = body.departmentId !== undefined ? body.departmentId : current.department_id;
      await checkDepartment(ctx.db, role, departmentId);
      const hash = body.password ? await hashPassword(body.password) : null;
      const now = ctx.clock.now();
      const team = body.team !== undefined ? body.team : current.team;
      const [row] = await ctx.db.transaction(async (tx) => {
        const updated = await tx.query<UserRow>(
          `update users set name = coalesce($2, name), role = $3, department_id = $4, password_hash = coalesce($5, password_hash),
             locale = coalesce($6, locale), active = coalesce($7, active), email = coalesce($8, email),
             skills = coalesce($9::text[], skills), team = $10, updated_at = $11 where id = $1
           returning ${USER_COLUMNS}`,
          [params.id, body.name ?? null, role, departmentId, hash, body.locale ?? null, body.active ?? null, body.email ?? null, uniqueSkills(body.skills), team, now],
        );
        // A new password or deactivation ends the user's open sessions.
        if (hash || body.active === false) await tx.query('update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null', [params.id, now]);
        return updated;
      }).catch((err: unknown) => {
        if (isUnique(err)) throw emailTaken();
        throw err;
      });
      // Role, department, name, deactivation or a new password: no instance answers from a cached principal.
      forgetPrincipals(ctx.db, { userId: params.id });
      return staffToApi(row!);
    },
  }),
];
