import { z } from 'zod';
import { SqlWhere, likeEscape } from '../../../db/sql-builder.js';
import type { AppContext } from '../../../http/context.js';
import { decodeCursor, encodeCursor, optionalTimeIdCursor, timeIdCursor } from '../../../http/cursor.js';
import { isoDateTime, limitParam, line, multi, queryBool } from '../../../http/schemas.js';
import type { Principal } from '../../auth/principal.js';
import { complaintScope } from '../complaint-policy.js';
import { COMPLAINT_VIEW_SELECT, complaintToApi, type ComplaintDto, type ComplaintViewRow } from '../complaint-row.js';
import { OPEN_STATUSES, STATUSES } from '../lifecycle.js';
import { CATEGORY_CODE_PATTERN, CHANNELS, SEVERITIES } from '../taxonomy.js';
import { unknownCategories } from '../../taxonomy/category-lookup.js';
import { AppError } from '../../../errors.js';
import { RECOVERY_TAG } from '../../surveys/recovery.js';

// Built-in or admin-added category codes; listComplaints checks that they exist.
const categoryCodes = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(CATEGORY_CODE_PATTERN, { message: 'not a category code' })).min(1).max(100));

export const listComplaintsQuery = z
  .object({
    status: multi([...STATUSES, 'open'] as const).optional(),
    severity: multi(SEVERITIES).optional(),
    category: categoryCodes.optional(),
    channel: multi(CHANNELS).optional(),
    department: line(40).optional().describe('department code'),
    departmentId: z.uuid().optional(),
    assigneeId: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
    customerId: z.uuid().optional(),
    tag: line(40).optional().describe('has this tag, e.g. needs_triage (the human triage view)'),
    atRisk: queryBool.optional(),
    breached: queryBool.optional(),
    repeat: queryBool.optional().describe('repeats an earlier complaint of the same customer'),
    recovery: queryBool.optional().describe('a recovery case (reopened after a low satisfaction rating)'),
    myTeam: queryBool.optional().describe("routed to the caller's team or held by a teammate"),
    myDepartment: queryBool.optional().describe("in the caller's department"),
    createdFrom: isoDateTime.optional(),
    createdTo: isoDateTime.optional(),
    q: line(200).optional().describe('text in number, subject or description'),
    sort: z.enum(['urgency', '-created', 'created']).default('-created'),
    limit: limitParam,
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuery>;
export type ComplaintFilterQuery = Omit<ListComplaintsQuery, 'sort' | 'limit' | 'cursor'>;

/** The filters of a complaint list (not its order or page) as SQL on alias `c`, within what `p` may see. */
export function complaintFilter(p: Principal, q: ComplaintFilterQuery, now: Date): SqlWhere {
  const w = complaintScope(p, new SqlWhere());
  if (q.status) {
    const statuses = q.status.flatMap((s) => (s === 'open' ? [...OPEN_STATUSES] : [s]));
    w.add('c.status = any(?)', statuses);
  }
  if (q.severity) w.add('c.severity = any(?)', q.severity);
  if (q.category) w.add('c.category = any(?)', q.category);
  if (q.channel) w.add('c.channel = any(?)', q.channel);
  if (q.department) w.add('c.department_id = (select id from departments where code = ?)', q.department);
  if (q.departmentId) w.add('c.department_id = ?', q.departmentId);
  if (q.assigneeId === 'none') w.add('c.assignee_id is null');
  else if (q.assigneeId === 'me') w.add('c.assignee_id = ?', p.kind === 'user' ? p.userId : null);
  else if (q.assigneeId) w.add('c.assignee_id = ?', q.assigneeId);
  if (q.customerId) w.add('c.customer_id = ?', q.customerId);
  if (q.tag) w.add('? = any(c.tags)', q.tag);
  if (q.createdFrom) w.add('c.created_at >= ?', new Date(q.createdFrom));
  if (q.createdTo) w.add('c.created_at < ?', new Date(q.createdTo));
  if (q.q) w.add(`c.search_text ilike ?`, `%${likeEscape(q.q)}%`);
  // Live SLA marks: a clock runs only while sla_urgent_at is set (open and not paused).
  if (q.atRisk !== undefined) {
    const cond = `(c.sla_urgent_at is not null and (
        (c.first_response_at is null and c.first_response_at_risk_at <= $N and c.first_response_due_at > $N)
        or (c.resolved_at is null and c.resolution_at_risk_at <= $N and c.resolution_due_at > $N)))`;
    const n = w.param(now);
    w.add(q.atRisk ? cond.replace(/\$N/g, n) : `not ${cond.replace(/\$N/g, n)}`);
  }
  if (q.breached !== undefined) {
    const cond = `(c.sla_breached or (c.sla_urgent_at is not null and c.sla_urgent_at <= ?))`;
    w.add(q.breached ? cond : `not ${cond}`, now);
  }
  if (q.repeat !== undefined) w.add(q.repeat ? 'c.repeat_of_id is not null' : 'c.repeat_of_id is null');
  if (q.recovery !== undefined) w.add(`${q.recovery ? '' : 'not '}(? = any(c.tags))`, RECOVERY_TAG);
  // Relative to the caller, so one saved or shared view means "mine" for whoever opens it.
  const userId = p.kind === 'user' ? p.userId : null;
  if (q.myTeam !== undefined) {
    // A person without a team has no team work: the condition is false for every row, never null.
    const cond = `exists (select 1 from users me where me.id = ? and me.team is not null
        and (c.team = me.team or exists (select 1 from users mate where mate.id = c.assignee_id and mate.team = me.team)))`;
    w.add(q.myTeam ? cond : `not ${cond}`, userId);
  }
  if (q.myDepartment !== undefined) {
    const departmentId = p.kind === 'user' ? p.departmentId : null;
    const cond = departmentId ? 'coalesce(c.department_id = ?, false)' : 'false';
    w.add(q.myDepartment ? cond : `not ${cond}`, ...(departmentId ? [departmentId] : []));
  }

  return w;
}

export async function listComplaints(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  p: Principal,
  q: ListComplaintsQuery,
): Promise<{ items: ComplaintDto[]; nextCursor: string | null }> {
  const now = ctx.clock.now();
  if (q.category) {
    // Codes are built-in or added by an admin; a code that names neither is a client mistake.
    const unknown = await unknownCategories(ctx.db, q.category);
    if (unknown.length) throw new AppError('validation_failed', `No category ${unknown.join(', ')}.`, [{ path: 'query.category', message: 'unknown category' }]);
  }
  const w = complaintFilter(p, q, now);

  let order: string;
  if (q.sort === 'urgency') {
    if (q.cursor) {
      const [u, id] = decodeCursor(q.cursor, optionalTimeIdCursor);
      if (u === null) w.add('c.sla_urgent_at is null and c.id > ?', id);
      else w.add('((c.sla_urgent_at, c.id) > (?, ?) or c.sla_urgent_at is null)', u, id);
    }
    order = 'c.sla_urgent_at asc nulls last, c.id asc';
  } else {
    const desc = q.sort === '-created';
    if (q.cursor) {
      const [t, id] = decodeCursor(q.cursor, timeIdCursor);
      w.add(`(c.created_at, c.id) ${desc ? '<' : '>'} (?, ?)`, t, id);
    }
    order = desc ? 'c.created_at desc, c.id desc' : 'c.created_at asc, c.id asc';
  }
  const rows = await ctx.db.query<ComplaintViewRow>(
    `${COMPLAINT_VIEW_SELECT} ${w.toSql()} order by ${order} limit ${q.limit + 1}`,
    w.params,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor(q.sort === 'urgency' ? [last.sla_urgent_at?.toISOString() ?? null, last.id] : [last.created_at.toISOString(), last.id])
      : null;
  return { items: page.map((r) => complaintToApi(r, now)), nextCursor };
}
