/**
 * A small multinomial logistic-regression text classifier (softmax over sparse TF-IDF
 * features), trained with AdaGrad and L2 regularisation. No dependencies; deterministic
 * (seeded shuffling); serialisable to JSON.
 */

export interface TrainOptions {
  epochs?: number;
  /** AdaGrad base learning rate. */
  learningRate?: number;
  /** L2 penalty per update on the touched weights. */
  l2?: number;
  /** Drop features seen in fewer documents than this. */
  minDf?: number;
  /** Keep at most this many features (highest document frequency first). */
  maxFeatures?: number;
  seed?: number;
}

export interface LabelledFeatures {
  features: string[];
  label: string;
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

  private constructor(
    readonly labels: string[],
    readonly vocab: string[],
    private readonly idf: Float32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
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

  /** Raw class scores (logits) for a vector. */
  scores(x: SparseVector): Float64Array {
    const C = this.labels.length;
    const z = new Float64Array(C);
    for (let c = 0; c < C; c++) z[c] = this.bias[c]!;
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j]! * C;
      const v = x.val[j]!;
      for (let c = 0; c < C; c++) z[c]! += this.weights[base + c]! * v;
    }
    return z;
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
    };
  }

  static fromJSON(json: TextModelJson): TextModel {
    if (json.kind !== 'loopdesk-logreg' || json.version !== 1) throw new Error('not a loopdesk text model');
    if (json.weights.length !== json.vocab.length * json.labels.length) throw new Error('model weights do not match its vocabulary');
    return new TextModel(json.labels, json.vocab, Float32Array.from(json.idf), Float32Array.from(json.weights), Float32Array.from(json.bias));
  }

  static train(docs: readonly LabelledFeatures[], opts: TrainOptions = {}): TextModel {
    const epochs = opts.epochs ?? 12;
    const lr = opts.learningRate ?? 0.5;
    const l2 = opts.l2 ?? 1e-5;
    const minDf = opts.minDf ?? 1;
    const random = rng(opts.seed ?? 42);
    if (docs.length === 0) throw new Error('no training documents');

    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));

    // Vocabulary by document frequency.
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
    const model = new TextModel(labels, vocab.map(([f]) => f), idf, new Float32Array(V * C), new Float32Array(C));

    const xs = docs.map((d) => model.vectorize(d.features));
    const ys = docs.map((d) => labelIndex.get(d.label)!);
    const W = model.weights;
    const b = model.bias;
    const gW = new Float32Array(V * C).fill(1e-8);
    const gB = new Float32Array(C).fill(1e-8);
    const order = Array.from({ length: N }, (_, i) => i);
    const grad = new Float64Array(C);

    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = N - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const n of order) {
        const x = xs[n]!;
        const p = softmax(model.scores(x));
        for (let c = 0; c < C; c++) grad[c] = p[c]! - (c === ys[n] ? 1 : 0);
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
    return model;
  }
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
