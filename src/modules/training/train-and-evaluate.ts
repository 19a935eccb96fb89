/**
 * The CPU-bound part of training a model version: segment, train, evaluate. Pure (no
 * database), so it runs in a worker thread for the server (run-training.ts) or inline for the CLI.
 */
import path from 'node:path';
import { CATEGORIES } from '../complaints/taxonomy.js';
import { features, segment } from '../triage/segment.js';
import { TextModel, type TrainOptions } from '../triage/text-model.js';
import { CORPUS_DIR, DEFAULT_TRAIN_OPTIONS, loadCorpus } from '../triage/train-model.js';
import { crossValidate, expand, report, type FeaturedExample, type HeldoutReport, type ModelMetrics } from './evaluate.js';
import type { TrainingExample } from './training-set.js';

export interface TrainRequest {
  items: TrainingExample[];
  epochs: number;
  /** k of the cross-validation; 0 skips it. */
  folds: number;
}

export interface TrainOutcome {
  modelJson: string;
  labels: string[];
  features: number;
  metrics: ModelMetrics;
}

export const HELDOUT_FILE = path.join(CORPUS_DIR, 'heldout.jsonl');

/**
 * Held-out accuracy, only for a model that knows every DESIGN §2 category (the held-out
 * file's labels); a model over other labels (e.g. CFPB products) has nothing to be scored on there.
 */
function heldout(model: TextModel): HeldoutReport | null {
  if (!CATEGORIES.every((c) => model.labels.includes(c))) return null;
  const items = loadCorpus(HELDOUT_FILE);
  const predicted = items.map((it) => model.predict(features(segment(it.text))).label);
  const byLanguage: HeldoutReport['byLanguage'] = {};
  for (const lang of [...new Set(items.map((it) => it.lang))].sort()) {
    const idx = items.flatMap((it, i) => (it.lang === lang ? [i] : []));
    const ok = idx.filter((i) => predicted[i] === items[i]!.category).length;
    byLanguage[lang] = { accuracy: Math.round((ok / idx.length) * 1e4) / 1e4, n: idx.length };
  }
  return { ...report(items.map((it) => it.category), predicted), file: 'corpus/heldout.jsonl', byLanguage };
}

export function trainAndEvaluate(req: TrainRequest): TrainOutcome {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: req.epochs };
  const t0 = performance.now();
  const featured: FeaturedExample[] = req.items.map((it) => ({ features: features(segment(it.text)), label: it.label, weight: it.weight }));
  const model = TextModel.train(expand(featured), opts);
  const t1 = performance.now();
  const folds = Math.min(req.folds, featured.length);
  const cv = folds >= 2 ? crossValidate(featured, folds, opts) : null;
  const held = heldout(model);
  const t2 = performance.now();
  return {
    modelJson: JSON.stringify(model.toJSON()),
    labels: model.labels,
    features: model.featureCount,
    metrics: {
      epochs: req.epochs,
      trainMs: Math.round(t1 - t0),
      evaluateMs: Math.round(t2 - t1),
      features: model.featureCount,
      crossValidation: cv,
      heldout: held,
    },
  };
}
