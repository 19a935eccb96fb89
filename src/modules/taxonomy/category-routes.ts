import { defineRoute } from '../../http/define-route.js';
import { requireRole } from '../auth/require-role.js';
import { addCategory, listCategories } from './categories.js';
import { addCategoryInput } from './category-schema.js';

export const categoryRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/admin/taxonomy/categories', tag: 'taxonomy', auth: 'required',
    summary: 'The category taxonomy: DESIGN §2’s built-in categories and the ones admins added, with default departments (admin)',
    async handler({ ctx, principal }) {
      requireRole(principal, ['admin'], 'manage the taxonomy');
      return { items: await listCategories(ctx.db), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/admin/taxonomy/categories', tag: 'taxonomy', auth: 'required',
    summary: 'Add a category with ≥ 5 example texts (admin); complaints accept it at once, the classifier after a retrained model version is activated; an existing code → 409 category_exists',
    body: addCategoryInput,
    response: { status: 201 },
    async handler({ ctx, principal, body }) {
      const admin = requireRole(principal, ['admin'], 'manage the taxonomy');
      return addCategory(ctx, admin.userId, body);
    },
  }),
];
