import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { notFound } from '../../errors.js';

const NUMBER = /^C-\d{4}-\d{6,}$/;

/** A complaint in a path is named by its id or by its number (C-2026-000123), which people quote. */
export const complaintRefParams = z.object({
  id: z.union([z.uuid(), z.string().regex(NUMBER)]).describe('complaint id or number'),
});

export async function resolveComplaintRef(db: Queryable, ref: string): Promise<string> {
  if (!NUMBER.test(ref)) return ref;
  const [row] = await db.query<{ id: string }>('select id from complaints where number = $1', [ref]);
  if (!row) throw notFound('No such complaint.');
  return row.id;
}
