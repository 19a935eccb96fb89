import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import { appendEvent } from '../../events/append-event.js';
import { SlaTransaction } from '../../sla/sla-commands.js';
import { assertCan } from '../complaint-policy.js';
import { lockComplaint, type ComplaintDto } from '../complaint-row.js';
import type { ComplaintPatch } from '../complaint-schema.js';
import { isOpen } from '../lifecycle.js';
import { assertVisible, getComplaint } from '../queries/get-complaint.js';
import { categoryDepartment, requireCategory } from '../../taxonomy/category-lookup.js';
import { NEEDS_TRIAGE_TAG } from '../intake/decide-intake.js';

const ASSIGNABLE_ROLES = ['admin', 'supervisor', 'agent', 'department_staff'];

function invalid(path: string, message: string) {
  return new AppError('validation_failed', message, [{ path, message }]);
}

/**
 * Re-assigns, re-classifies or re-routes a complaint. Each field that really changes
 * writes its own event; a severity change re-times the SLA clocks; a category change
 * moves the complaint to the new category's department when it sat in the old default.
 */
export async function updateComplaint(ctx: AppContext, p: Principal, id: string, patch: ComplaintPatch): Promise<ComplaintDto> {
  await assertVisible(ctx.db, p, id);
  if (patch.assigneeId !== undefined) assertCan(p, 'assign');
  if (patch.severity || patch.category || patch.department !== undefined || patch.tags) assertCan(p, 'reclassify');
  const now = ctx.clock.now();
  const actor = actorOf(p);
  const reason = patch.reason ?? null;
  await ctx.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, id);
    if (!isOpen(row.status) && (patch.severity || patch.category || patch.department !== undefined || patch.assigneeId !== undefined)) {
      throw new AppError('conflict', `The complaint is ${row.status}; reopen it before changing it.`);
    }
    const sla = new SlaTransaction(tx, row, now);
    const original = { category: row.category, severity: row.severity };
    const base = { complaintId: id, actor, at: now };

    if (patch.assigneeId !== undefined && patch.assigneeId !== row.assignee_id) {
      if (patch.assigneeId) {
        const [u] = await tx.query<{ role: string; active: boolean }>('select role, active from users where id = $1', [patch.assigneeId]);
        if (!u || !u.active || !ASSIGNABLE_ROLES.includes(u.role)) throw invalid('body.assigneeId', 'No such active user who can handle complaints.');
      }
      await appendEvent(tx, { ...base, type: 'complaint.assigned', data: { from: row.assignee_id, to: patch.assigneeId } });
      row.assignee_id = patch.assigneeId;
    }

    let departmentCode: string | null | undefined = patch.department;
    if (patch.category && patch.category !== row.category) {
      // Built-in or admin-added (src/modules/taxonomy): the schema only checks the code's shape.
      const newDefault = await requireCategory(tx, patch.category, 'body.category');
      await appendEvent(tx, { ...base, type: 'complaint.category_changed', data: { from: row.category, to: patch.category, reason } });
      const [current] = await tx.query<{ code: string }>('select code from departments where id = $1', [row.department_id]);
      if (departmentCode === undefined && (!current || current.code === (await categoryDepartment(tx, row.category)))) {
        departmentCode = newDefault;
      }
      row.category = patch.category;
    }

    if (departmentCode !== undefined) {
      const [dept] = departmentCode
        ? await tx.query<{ id: string; code: string }>('select id, code from departments where code = $1', [departmentCode])
        : [null];
      if (departmentCode && !dept) throw invalid('body.department', `No department with code ${departmentCode}.`);
      if ((dept?.id ?? null) !== row.department_id) {
        const [from] = await tx.query<{ code: string }>('select code from departments where id = $1', [row.department_id]);
        await appendEvent(tx, { ...base, type: 'complaint.department_changed', data: { from: from?.code ?? null, to: dept?.code ?? null } });
        row.department_id = dept?.id ?? null;
      }
    }

    if (patch.severity && patch.severity !== row.severity) {
      await appendEvent(tx, { ...base, type: 'complaint.severity_changed', data: { from: row.severity, to: patch.severity, reason } });
      await sla.flush(); // thresholds passed under the old targets stay on record
      row.severity = patch.severity;
      await sla.recompute(`severity ${patch.severity}`);
    }

    if (p.kind === 'user' && (row.category !== original.category || row.severity !== original.severity)) {
      await appendEvent(tx, {
        ...base, type: 'classification.corrected',
        data: { category: { from: original.category, to: row.category }, severity: { from: original.severity, to: row.severity }, reason },
      });
    }

    let tags = patch.tags ? [...new Set(patch.tags)] : row.tags;
    // A person who sets the category or severity has triaged the complaint, also when they
    // confirm the classifier's values: it leaves the triage view (unless they tag it again).
    if (p.kind === 'user' && (patch.category || patch.severity) && !patch.tags?.includes(NEEDS_TRIAGE_TAG)) {
      tags = tags.filter((tag) => tag !== NEEDS_TRIAGE_TAG);
    }
    if (tags.join('\u0000') !== row.tags.join('\u0000')) {
      await appendEvent(tx, { ...base, type: 'complaint.tags_changed', data: { from: row.tags, to: tags } });
      row.tags = tags;
    }
    await sla.persist({
      assignee_id: row.assignee_id,
      department_id: row.department_id,
      category: row.category,
      severity: row.severity,
      tags: row.tags,
    });
  });
  return getComplaint(ctx, p, id);
}
