import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Clock } from '../../../clock.js';
import { writeModelAudit, type ModelActor } from '../model-audit.js';
import { insertVersion, type ModelVersionRow } from '../model-versions.js';
import { runTraining } from '../run-training.js';
import { assertTrainable, builtinTrainingSet, csvTrainingSet, withAuxiliarySources } from '../training-set.js';
import type { TrainModelInput } from '../training-schema.js';

// One training at a time per process: each one takes a CPU core for seconds.
let training = false;

/**
 * Trains a new model version (a draft: it changes nothing until activated) and stores it with
 * its evaluation. The built-in source reads the corpus, corrections and category examples as
 * they are now and trains a category and a severity model; a CSV brings its own labels, which
 * may be anything, and trains only a category-style model (no severity model).
 */
export async function trainModelVersion(
  ctx: { db: Database; clock: Clock },
  actor: ModelActor,
  input: TrainModelInput,
  opts: { inline?: boolean } = {},
): Promise<ModelVersionRow> {
  const set =
    input.source === 'csv'
      ? withAuxiliarySources(csvTrainingSet(input.csv, input.textColumn, input.labelColumn, input.labelMap), input.auxiliary ?? [])
      : await builtinTrainingSet(ctx.db);
  assertTrainable(set);
  if (training) throw new AppError('training_in_progress');
  training = true;
  try {
    const outcome = await runTraining(
      {
        items: set.items,
        severityItems: set.severityItems,
        epochs: input.epochs,
        folds: input.folds,
        ...(set.auxiliaryItems?.length ? { auxiliaryItems: set.auxiliaryItems, auxiliaryWeighting: input.source === 'csv' ? input.auxiliaryWeighting : 'auto', ...(input.source === 'csv' ? { auxiliaryLength: input.auxiliaryLength } : {}) } : {}),
      },
      opts,
    );
    const at = ctx.clock.now();
    return await ctx.db.transaction(async (tx) => {
      const row = await insertVersion(tx, {
        source: set.source,
        sourceDetail: set.detail,
        labels: outcome.labels,
        trainingSize: set.items.length,
        metrics: outcome.metrics,
        modelJson: outcome.modelJson,
        severityModelJson: outcome.severityModelJson,
        createdBy: actor.kind === 'user' ? actor.id : null,
        at,
      });
      await writeModelAudit(tx, {
        action: 'trained', modelId: row.id, fromModelId: null, actor, at,
        data: { version: row.version, source: set.source, trainingSize: set.items.length, cvAccuracy: outcome.metrics.crossValidation?.accuracy ?? null, heldoutAccuracy: outcome.metrics.heldout?.accuracy ?? null,
          severityHeldoutAccuracy: outcome.metrics.severity?.heldout.accuracy ?? null, urgentRecall: outcome.metrics.severity?.heldout.urgentRecall ?? null },
      });
      return row;
    });
  } finally {
    training = false;
  }
}
