/**
 * How good a model version is, measured before anyone activates it: accuracy and per-class
 * precision / recall on the held-out corpus (when the model speaks the built-in taxonomy) and
 * stratified k-fold cross-validation on its own training set.
 */
import { stratifiedFolds, TextModel, type TrainOptions } from '../triage/text-model.js';
import { trainWithAuxiliary, type AuxiliaryLength, type AuxiliaryWeighting } from '../triage/train-model.js';

export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Items whose true label this is. */
  support: number;
}

export interface EvalReport {
  accuracy: number;
  n: number;
  perClass: ClassReport[];
}

export interface CrossValidation extends EvalReport {
  folds: number;
  perFold: number[];
  /** With auxiliary rows: how many trained each fold, and the weighting each fold used. */
  auxiliary?: { rows: number; weightings: AuxiliaryWeighting[] };
}

export interface HeldoutReport extends EvalReport {
  file: string;
  byLanguage: Record<string, { accuracy: number; n: number }>;
}

/**
 * The severity a version's classifier gives the held-out corpus: its severity model *and*
 * category model inside the whole classifier (DESIGN §2 rules first: a safety or fraud cue is
 * urgent whatever the models say; the severity model can only lift a tier), so this is what
 * agents would see once the version is active.
 */
export interface SeverityHeldoutReport extends HeldoutReport {
  /** Held-out items labelled urgent that the classifier calls urgent (DESIGN §2: must stay 1). */
  urgentRecall: number;
  /** How many held-out items are labelled urgent. */
  urgentN: number;
  /** Up to 10 urgent held-out texts the classifier did not call urgent (the first 120 characters). */
  urgentMissed: Array<{ text: string; predicted: string }>;
  /** The severity model on its own (argmax, no rules), for comparison. */
  modelAccuracy: number;
}

export interface SeverityMetrics {
  /** Training rows: corpus severities + severity corrections (see sourceDetail). */
  trainingSize: number;
  features: number;
  trainMs: number;
  heldout: SeverityHeldoutReport;
}

export interface ModelMetrics {
  epochs: number;
  trainMs: number;
  evaluateMs: number;
  features: number;
  /** The category model's auxiliary rows (CSV source with auxiliary CSVs): how many, the weighting chosen, how many trained (0 with 'none'), the length rule and how many it cut (absent in versions trained before it). */
  auxiliary?: { rows: number; weighting: AuxiliaryWeighting; used: number; length?: AuxiliaryLength; cut?: number };
  crossValidation: CrossValidation | null;
  heldout: HeldoutReport | null;
  /** Null: the version carries no severity model (CSV source, or trained before severity learning). */
  severity?: SeverityMetrics | null;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Accuracy and per-class precision / recall / F1 of predictions against the truth. */
export function report(truth: readonly string[], predicted: readonly string[]): EvalReport {
  const labels = [...new Set([...truth, ...predicted])].sort();
  let correct = 0;
  const tp = new Map<string, number>();
  const predCount = new Map<string, number>();
  const support = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    support.set(t, (support.get(t) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    if (p === t) {
      correct++;
      tp.set(t, (tp.get(t) ?? 0) + 1);
    }
  });
  const perClass = labels.map((label): ClassReport => {
    const hit = tp.get(label) ?? 0;
    const precision = hit / Math.max(1, predCount.get(label) ?? 0);
    const recall = hit / Math.max(1, support.get(label) ?? 0);
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: round4(precision), recall: round4(recall), f1: round4(f1), support: support.get(label) ?? 0 };
  });
  return { accuracy: round4(correct / Math.max(1, truth.length)), n: truth.length, perClass };
}

export interface FeaturedExample {
  features: string[];
  label: string;
  weight: number;
}

/** Repeats each example `weight` times: how AdaGrad SGD sees a weighted example. */
export function expand(items: readonly FeaturedExample[]): Array<{ features: string[]; label: string }> {
  return items.flatMap((it) => Array.from({ length: Math.max(1, Math.round(it.weight)) }, () => ({ features: it.features, label: it.label })));
}

/**
 * Stratified k-fold CV over distinct examples (a weighted example is repeated only inside its
 * training folds, so its copies never leak into the fold that tests it). Auxiliary examples
 * train every fold (cut to `length` and weighted as `weighting` says, both measured or chosen
 * on the fold's training rows) and are never tested.
 */
export function crossValidate(
  items: readonly FeaturedExample[],
  k: number,
  opts: TrainOptions,
  auxiliary: readonly FeaturedExample[] = [],
  weighting: AuxiliaryWeighting | 'auto' = 'auto',
  length: AuxiliaryLength = 'primary-max',
): CrossValidation {
  const folds = stratifiedFolds(items.map((it) => it.label), k);
  const predicted = new Array<string>(items.length);
  const perFold: number[] = [];
  const weightings: AuxiliaryWeighting[] = [];
  const aux = auxiliary.map((it) => ({ features: it.features, label: it.label, ...(it.weight !== 1 ? { weight: it.weight } : {}) }));
  for (let f = 0; f < k; f++) {
    const train = expand(items.filter((_, i) => folds[i] !== f));
    if (new Set(train.map((d) => d.label)).size === 0) continue;
    let model: TextModel;
    if (aux.length) {
      const r = trainWithAuxiliary(train, aux, opts, weighting, length);
      model = r.model;
      weightings.push(r.weighting);
    } else model = TextModel.train(train, opts);
    let ok = 0;
    let n = 0;
    items.forEach((it, i) => {
      if (folds[i] !== f) return;
      predicted[i] = model.predict(it.features).label;
      n++;
      if (predicted[i] === it.label) ok++;
    });
    perFold.push(round4(n ? ok / n : 0));
  }
  const truth = items.map((it) => it.label);
  return { ...report(truth, predicted.map((p) => p ?? '')), folds: k, perFold, ...(aux.length ? { auxiliary: { rows: aux.length, weightings } } : {}) };
}
