import type { Queryable } from '../../db/database.js';
import type { DepartmentName } from './progress-steps.js';

/** Department names by code (a handful of rows; one query per page view). */
export async function departmentsByCode(db: Queryable): Promise<Map<string, DepartmentName>> {
  const rows = await db.query<{ code: string; name: string; name_zh: string | null }>('select code, name, name_zh from departments');
  return new Map(rows.map((r) => [r.code, { name: r.name, nameZh: r.name_zh }]));
}
