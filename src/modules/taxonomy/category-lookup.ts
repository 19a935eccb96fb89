import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { DEFAULT_DEPARTMENT, isBuiltinCategory, type CategoryCode } from '../complaints/taxonomy.js';

/**
 * The default department of a category: DESIGN §2's table for the built-in ones, the admin's
 * choice for an added one; undefined when no such category exists.
 */
export async function categoryDepartment(q: Queryable, code: CategoryCode): Promise<string | undefined> {
  if (isBuiltinCategory(code)) return DEFAULT_DEPARTMENT[code];
  const [row] = await q.query<{ department_code: string }>('select department_code from taxonomy_categories where code = $1', [code]);
  return row?.department_code;
}

/** Same as categoryDepartment, but an unknown code is the caller's mistake (422 at `path`). */
export async function requireCategory(q: Queryable, code: CategoryCode, path: string): Promise<string> {
  const department = await categoryDepartment(q, code);
  if (department === undefined) {
    const message = `No category ${code}: use a DESIGN §2 category or one added under /api/v1/admin/taxonomy/categories.`;
    throw new AppError('validation_failed', message, [{ path, message }]);
  }
  return department;
}

/** Every code in `codes` that is neither built in nor added by an admin. */
export async function unknownCategories(q: Queryable, codes: readonly string[]): Promise<string[]> {
  const custom = codes.filter((c) => !isBuiltinCategory(c));
  if (!custom.length) return [];
  const rows = await q.query<{ code: string }>('select code from taxonomy_categories where code = any($1)', [custom]);
  const known = new Set(rows.map((r) => r.code));
  return custom.filter((c) => !known.has(c));
}
