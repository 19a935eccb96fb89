/**
 * A small linear text classifier over sparse sublinear TF-IDF features (L2-normalised).
 * Learners (TrainOptions.learner):
 *  - 'logreg': multinomial logistic regression (softmax), AdaGrad, L2 — the default;
 *  - 'nblr': NB-weighted logistic regression (Wang & Manning's NBSVM with the logistic loss):
 *    one-vs-rest, each class's features scaled by their naive-Bayes log-count ratio;
 *  - 'svm': one-vs-rest linear SVM (L2-regularised squared hinge, solved exactly by dual
 *    coordinate descent as in LIBLINEAR, Hsieh et al. 2008), its margins turned into
 *    log-odds by one temperature fitted on out-of-fold margins of the training documents;
 *  - 'logreg+nblr', 'logreg+svm', 'logreg+nblr+svm': the mean of those models' logits;
 *  - 'auto': picks one of the above by an inner stratified k-fold cross-validation on the
 *    training documents only (so an outer cross-validation stays honest).
 * Every learner ends as one weight matrix over the same vector, so prediction costs the same
 * and the JSON format is the same. No dependencies; deterministic (seeded shuffling).
 *
 * Optionally (TrainOptions.nearCopyThreshold) a model also remembers its primary training
 * documents: a text whose vector is a near-copy of one of them (cosine ≥ the threshold, e.g. a
 * form letter sent again) gets that document's label as its top score (see TextModel.scores).
 */

/** The base learners; a learner is one of them or the mean of several (see the file header). */
export type BaseLearner = 'logreg' | 'nblr' | 'svm';
export type Learner = 'logreg' | 'nblr' | 'svm' | 'logreg+nblr' | 'logreg+svm' | 'logreg+nblr+svm';
export const LEARNERS: readonly Learner[] = ['logreg', 'nblr', 'svm', 'logreg+nblr', 'logreg+svm', 'logreg+nblr+svm'];

export interface TrainOptions {
  /** Which learner (see the file header); default 'logreg'. */
  learner?: Learner | 'auto';
  /** 'auto': the candidates tried (default DEFAULT_CANDIDATES). */
  candidates?: readonly Learner[];
  /**
   * 'auto': the candidate kept unless another one's inner accuracy beats it by more than one
   * standard error (see selectLearner); default PREFERRED_LEARNER when it is a candidate; null:
   * the best inner accuracy wins outright.
   */
  preferredLearner?: Learner | null;
  /** 'auto': folds of the inner cross-validation (default 3). */
  innerFolds?: number;
  /** 'auto': the inner cross-validation uses a stratified sample of at most this many documents (default 4000), bounding its cost on big data sets. */
  maxSelectionDocs?: number;
  /** NB-LR: additive smoothing of the log-count ratios (default 1). */
  nbAlpha?: number;
  /** NB-LR: epochs (default: epochs). */
  nbEpochs?: number;
  epochs?: number;
  /** AdaGrad base learning rate. */
  learningRate?: number;
  /** L2 penalty per update on the touched weights. */
  l2?: number;
  /** Drop features seen in fewer documents than this. */
  minDf?: number;
  /** SVM: the cost C of the hinge losses against the L2 penalty (default 1, LIBLINEAR's). */
  svmC?: number;
  /** SVM: at most this many passes of dual coordinate descent (default 1000; it stops earlier once converged). */
  svmMaxIter?: number;
  /** SVM: the temperature that turns margins into logits; default: fitted on out-of-fold margins (see svmTemperature). */
  svmTemperature?: number;
  /** Keep at most this many features (highest document frequency first). */
  maxFeatures?: number;
  /**
   * Near-copy memory (default: off): the model keeps its non-auxiliary training documents, and a
   * text whose TF-IDF vector has cosine ≥ this with one of them takes that document's label
   * (see TextModel.scores). A linear model is regularised away from fitting single documents;
   * complaint sources repeat form letters, whose label is best read off their earlier copy.
   */
  nearCopyThreshold?: number;
  /** The most documents the memory keeps, the latest (default MAX_REMEMBERED_DOCUMENTS). */
  nearCopyMaxDocuments?: number;
  seed?: number;
}

export interface LabelledFeatures {
  features: string[];
  label: string;
  /** How much the document counts in training (default 1): scales its loss (all learners) and its NB counts. */
  weight?: number;
  /**
   * An auxiliary document (e.g. from another labelled source): it trains, but 'auto' never
   * holds it out to judge a learner, so the choice is made on the primary documents only.
   */
  auxiliary?: boolean;
}

export interface TextModelJson {
  kind: 'loopdesk-logreg';
  version: 1;
  labels: string[];
  vocab: string[];
  idf: number[];
  /** vocab.length × labels.length, row-major by feature. */
  weights: number[];
  bias: number[];
  /** The learner that produced the weights (informational; absent in older files). */
  learner?: Learner;
  /** Near-copy memory (TrainOptions.nearCopyThreshold; absent: none). */
  memory?: NearCopyMemoryJson;
}

export interface NearCopyMemoryJson {
  threshold: number;
  /** Per remembered document: its features as vocabulary indices (repeated as often as they occur). */
  docs: number[][];
  /** Per remembered document: its label's index in labels. */
  labels: number[];
}

/** How far above the best other score a near-copy's label is put (≈ 2 nats: it wins, without certainty). */
export const NEAR_COPY_MARGIN = 2;
/** A model remembers at most this many documents (the latest): memory and lookup stay bounded for big CSVs. */
export const MAX_REMEMBERED_DOCUMENTS = 20_000;
/** Features in more remembered documents than this do not nominate candidates (see nearestCopy). */
const COMMON_POSTINGS = 1_000;
/** Candidates whose exact cosine is computed. */
const NEAR_COPY_CANDIDATES = 16;

interface MemoryIndex {
  postings: Map<number, { docs: number[]; vals: number[] }>;
  vectors: Array<Map<number, number>>;
}

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TextModel {
  private readonly index: Map<string, number>;
  /** The memory's vectors and inverted index, built on first use. */
  private memoryIndex: MemoryIndex | null = null;

  private constructor(
    readonly labels: string[],
    readonly vocab: string[],
    private readonly idf: Float32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    /** The learner that produced the weights. */
    readonly learner: Learner = 'logreg',
    /** Near-copy memory (see TrainOptions.nearCopyThreshold). */
    private memory: NearCopyMemoryJson | null = null,
  ) {
    this.index = new Map(vocab.map((f, i) => [f, i]));
  }

  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  get featureCount(): number {
    return this.vocab.length;
  }

  /** Sublinear TF × IDF, L2-normalised; unknown features are ignored. */
  vectorize(features: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const idx = new Int32Array(counts.size);
    const val = new Float32Array(counts.size);
    let k = 0;
    let norm = 0;
    for (const [i, c] of counts) {
      const v = (1 + Math.log(c)) * this.idf[i]!;
      idx[k] = i;
      val[k] = v;
      norm += v * v;
      k++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] = val[j]! / norm;
    return { idx, val };
  }

  /**
   * Raw class scores (logits) for a vector. With a near-copy memory, when the vector is a
   * near-copy of a remembered document (nearestCopy), that document's label's score is raised to
   * NEAR_COPY_MARGIN above the best other one (unless it already is).
   */
  scores(x: SparseVector): Float64Array {
    const C = this.labels.length;
    const z = new Float64Array(C);
    for (let c = 0; c < C; c++) z[c] = this.bias[c]!;
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j]! * C;
      const v = x.val[j]!;
      for (let c = 0; c < C; c++) z[c]! += this.weights[base + c]! * v;
    }
    const copy = this.memory ? this.nearestCopy(x) : null;
    if (copy) {
      let other = -Infinity;
      for (let c = 0; c < C; c++) if (c !== copy.label) other = Math.max(other, z[c]!);
      z[copy.label] = Math.max(z[copy.label]!, other + NEAR_COPY_MARGIN);
    }
    return z;
  }

  /** Whether the model has a near-copy memory, and of how many documents. */
  get rememberedDocuments(): number {
    return this.memory?.docs.length ?? 0;
  }

  /**
   * The remembered document most similar to x (cosine of the TF-IDF vectors; ties: the earlier)
   * when its similarity reaches the memory's threshold; null otherwise or without a memory.
   */
  nearestCopy(x: SparseVector): { document: number; label: number; similarity: number } | null {
    const memory = this.memory;
    if (!memory || x.idx.length === 0) return null;
    const index = (this.memoryIndex ??= this.buildMemoryIndex(memory));
    // Candidates from the features few remembered documents share (a near-copy shares its rare
    // words too); a feature in more than COMMON_POSTINGS documents would cost a long walk and
    // tells nothing about which one is the copy. Then the exact cosine of the best few.
    const partial = new Map<number, number>();
    for (let j = 0; j < x.idx.length; j++) {
      const p = index.postings.get(x.idx[j]!);
      if (!p || p.docs.length > COMMON_POSTINGS) continue;
      const v = x.val[j]!;
      for (let k = 0; k < p.docs.length; k++) partial.set(p.docs[k]!, (partial.get(p.docs[k]!) ?? 0) + v * p.vals[k]!);
    }
    const candidates = [...partial].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NEAR_COPY_CANDIDATES);
    let best = -1;
    let sim = -Infinity;
    for (const [n] of candidates) {
      const doc = index.vectors[n]!;
      let d = 0;
      for (let j = 0; j < x.idx.length; j++) d += x.val[j]! * (doc.get(x.idx[j]!) ?? 0);
      if (d > sim || (d === sim && n < best)) [best, sim] = [n, d];
    }
    return best >= 0 && sim >= memory.threshold ? { document: best, label: memory.labels[best]!, similarity: sim } : null;
  }

  /** The memory's documents as vectors, and its inverted index: feature → the documents having it and its value in each. */
  private buildMemoryIndex(memory: NearCopyMemoryJson): MemoryIndex {
    const postings = new Map<number, { docs: number[]; vals: number[] }>();
    const vectors = memory.docs.map((d, n) => {
      const v = this.vectorizeIndices(d);
      const byFeature = new Map<number, number>();
      for (let j = 0; j < v.idx.length; j++) {
        byFeature.set(v.idx[j]!, v.val[j]!);
        let p = postings.get(v.idx[j]!);
        if (!p) postings.set(v.idx[j]!, (p = { docs: [], vals: [] }));
        p.docs.push(n);
        p.vals.push(v.val[j]!);
      }
      return byFeature;
    });
    return { postings, vectors };
  }

  /** vectorize() of a document given as vocabulary indices. */
  private vectorizeIndices(indices: readonly number[]): SparseVector {
    return this.vectorize(indices.flatMap((i) => (i >= 0 && i < this.vocab.length ? [this.vocab[i]!] : [])));
  }

  predictProba(features: readonly string[]): Float64Array {
    return softmax(this.scores(this.vectorize(features)));
  }

  predict(features: readonly string[]): { label: string; probability: number; known: number } {
    const x = this.vectorize(features);
    const p = softmax(this.scores(x));
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { label: this.labels[best]!, probability: p[best]!, known: x.idx.length };
  }

  /** The features of a text that pushed hardest towards `label` (for explanations). */
  topFeatures(x: SparseVector, label: string, k = 3): Array<{ feature: string; weight: number }> {
    const c = this.labels.indexOf(label);
    if (c < 0) return [];
    const C = this.labels.length;
    const contrib: Array<{ feature: string; weight: number }> = [];
    for (let j = 0; j < x.idx.length; j++) {
      const i = x.idx[j]!;
      // Contribution relative to the mean of the other classes.
      let others = 0;
      for (let o = 0; o < C; o++) if (o !== c) others += this.weights[i * C + o]!;
      const w = (this.weights[i * C + c]! - others / Math.max(1, C - 1)) * x.val[j]!;
      if (w > 0) contrib.push({ feature: this.vocab[i]!, weight: w });
    }
    contrib.sort((a, b) => b.weight - a.weight);
    return contrib.slice(0, k);
  }

  toJSON(): TextModelJson {
    return {
      kind: 'loopdesk-logreg',
      version: 1,
      labels: this.labels,
      vocab: this.vocab,
      idf: Array.from(this.idf, (v) => Math.round(v * 1e4) / 1e4),
      weights: Array.from(this.weights, (v) => Math.round(v * 1e3) / 1e3),
      bias: Array.from(this.bias, (v) => Math.round(v * 1e4) / 1e4),
      ...(this.learner !== 'logreg' ? { learner: this.learner } : {}),
      ...(this.memory ? { memory: this.memory } : {}),
    };
  }

  static fromJSON(json: TextModelJson): TextModel {
    if (json.kind !== 'loopdesk-logreg' || json.version !== 1) throw new Error('not a loopdesk text model');
    if (json.weights.length !== json.vocab.length * json.labels.length) throw new Error('model weights do not match its vocabulary');
    const memory = json.memory;
    if (memory && (memory.docs.length !== memory.labels.length || memory.labels.some((l) => !(l >= 0 && l < json.labels.length)))) throw new Error('model memory does not match its labels');
    return new TextModel(json.labels, json.vocab, Float32Array.from(json.idf), Float32Array.from(json.weights), Float32Array.from(json.bias), json.learner ?? 'logreg', memory ?? null);
  }

  static train(docs: readonly LabelledFeatures[], opts: TrainOptions = {}): TextModel {
    if (docs.length === 0) throw new Error('no training documents');
    const learner = opts.learner === 'auto' ? selectLearner(docs, opts).learner : (opts.learner ?? 'logreg');

    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));

    // Vocabulary by document frequency.
    const minDf = opts.minDf ?? 1;
    const df = new Map<string, number>();
    for (const d of docs) for (const f of new Set(d.features)) df.set(f, (df.get(f) ?? 0) + 1);
    let vocab = [...df.entries()].filter(([, n]) => n >= minDf);
    if (opts.maxFeatures && vocab.length > opts.maxFeatures) {
      vocab.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      vocab = vocab.slice(0, opts.maxFeatures);
    }
    vocab.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const N = docs.length;
    const idf = Float32Array.from(vocab, ([, n]) => Math.log((1 + N) / (1 + n)) + 1);
    const C = labels.length;
    const V = vocab.length;
    const model = new TextModel(labels, vocab.map(([f]) => f), idf, new Float32Array(V * C), new Float32Array(C), learner);

    const xs = docs.map((d) => model.vectorize(d.features));
    const ys = docs.map((d) => labelIndex.get(d.label)!);
    const ws = docs.some((d) => d.weight !== undefined && d.weight !== 1) ? Float64Array.from(docs, (d) => d.weight ?? 1) : null;
    const parts = learner.split('+') as BaseLearner[];
    if (parts.length === 1) {
      trainBase(parts[0]!, xs, ys, C, V, opts, model.weights, model.bias, ws);
    } else {
      // The mean of the models' logits: the argmax of a product of their probabilities, with
      // the confidence of none inflated.
      const W = new Float32Array(V * C);
      const b = new Float32Array(C);
      for (const part of parts) {
        W.fill(0);
        b.fill(0);
        trainBase(part, xs, ys, C, V, opts, W, b, ws);
        for (let k = 0; k < V * C; k++) model.weights[k]! += W[k]! / parts.length;
        for (let c = 0; c < C; c++) model.bias[c]! += b[c]! / parts.length;
      }
    }
    if (opts.nearCopyThreshold !== undefined) {
      const remembered = docs.filter((d) => !d.auxiliary && (d.weight ?? 1) > 0).slice(-(opts.nearCopyMaxDocuments ?? MAX_REMEMBERED_DOCUMENTS));
      model.memory = {
        threshold: opts.nearCopyThreshold,
        docs: remembered.map((d) => d.features.flatMap((f) => (model.index.has(f) ? [model.index.get(f)!] : []))),
        labels: remembered.map((d) => labelIndex.get(d.label)!),
      };
    }
    return model;
  }
}

function shuffleInPlace(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** Per-document weights (null: all 1). */
type Weights = Float64Array | null;

function trainBase(learner: BaseLearner, xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions, W: Float32Array, b: Float32Array, ws: Weights = null): void {
  if (learner === 'logreg') trainSoftmax(xs, ys, C, V, opts, W, b, ws);
  else if (learner === 'nblr') trainNbLr(xs, ys, C, V, opts, W, b, ws);
  else if (learner === 'svm') trainSvm(xs, ys, C, V, opts, W, b, ws);
  else throw new Error(`unknown learner ${String(learner)}`);
}

/** Multinomial logistic regression (softmax), AdaGrad, L2 on the touched weights; a document's loss gradient is scaled by its weight. */
function trainSoftmax(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions, W: Float32Array, b: Float32Array, ws: Weights = null): void {
  const epochs = opts.epochs ?? 12;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const random = rng(opts.seed ?? 42);
  const N = xs.length;
  const gW = new Float32Array(V * C).fill(1e-8);
  const gB = new Float32Array(C).fill(1e-8);
  const order = Array.from({ length: N }, (_, i) => i);
  const grad = new Float64Array(C);
  const z = new Float64Array(C);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const x = xs[n]!;
      for (let c = 0; c < C; c++) z[c] = b[c]!;
      for (let j = 0; j < x.idx.length; j++) {
        const base = x.idx[j]! * C;
        const v = x.val[j]!;
        for (let c = 0; c < C; c++) z[c]! += W[base + c]! * v;
      }
      const p = softmax(z);
      const wn = ws ? ws[n]! : 1;
      for (let c = 0; c < C; c++) grad[c] = wn * (p[c]! - (c === ys[n] ? 1 : 0));
      for (let c = 0; c < C; c++) {
        const g = grad[c]!;
        gB[c]! += g * g;
        b[c]! -= (lr * g) / Math.sqrt(gB[c]!);
      }
      for (let j = 0; j < x.idx.length; j++) {
        const base = x.idx[j]! * C;
        const v = x.val[j]!;
        for (let c = 0; c < C; c++) {
          const k = base + c;
          const g = grad[c]! * v + l2 * W[k]!;
          gW[k]! += g * g;
          W[k]! -= (lr * g) / Math.sqrt(gW[k]!);
        }
      }
    }
  }
}

/**
 * Naive-Bayes log-count ratios (Wang & Manning 2012): for each feature and class, the log of
 * its smoothed share among the class's documents over its share among the other classes'
 * (binarised counts). Row-major by feature, like the weights.
 */
export function nbLogCountRatios(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, alpha = 1, ws: Weights = null): Float32Array {
  const inClass = new Float64Array(V * C);
  const classTotal = new Float64Array(C);
  const featureTotal = new Float64Array(V);
  let total = 0;
  xs.forEach((x, n) => {
    const y = ys[n]!;
    const wn = ws ? ws[n]! : 1;
    for (let j = 0; j < x.idx.length; j++) {
      const i = x.idx[j]!;
      inClass[i * C + y]! += wn;
      featureTotal[i]! += wn;
    }
    classTotal[y]! += wn * x.idx.length;
    total += wn * x.idx.length;
  });
  const R = new Float32Array(V * C);
  for (let i = 0; i < V; i++) {
    for (let c = 0; c < C; c++) {
      const p = (inClass[i * C + c]! + alpha) / (classTotal[c]! + alpha * V);
      const q = (featureTotal[i]! - inClass[i * C + c]! + alpha) / (total - classTotal[c]! + alpha * V);
      R[i * C + c] = Math.log(p / q);
    }
  }
  return R;
}

/**
 * NB-LR: one binary logistic regression per class (one-vs-rest, AdaGrad, L2) over the TF-IDF
 * vector with each feature scaled by the class's log-count ratio. The scaling is folded into
 * the returned weights, so the model stays linear in the shared vector.
 */
function trainNbLr(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions, W: Float32Array, b: Float32Array, ws: Weights = null): void {
  const epochs = opts.nbEpochs ?? opts.epochs ?? 12;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const random = rng((opts.seed ?? 42) + 1);
  const R = nbLogCountRatios(xs, ys, C, V, opts.nbAlpha ?? 1, ws);
  const N = xs.length;
  const U = new Float32Array(V * C); // weights on the scaled features
  const gW = new Float32Array(V * C).fill(1e-8);
  const gB = new Float32Array(C).fill(1e-8);
  const order = Array.from({ length: N }, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const x = xs[n]!;
      for (let c = 0; c < C; c++) {
        let z = b[c]!;
        for (let j = 0; j < x.idx.length; j++) {
          const k = x.idx[j]! * C + c;
          z += U[k]! * R[k]! * x.val[j]!;
        }
        const g = (ws ? ws[n]! : 1) * (1 / (1 + Math.exp(-z)) - (ys[n] === c ? 1 : 0));
        gB[c]! += g * g;
        b[c]! -= (lr * g) / Math.sqrt(gB[c]!);
        for (let j = 0; j < x.idx.length; j++) {
          const k = x.idx[j]! * C + c;
          const gk = g * R[k]! * x.val[j]! + l2 * U[k]!;
          gW[k]! += gk * gk;
          U[k]! -= (lr * gk) / Math.sqrt(gW[k]!);
        }
      }
    }
  }
  for (let k = 0; k < V * C; k++) W[k] = U[k]! * R[k]!;
}

/**
 * One binary L2-regularised squared-hinge SVM by dual coordinate descent (Hsieh, Chang, Lin,
 * Keerthi & Sundararajan 2008; LIBLINEAR's default solver): min ½‖w‖² + cost·Σ max(0, 1 − y·w·x)²
 * with the bias as an extra feature of value 1 (regularised, as in LIBLINEAR). Stops when the
 * projected gradients span less than eps (default 0.1, LIBLINEAR's: on CFPB 0.01 and 0.001
 * changed the accuracy by ≤ 0.2 points for 2–3× the passes) or after maxIter passes.
 * A document's weight multiplies its cost (ws; null: all 1). Returns w (V weights, then the bias).
 */
export function svmDualCoordinateDescent(xs: readonly SparseVector[], y: Int8Array, V: number, cost: number, maxIter: number, random: () => number, eps = 0.1, ws: Weights = null): Float64Array {
  const N = xs.length;
  const w = new Float64Array(V + 1);
  const alpha = new Float64Array(N);
  const Dn = Float64Array.from({ length: N }, (_, n) => 1 / (2 * cost * (ws ? Math.max(ws[n]!, 1e-9) : 1)));
  const Q = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = 1 + Dn[n]!; // the bias feature's 1² plus the squared hinge's diagonal
    for (const v of xs[n]!.val) s += v * v;
    Q[n] = s;
  }
  const order = Array.from({ length: N }, (_, i) => i);
  for (let iter = 0; iter < maxIter; iter++) {
    shuffleInPlace(order, random);
    let maxPG = -Infinity;
    let minPG = Infinity;
    for (const n of order) {
      const x = xs[n]!;
      const yn = y[n]!;
      let s = w[V]!;
      for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]!;
      const G = yn * s - 1 + Dn[n]! * alpha[n]!;
      const PG = alpha[n] === 0 ? Math.min(G, 0) : G;
      if (PG > maxPG) maxPG = PG;
      if (PG < minPG) minPG = PG;
      if (PG !== 0) {
        const old = alpha[n]!;
        const a = Math.max(old - G / Q[n]!, 0);
        alpha[n] = a;
        const d = (a - old) * yn;
        for (let j = 0; j < x.idx.length; j++) w[x.idx[j]!]! += d * x.val[j]!;
        w[V]! += d;
      }
    }
    if (maxPG - minPG < eps) break;
  }
  return w;
}

/** One-vs-rest SVM margins (untempered), row-major by feature like the weights. */
function trainSvmMargins(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions, W: Float32Array, b: Float32Array, ws: Weights = null): void {
  const random = rng((opts.seed ?? 42) + 2);
  const cost = opts.svmC ?? 1;
  const maxIter = opts.svmMaxIter ?? 1000;
  for (let c = 0; c < C; c++) {
    const w = svmDualCoordinateDescent(xs, Int8Array.from(ys, (y) => (y === c ? 1 : -1)), V, cost, maxIter, random, 0.1, ws);
    for (let i = 0; i < V; i++) W[i * C + c] = w[i]!;
    b[c] = w[V]!;
  }
}

/** The temperature used when there are too few documents to fit one (a margin of 1 over the rest ≈ 3 nats). */
export const DEFAULT_SVM_TEMPERATURE = 3;

/**
 * The temperature T for which softmax(T·margins) best predicts the labels (least log-loss) on
 * out-of-fold margins of a stratified 3-fold split of the training documents (Platt-style
 * scaling with one parameter: it changes no argmax, only the probabilities the classifier
 * weighs against its lexicon). Bounded to [0.05, 20]; DEFAULT_SVM_TEMPERATURE when fewer than
 * 2 documents per fold or a fold's training part has one label.
 */
export function svmTemperature(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions = {}): number {
  const k = 3;
  if (xs.length < 2 * k || C < 2) return DEFAULT_SVM_TEMPERATURE;
  const folds = stratifiedFolds(ys.map(String), k, (opts.seed ?? 42) + 23);
  const margins: Float64Array[] = new Array<Float64Array>(xs.length);
  const W = new Float32Array(V * C);
  const b = new Float32Array(C);
  for (let f = 0; f < k; f++) {
    const trainIdx = ys.flatMap((_, i) => (folds[i] === f ? [] : [i]));
    if (new Set(trainIdx.map((i) => ys[i])).size < 2) return DEFAULT_SVM_TEMPERATURE;
    trainSvmMargins(trainIdx.map((i) => xs[i]!), trainIdx.map((i) => ys[i]!), C, V, opts, W, b);
    ys.forEach((_, i) => {
      if (folds[i] === f) margins[i] = linearScores(W, b, C, xs[i]!);
    });
  }
  const nll = (t: number) => {
    let loss = 0;
    margins.forEach((z, i) => {
      let max = -Infinity;
      for (const v of z) if (v * t > max) max = v * t;
      let sum = 0;
      for (const v of z) sum += Math.exp(v * t - max);
      loss += max + Math.log(sum) - z[ys[i]!]! * t;
    });
    return loss;
  };
  // The log-loss is convex in T: golden-section search on log T.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let c = lo + g * (hi - lo);
  let fa = nll(Math.exp(a));
  let fc = nll(Math.exp(c));
  for (let i = 0; i < 40; i++) {
    if (fa <= fc) {
      hi = c;
      c = a;
      fc = fa;
      a = hi - g * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = c;
      fa = fc;
      c = lo + g * (hi - lo);
      fc = nll(Math.exp(c));
    }
  }
  return Math.exp((lo + hi) / 2);
}

function linearScores(W: Float32Array, b: Float32Array, C: number, x: SparseVector): Float64Array {
  const z = new Float64Array(C);
  for (let c = 0; c < C; c++) z[c] = b[c]!;
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j]! * C;
    const v = x.val[j]!;
    for (let c = 0; c < C; c++) z[c]! += W[base + c]! * v;
  }
  return z;
}

/** One-vs-rest linear SVM (see svmDualCoordinateDescent), margins scaled by svmTemperature into logits. */
function trainSvm(xs: readonly SparseVector[], ys: readonly number[], C: number, V: number, opts: TrainOptions, W: Float32Array, b: Float32Array, ws: Weights = null): void {
  trainSvmMargins(xs, ys, C, V, opts, W, b, ws);
  const t = opts.svmTemperature ?? svmTemperature(xs, ys, C, V, opts);
  for (let k = 0; k < V * C; k++) W[k] = W[k]! * t;
  for (let c = 0; c < C; c++) b[c] = b[c]! * t;
}

/** The learners 'auto' chooses among unless TrainOptions.candidates says otherwise. */
export const DEFAULT_CANDIDATES: readonly Learner[] = ['logreg', 'nblr', 'svm', 'logreg+nblr', 'logreg+nblr+svm'];

/**
 * The learner 'auto' keeps unless another candidate is clearly better on the inner
 * cross-validation: the mean of all three base learners, the one with the least variance. On
 * ~1,000 rows the candidates' inner accuracies differ by 1–3 points, about one standard error,
 * so an outright argmax among them mostly picks noise (see train-model.ts).
 */
export const PREFERRED_LEARNER: Learner = 'logreg+nblr+svm';

export interface LearnerSelection {
  learner: Learner;
  /** Inner cross-validated accuracy of each candidate, in the order tried. */
  scores: Array<{ learner: Learner; accuracy: number }>;
  /** How many documents the inner cross-validation used (0: none, first candidate taken). */
  documents: number;
}

/**
 * Chooses a learner by stratified k-fold cross-validation on the given training documents
 * (on a stratified sample of maxSelectionDocs when there are more; ties: the earlier candidate);
 * auxiliary documents train in every fold and are never held out. The preferred learner
 * (opts.preferredLearner, default PREFERRED_LEARNER when it is a candidate) is kept unless the
 * best candidate's accuracy a exceeds its own by more than one standard error, √(a(1−a)/n) on
 * the n judged documents (the one-standard-error rule: among candidates the inner CV cannot
 * tell apart, take the steadiest). Needs at least two documents per fold and two labels;
 * otherwise returns the first candidate untried.
 */
export function selectLearner(allDocs: readonly LabelledFeatures[], opts: TrainOptions = {}): LearnerSelection {
  const candidates = opts.candidates?.length ? opts.candidates : DEFAULT_CANDIDATES;
  const k = Math.max(2, opts.innerFolds ?? 3);
  const maxDocs = Math.max(2 * k, opts.maxSelectionDocs ?? 4000);
  // One part of a stratified split into ceil(n / maxDocs) parts: a stratified sample.
  const sample = (list: readonly LabelledFeatures[], salt: number) => {
    if (list.length <= maxDocs) return list;
    const parts = stratifiedFolds(list.map((d) => d.label), Math.ceil(list.length / maxDocs), (opts.seed ?? 42) + salt);
    return list.filter((_, i) => parts[i] === 0);
  };
  // Auxiliary documents are in every inner training part and never judged.
  const docs = sample(allDocs.filter((d) => !d.auxiliary), 17);
  const aux = sample(allDocs.filter((d) => d.auxiliary), 19);
  const labels = docs.map((d) => d.label);
  if (candidates.length === 1 || docs.length < 2 * k || new Set(labels).size < 2) return { learner: candidates[0]!, scores: [], documents: 0 };
  const folds = stratifiedFolds(labels, k, (opts.seed ?? 42) + 11);
  const inner: TrainOptions = { ...opts, learner: 'logreg' };
  const scores = candidates.map((learner) => {
    let ok = 0;
    for (let f = 0; f < k; f++) {
      const train = [...docs.filter((_, i) => folds[i] !== f), ...aux];
      if (new Set(train.map((d) => d.label)).size < 2) continue;
      const m = TextModel.train(train, { ...inner, learner });
      docs.forEach((d, i) => {
        if (folds[i] === f && m.predict(d.features).label === d.label) ok++;
      });
    }
    return { learner, accuracy: ok / docs.length };
  });
  let best = scores[0]!;
  for (const s of scores) if (s.accuracy > best.accuracy) best = s;
  const preferredName = opts.preferredLearner === undefined ? PREFERRED_LEARNER : opts.preferredLearner;
  const preferred = preferredName === null ? undefined : scores.find((s) => s.learner === preferredName);
  const se = Math.sqrt((best.accuracy * (1 - best.accuracy)) / docs.length);
  if (preferred && best.accuracy - preferred.accuracy <= se) best = preferred;
  return { learner: best.learner, scores, documents: docs.length };
}

export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < z.length; i++) out[i] = out[i]! / sum;
  return out;
}

/** Stratified k-fold split (deterministic): returns the fold number of each item. */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 7): number[] {
  const random = rng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  for (const idxs of byLabel.values()) {
    for (let i = idxs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idxs[i], idxs[j]] = [idxs[j]!, idxs[i]!];
    }
    idxs.forEach((n, r) => (fold[n] = r % k));
  }
  return fold;
}
