/** The taxonomy as admins see it: DESIGN §2's categories plus the ones they added. */
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../clock.js';
import { CATEGORIES, DEFAULT_DEPARTMENT, isBuiltinCategory, type Category } from '../complaints/taxonomy.js';
import type { AddCategoryInput } from './category-schema.js';

const BUILTIN_NAMES: Record<Category, { name: string; nameZh: string }> = {
  logistics: { name: 'Logistics', nameZh: '物流配送' },
  product_quality: { name: 'Product quality', nameZh: '产品质量' },
  refund: { name: 'Refund and return', nameZh: '退款退货' },
  billing: { name: 'Pricing and charges', nameZh: '价格扣费' },
  service_attitude: { name: 'Service attitude', nameZh: '服务态度' },
  technical: { name: 'System failure', nameZh: '系统故障' },
  safety: { name: 'Personal safety', nameZh: '人身安全' },
  other: { name: 'Other', nameZh: '其他' },
};

export interface CategoryDto {
  code: string;
  name: string;
  nameZh: string | null;
  department: string;
  builtin: boolean;
  examples: number;
  createdAt: string | null;
}

export async function listCategories(db: Database): Promise<CategoryDto[]> {
  const added = await db.query<{ code: string; name: string; name_zh: string | null; department_code: string; created_at: Date; examples: number }>(
    `select t.code, t.name, t.name_zh, t.department_code, t.created_at,
            (select count(*)::int from taxonomy_category_examples e where e.category_code = t.code) as examples
       from taxonomy_categories t order by t.created_at, t.code`,
  );
  return [
    ...CATEGORIES.map((c): CategoryDto => ({ code: c, ...BUILTIN_NAMES[c], department: DEFAULT_DEPARTMENT[c], builtin: true, examples: 0, createdAt: null })),
    ...added.map((r): CategoryDto => ({
      code: r.code, name: r.name, nameZh: r.name_zh, department: r.department_code, builtin: false, examples: r.examples, createdAt: r.created_at.toISOString(),
    })),
  ];
}

/**
 * Adds a category with its example texts. It can be set on complaints at once; the classifier
 * predicts it once a model version trained after this (source builtin) is activated.
 */
export async function addCategory(ctx: { db: Database; clock: Clock }, userId: string, input: AddCategoryInput): Promise<CategoryDto> {
  const at = ctx.clock.now();
  if (isBuiltinCategory(input.code)) throw new AppError('category_exists', `${input.code} is a built-in category.`, [{ path: 'body.code', message: 'exists' }]);
  const examples = [...new Map(input.examples.map((e) => [e.toLowerCase(), e])).values()];
  await ctx.db.transaction(async (tx) => {
    const [dept] = await tx.query('select 1 from departments where code = $1', [input.department]);
    if (!dept) throw new AppError('validation_failed', `No department with code ${input.department}.`, [{ path: 'body.department', message: 'no such department' }]);
    // on conflict: two admins adding the same code at once get one 201 and one 409, not a 500.
    const inserted = await tx.query(
      `insert into taxonomy_categories (code, name, name_zh, department_code, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6) on conflict (code) do nothing returning code`,
      [input.code, input.name, input.nameZh ?? null, input.department, userId, at],
    );
    if (!inserted.length) throw new AppError('category_exists', `A category ${input.code} already exists.`, [{ path: 'body.code', message: 'exists' }]);
    await tx.query(
      `insert into taxonomy_category_examples (category_code, text, created_at) select $1, t, $3 from unnest($2::text[]) as t`,
      [input.code, examples, at],
    );
  });
  const all = await listCategories(ctx.db);
  return all.find((c) => c.code === input.code)!;
}
