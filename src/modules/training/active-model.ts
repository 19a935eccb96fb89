/**
 * Keeps this process's classifier on the active model version.
 *
 * Multi-instance choice: every instance runs syncActiveModel at start and then on the
 * background loop (SLA_SWEEP_INTERVAL_MS, 5 s by default). Each sync is one indexed lookup of
 * the active version's id; only when it differs from the loaded one is the model read and
 * parsed (~50 ms). So other instances follow an activation or rollback within one interval,
 * and classify() stays synchronous and free of database work. The instance that activates
 * applies the new version at once.
 *
 * A version switches both models: its category model, and its severity model when it carries
 * one (built-in source); a version without one (CSV source, or trained before severity
 * learning) runs with the built-in severity model. No active version: both built-in models.
 */
import type { Queryable } from '../../db/database.js';
import { setModels, setExtraCategories } from '../triage/classifier.js';
import { TextModel, type TextModelJson } from '../triage/text-model.js';
import { loadBuiltinModels } from '../triage/train-model.js';

// The built-in severity model, for versions without their own (read once: model.json, ~30 ms).
let builtinSeverity: TextModel | null | undefined;
function builtinSeverityModel(): TextModel | null {
  if (builtinSeverity === undefined) {
    try {
      builtinSeverity = loadBuiltinModels().models.severity;
    } catch {
      builtinSeverity = null; // the DESIGN §2 rules alone, as the classifier does when model.json fails
    }
  }
  return builtinSeverity;
}

// undefined: never synced in this process; null: the built-in model is in use.
let loadedId: string | null | undefined;

// Syncs run one after another. Side by side, a background sync that read the active id just
// before an activation committed could finish after the activation's own sync and put the old
// model back (until the next interval).
let syncing: Promise<unknown> = Promise.resolve();

/** Loads the active version into the classifier if it is not the loaded one; 1 when it changed. */
export function syncActiveModel(q: Queryable): Promise<number> {
  const run = syncing.then(() => syncNow(q));
  syncing = run.catch(() => undefined);
  return run;
}

async function syncNow(q: Queryable): Promise<number> {
  const [row] = await q.query<{ id: string }>(`select id from classifier_models where status = 'active'`);
  const id = row?.id ?? null;
  if (id === loadedId) return 0;
  if (id === null) {
    setModels(null);
    setExtraCategories(new Map());
  } else {
    const [m] = await q.query<{ model_json: string; severity_model_json: string | null }>(
      'select model_json, severity_model_json from classifier_models where id = $1',
      [id],
    );
    if (!m) return 0; // replaced between the two reads: the next sync loads the new one
    const category = TextModel.fromJSON(JSON.parse(m.model_json) as TextModelJson);
    const severity = m.severity_model_json ? TextModel.fromJSON(JSON.parse(m.severity_model_json) as TextModelJson) : builtinSeverityModel();
    const cats = await q.query<{ code: string; department_code: string }>('select code, department_code from taxonomy_categories');
    setModels({ category, severity });
    setExtraCategories(new Map(cats.map((c) => [c.code, c.department_code])));
  }
  loadedId = id;
  return 1;
}

/** The version this process classifies with (null = built-in), for the API and tests. */
export function loadedModelId(): string | null | undefined {
  return loadedId;
}
