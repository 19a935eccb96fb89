/**
 * The CPU-bound part of training a model version: segment, train, evaluate. Pure (no
 * database), so it runs in a worker thread for the server (run-training.ts) or inline for the CLI.
 * A built-in-source version trains two models: category (+ CV and held-out category report) and
 * severity (+ held-out severity report of the whole classifier, urgent recall included).
 */
import path from 'node:path';
import { CATEGORIES } from '../complaints/taxonomy.js';
import { classify, currentModels, setModels } from '../triage/classifier.js';
import { features, segment } from '../triage/segment.js';
import { TextModel, type TrainOptions } from '../triage/text-model.js';
import { BUILTIN_TRAIN_OPTIONS, CORPUS_DIR, DEFAULT_TRAIN_OPTIONS, loadCorpus, trainWithAuxiliary, type AuxiliaryLength, type AuxiliaryWeighting, type CorpusItem } from '../triage/train-model.js';
import { crossValidate, expand, report, type FeaturedExample, type HeldoutReport, type ModelMetrics, type SeverityHeldoutReport, type SeverityMetrics } from './evaluate.js';
import type { TrainingExample } from './training-set.js';

export interface TrainRequest {
  items: TrainingExample[];
  /** Rows labelled with DESIGN §2 severity tiers: also train a severity model (built-in source only). */
  severityItems?: TrainingExample[] | null;
  epochs: number;
  /** k of the cross-validation; 0 skips it. */
  folds: number;
  /** Rows of other labelled sources: they train the category model, never tested in its cross-validation. */
  auxiliaryItems?: TrainingExample[];
  auxiliaryWeighting?: AuxiliaryWeighting | 'auto';
  /** Auxiliary texts cut to the longest primary text (default) or kept whole. */
  auxiliaryLength?: AuxiliaryLength;
}

export interface TrainOutcome {
  modelJson: string;
  /** Null when no severity rows were given (a CSV version). */
  severityModelJson: string | null;
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
  return heldoutReport(items, items.map((it) => it.category), predicted);
}

function heldoutReport(items: readonly CorpusItem[], truth: readonly string[], predicted: readonly string[]): HeldoutReport {
  const byLanguage: HeldoutReport['byLanguage'] = {};
  for (const lang of [...new Set(items.map((it) => it.lang))].sort()) {
    const idx = items.flatMap((it, i) => (it.lang === lang ? [i] : []));
    const ok = idx.filter((i) => predicted[i] === truth[i]).length;
    byLanguage[lang] = { accuracy: Math.round((ok / idx.length) * 1e4) / 1e4, n: idx.length };
  }
  return { ...report(truth, predicted), file: 'corpus/heldout.jsonl', byLanguage };
}

/**
 * Held-out severity of the whole classifier running this version's two models. classify()
 * reads the process's models, so they are swapped in for the (synchronous) loop and swapped
 * back before anything else can run: in a worker thread that is the worker's own classifier;
 * inline (CLI, or the fallback when no worker starts) no request can interleave.
 */
export function severityHeldout(category: TextModel, severity: TextModel): SeverityHeldoutReport {
  const items = loadCorpus(HELDOUT_FILE);
  const truth = items.map((it) => it.severity);
  const previous = currentModels();
  let predicted: string[];
  setModels({ category, severity });
  try {
    predicted = items.map((it) => classify(it.text).severity);
  } finally {
    setModels(previous);
  }
  const modelOnly = items.map((it) => severity.predict(features(segment(it.text))).label);
  const urgent = items.flatMap((_, i) => (truth[i] === 'urgent' ? [i] : []));
  const missed = urgent.filter((i) => predicted[i] !== 'urgent');
  return {
    ...heldoutReport(items, truth, predicted),
    urgentRecall: Math.round(((urgent.length - missed.length) / Math.max(1, urgent.length)) * 1e4) / 1e4,
    urgentN: urgent.length,
    urgentMissed: missed.slice(0, 10).map((i) => ({ text: items[i]!.text.slice(0, 120), predicted: predicted[i]! })),
    modelAccuracy: report(truth, modelOnly).accuracy,
  };
}

function trainSeverity(items: readonly TrainingExample[], epochs: number, category: TextModel): { model: TextModel; metrics: SeverityMetrics } {
  const t0 = performance.now();
  const featured = items.map((it) => ({ features: features(segment(it.text)), label: it.label, weight: it.weight }));
  // The built-in severity model's learner (logistic regression won its cross-validation).
  const model = TextModel.train(expand(featured), { ...BUILTIN_TRAIN_OPTIONS.severity, epochs });
  const trainMs = Math.round(performance.now() - t0);
  return { model, metrics: { trainingSize: items.length, features: model.featureCount, trainMs, heldout: severityHeldout(category, model) } };
}

export function trainAndEvaluate(req: TrainRequest): TrainOutcome {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: req.epochs };
  const t0 = performance.now();
  const featured: FeaturedExample[] = req.items.map((it) => ({ features: features(segment(it.text)), label: it.label, weight: it.weight }));
  const auxiliary: FeaturedExample[] = (req.auxiliaryItems ?? []).map((it) => ({ features: features(segment(it.text)), label: it.label, weight: it.weight }));
  const weighting = req.auxiliaryWeighting ?? 'auto';
  const length = req.auxiliaryLength ?? 'primary-max';
  const trained = auxiliary.length
    ? trainWithAuxiliary(expand(featured), auxiliary.map((a) => ({ features: a.features, label: a.label, ...(a.weight !== 1 ? { weight: a.weight } : {}) })), opts, weighting, length)
    : null;
  const model = trained?.model ?? TextModel.train(expand(featured), opts);
  const t1 = performance.now();
  const folds = Math.min(req.folds, featured.length);
  const cv = folds >= 2 ? crossValidate(featured, folds, opts, auxiliary, weighting, length) : null;
  const held = heldout(model);
  const sev = req.severityItems?.length ? trainSeverity(req.severityItems, req.epochs, model) : null;
  const t2 = performance.now();
  return {
    modelJson: JSON.stringify(model.toJSON()),
    severityModelJson: sev ? JSON.stringify(sev.model.toJSON()) : null,
    labels: model.labels,
    features: model.featureCount,
    metrics: {
      epochs: req.epochs,
      trainMs: Math.round(t1 - t0),
      evaluateMs: Math.round(t2 - t1),
      features: model.featureCount,
      ...(trained ? { auxiliary: { rows: auxiliary.length, weighting: trained.weighting, used: trained.auxiliaryUsed, length, cut: trained.auxiliaryCut } } : {}),
      crossValidation: cv,
      heldout: held,
      severity: sev?.metrics ?? null,
    },
  };
}
