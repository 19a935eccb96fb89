import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import { syncActiveModel } from '../active-model.js';
import { writeModelAudit, type ModelActor } from '../model-audit.js';
import { activeVersion, getVersion, MODEL_VERSIONS_LOCK, type ModelVersionRow } from '../model-versions.js';
import { switchActive } from './activate-version.js';

/**
 * Re-activates the version that was active before the current one was activated (by its
 * `activated` audit record), or the built-in model when none was. Rolling back again walks
 * further back: v3 → v2 → v1 → built-in.
 */
export async function rollbackVersion(ctx: { db: Database; clock: Clock }, actor: ModelActor): Promise<{ active: ModelVersionRow | null; rolledBack: ModelVersionRow }> {
  const at = ctx.clock.now();
  const { target, current } = await ctx.db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MODEL_VERSIONS_LOCK]);
    const current = await activeVersion(tx);
    if (!current) throw new AppError('nothing_to_roll_back', 'No model version is active: the built-in model is already in use.');
    const [activation] = await tx.query<{ from_model_id: string | null }>(
      `select from_model_id from model_audit where action = 'activated' and model_id = $1 order by at desc, id desc limit 1`,
      [current.id],
    );
    const target = activation?.from_model_id ?? null;
    await switchActive(tx, target, at);
    await writeModelAudit(tx, { action: 'rolled_back', modelId: target, fromModelId: current.id, actor, at, data: { fromVersion: current.version } });
    return { target, current };
  });
  await syncActiveModel(ctx.db);
  return { active: target ? await getVersion(ctx.db, target) : null, rolledBack: await getVersion(ctx.db, current.id) };
}
