import type { Clock } from '../../../clock.js';
import type { Database, Queryable } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import { unknownCategories } from '../../taxonomy/category-lookup.js';
import { syncActiveModel } from '../active-model.js';
import { writeModelAudit, type ModelActor } from '../model-audit.js';
import { getVersion, MODEL_VERSIONS_LOCK, type ModelVersionRow } from '../model-versions.js';

/**
 * Makes a version the active one (its category model, and its severity model when it carries
 * one, else the built-in severity model: see active-model.ts): the previous active one is retired (it can come back
 * by rollback), this process's classifier switches at once, other instances at their next sync.
 * A model whose labels are not all taxonomy categories (built-in or added) is refused: the
 * classifier could not route what it predicts.
 */
export async function activateVersion(ctx: { db: Database; clock: Clock }, actor: ModelActor, id: string): Promise<ModelVersionRow> {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MODEL_VERSIONS_LOCK]);
    const row = await getVersion(tx, id);
    if (row.status === 'active') return; // already: nothing to do, nothing to audit
    const unknown = await unknownCategories(tx, row.labels);
    if (unknown.length) {
      throw new AppError(
        'labels_not_in_taxonomy',
        `Version ${row.version} predicts ${unknown.length} label(s) that are not categories (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}); add them as categories or train on taxonomy labels.`,
        unknown.slice(0, 50).map((label) => ({ path: 'labels', message: `not a category: ${label}`, label })),
      );
    }
    const from = await switchActive(tx, row.id, at);
    await writeModelAudit(tx, { action: 'activated', modelId: row.id, fromModelId: from, actor, at, data: { version: row.version } });
  });
  await syncActiveModel(ctx.db);
  return getVersion(ctx.db, id);
}

/** Retires the active version (if any) and activates `id` (null: none, the built-in model). Returns the one retired. */
export async function switchActive(tx: Queryable, id: string | null, at: Date): Promise<string | null> {
  const [prev] = await tx.query<{ id: string }>(`update classifier_models set status = 'retired' where status = 'active' returning id`);
  if (id) await tx.query(`update classifier_models set status = 'active', activated_at = $2 where id = $1`, [id, at]);
  return prev?.id ?? null;
}
