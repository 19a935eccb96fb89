import type { Queryable } from '../../db/database.js';

/** Writes in-app notifications for staff users; returns who got one. */
export async function notifyStaff(
  tx: Queryable,
  userIds: readonly string[],
  n: { complaintId: string; kind: string; title: string; body: string; at: Date },
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return [];
  await tx.query(
    `insert into notifications (user_id, complaint_id, kind, title, body, created_at)
     select u, $2, $3, $4, $5, $6 from unnest($1::uuid[]) as u`,
    [unique, n.complaintId, n.kind, n.title, n.body, n.at],
  );
  return unique;
}

/** Active users with a role, optionally limited to one department (plus those with no department). */
export async function usersWithRole(tx: Queryable, roles: readonly string[], departmentId: string | null): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select id from users where active and role = any($1)
       and ($2::uuid is null or department_id is null or department_id = $2) order by created_at, id`,
    [[...roles], departmentId],
  );
  return rows.map((r) => r.id);
}
