import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CANDIDATES,
  DEFAULT_SVM_TEMPERATURE,
  nbLogCountRatios,
  PREFERRED_LEARNER,
  rng,
  selectLearner,
  svmDualCoordinateDescent,
  svmTemperature,
  TextModel,
  type LabelledFeatures,
  type SparseVector,
} from './text-model.js';

const sv = (idx: number[]): SparseVector => ({ idx: Int32Array.from(idx), val: Float32Array.from(idx, () => 1) });

/** Two topics with shared noise words; 'wboth' appears in both. */
function toyDocs(n = 30): LabelledFeatures[] {
  const docs: LabelledFeatures[] = [];
  for (let i = 0; i < n; i++) {
    docs.push({ features: ['wcard', 'wcharg', 'wboth', `wnoise${i % 7}`], label: 'billing' });
    docs.push({ features: ['wparcel', 'wlate', 'wboth', `wnoise${(i + 3) % 7}`], label: 'shipping' });
    if (i % 3 === 0) docs.push({ features: ['wrefund', 'wcard', `wnoise${i % 5}`], label: 'refund' });
  }
  return docs;
}

describe('nbLogCountRatios', () => {
  it('gives the smoothed log ratio of a feature’s share in a class over its share elsewhere', () => {
    // 2 classes, 3 features; class 0 docs: {0,2}, {0}; class 1 docs: {1,2}.
    const xs = [sv([0, 2]), sv([0]), sv([1, 2])];
    const ys = [0, 0, 1];
    const R = nbLogCountRatios(xs, ys, 2, 3, 1);
    // class 0: 3 feature occurrences; class 1: 2. Feature 0: 2 in class 0, 0 in class 1.
    const p = (2 + 1) / (3 + 3);
    const q = (0 + 1) / (2 + 3);
    expect(R[0 * 2 + 0]).toBeCloseTo(Math.log(p / q), 6);
    expect(R[0 * 2 + 1]).toBeCloseTo(Math.log(q / p), 6);
    expect(R[1 * 2 + 1]).toBeGreaterThan(0); // only in class 1
    expect(R[1 * 2 + 0]).toBeLessThan(0);
    // Feature 2 is in one document of each class: weakly towards the smaller class.
    expect(Math.abs(R[2 * 2 + 0]!)).toBeLessThan(Math.abs(R[0]!));
  });
});

describe('TextModel learners', () => {
  it('NB-LR learns a toy problem and survives a JSON round trip', () => {
    const m = TextModel.train(toyDocs(), { learner: 'nblr', seed: 1 });
    expect(m.learner).toBe('nblr');
    expect(m.predict(['wcard', 'wcharg']).label).toBe('billing');
    expect(m.predict(['wparcel', 'wlate']).label).toBe('shipping');
    expect(m.predict(['wrefund']).label).toBe('refund');
    const json = m.toJSON();
    expect(json.learner).toBe('nblr');
    const back = TextModel.fromJSON(JSON.parse(JSON.stringify(json)) as typeof json);
    expect(back.learner).toBe('nblr');
    expect(back.predict(['wlate', 'wboth']).label).toBe('shipping');
    expect(back.predictProba(['wcard'])[0]).toBeCloseTo(m.predictProba(['wcard'])[0]!, 2);
  });

  it('the default learner is logistic regression and its JSON is unchanged (no learner field)', () => {
    const m = TextModel.train(toyDocs(), { seed: 1 });
    expect(m.learner).toBe('logreg');
    expect('learner' in m.toJSON()).toBe(false);
    expect(TextModel.fromJSON(m.toJSON()).learner).toBe('logreg');
  });

  it('logreg+nblr is the mean of the two models’ weights', () => {
    const docs = toyDocs();
    const opts = { seed: 3, epochs: 5 };
    const a = TextModel.train(docs, { ...opts, learner: 'logreg' }).toJSON();
    const b = TextModel.train(docs, { ...opts, learner: 'nblr' }).toJSON();
    const both = TextModel.train(docs, { ...opts, learner: 'logreg+nblr' }).toJSON();
    expect(both.vocab).toEqual(a.vocab);
    both.weights.forEach((w, k) => expect(w).toBeCloseTo((a.weights[k]! + b.weights[k]!) / 2, 2));
    both.bias.forEach((w, c) => expect(w).toBeCloseTo((a.bias[c]! + b.bias[c]!) / 2, 3));
  });

  it('is deterministic for a seed', () => {
    const docs = toyDocs();
    expect(TextModel.train(docs, { learner: 'nblr', seed: 5 }).toJSON()).toEqual(TextModel.train(docs, { learner: 'nblr', seed: 5 }).toJSON());
  });
});

describe('selectLearner / learner "auto"', () => {
  it('scores every candidate by inner cross-validation and keeps the best (first on ties)', () => {
    const docs = toyDocs();
    const sel = selectLearner(docs, { candidates: ['logreg', 'nblr'], innerFolds: 3, seed: 2 });
    expect(sel.scores.map((s) => s.learner)).toEqual(['logreg', 'nblr']);
    for (const s of sel.scores) expect(s.accuracy).toBeGreaterThan(0.9);
    const best = Math.max(...sel.scores.map((s) => s.accuracy));
    expect(sel.learner).toBe(sel.scores.find((s) => s.accuracy === best)!.learner);
  });

  it('a label-noise-free separable problem: auto trains one of the candidates with the inner choice', () => {
    const docs = toyDocs();
    const opts = { learner: 'auto' as const, candidates: ['nblr', 'logreg'] as const, seed: 2 };
    const m = TextModel.train(docs, opts);
    expect(m.learner).toBe(selectLearner(docs, opts).learner);
    expect(m.predict(['wparcel']).label).toBe('shipping');
  });

  it('keeps the preferred learner (the three-way mean) unless another beats it by more than one standard error', () => {
    const docs = toyDocs();
    expect(PREFERRED_LEARNER).toBe('logreg+nblr+svm');
    // Separable: every candidate scores about the same, so the preferred one stays, though listed last.
    const sel = selectLearner(docs, { candidates: ['logreg', 'logreg+nblr+svm'], seed: 2 });
    expect(Math.abs(sel.scores[0]!.accuracy - sel.scores[1]!.accuracy)).toBeLessThan(0.05);
    expect(sel.learner).toBe('logreg+nblr+svm');
    // Without a preference, ties go to the earlier candidate.
    expect(selectLearner(docs, { candidates: ['logreg', 'logreg+nblr+svm'], seed: 2, preferredLearner: null }).learner).toBe('logreg');
    // A preferred learner that cannot learn (a learning rate of ~0: the priors only) loses to a clearly better one.
    const weak = selectLearner(docs, { candidates: ['logreg', 'svm'], seed: 2, learningRate: 1e-9, preferredLearner: 'logreg' });
    const [lr, svm] = weak.scores.map((s) => s.accuracy);
    expect(svm! - lr!).toBeGreaterThan(Math.sqrt((svm! * (1 - svm!)) / weak.documents));
    expect(weak.learner).toBe('svm');
  });

  it('falls back to the first candidate when there is too little data to cross-validate', () => {
    const docs: LabelledFeatures[] = [
      { features: ['wa'], label: 'x' },
      { features: ['wb'], label: 'y' },
    ];
    expect(selectLearner(docs, { candidates: ['nblr', 'logreg'] })).toEqual({ learner: 'nblr', scores: [], documents: 0 });
    expect(TextModel.train(docs, { learner: 'auto', candidates: ['nblr', 'logreg'] }).learner).toBe('nblr');
  });
});

describe('selectLearner on big data sets', () => {
  it('cross-validates on a stratified sample of at most maxSelectionDocs documents', () => {
    const docs = toyDocs(60); // 140 documents: 60 billing, 60 shipping, 20 refund
    expect(selectLearner(docs, { candidates: ['logreg', 'nblr'] }).documents).toBe(140);
    const sampled = selectLearner(docs, { candidates: ['logreg', 'nblr'], maxSelectionDocs: 50, seed: 2 });
    // 3 parts of a stratified split: 20 + 20 + 7 documents.
    expect(sampled.documents).toBe(47);
    expect(sampled.scores).toHaveLength(2);
    for (const s of sampled.scores) expect(s.accuracy).toBeGreaterThan(0.9);
  });
});

/** The primal objective the SVM solver minimises: ½‖w‖² (bias included) + cost·Σ max(0, 1 − y·w·x)². */
function svmObjective(w: Float64Array, xs: SparseVector[], y: Int8Array, V: number, cost: number): number {
  let reg = 0;
  for (const v of w) reg += v * v;
  let loss = 0;
  xs.forEach((x, n) => {
    let s = w[V]!;
    for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]!;
    const m = Math.max(0, 1 - y[n]! * s);
    loss += m * m;
  });
  return reg / 2 + cost * loss;
}

function randomSparse(n: number, V: number, seed: number): { xs: SparseVector[]; y: Int8Array } {
  const random = rng(seed);
  const xs: SparseVector[] = [];
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const idx = [...new Set(Array.from({ length: 4 }, () => Math.floor(random() * V)))].sort((a, b) => a - b);
    xs.push({ idx: Int32Array.from(idx), val: Float32Array.from(idx, () => random()) });
    // A noisy rule: feature 0 or 1 present → positive, flipped 20 % of the time.
    const pos = idx.includes(0) || idx.includes(1);
    y[i] = (random() < 0.2 ? !pos : pos) ? 1 : -1;
  }
  return { xs, y };
}

describe('linear SVM (dual coordinate descent)', () => {
  it('converges to the minimum of the squared-hinge objective (its primal gradient vanishes)', () => {
    const V = 12;
    const { xs, y } = randomSparse(80, V, 3);
    for (const cost of [0.3, 1, 3]) {
      const w = svmDualCoordinateDescent(xs, y, V, cost, 10_000, rng(1), 1e-7);
      // ∇ = w − 2·cost·Σ max(0, 1 − y·w·x)·y·x (the bias is the last coordinate, feature value 1).
      const grad = Float64Array.from(w);
      xs.forEach((x, n) => {
        let s = w[V]!;
        for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]!;
        const m = 1 - y[n]! * s;
        if (m <= 0) return;
        for (let j = 0; j < x.idx.length; j++) grad[x.idx[j]!]! -= 2 * cost * m * y[n]! * x.val[j]!;
        grad[V]! -= 2 * cost * m * y[n]!;
      });
      for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-4);
      // No small step improves the objective either.
      const best = svmObjective(w, xs, y, V, cost);
      const random = rng(9);
      for (let t = 0; t < 50; t++) expect(svmObjective(Float64Array.from(w, (v) => v + (random() - 0.5) * 0.02), xs, y, V, cost)).toBeGreaterThan(best);
      // And the noisy rule is learned.
      expect(w[0]!).toBeGreaterThan(0.1);
      expect(w[1]!).toBeGreaterThan(0.1);
    }
  });

  it('with the default tolerance it stops early, close to the minimum', () => {
    const V = 12;
    const { xs, y } = randomSparse(80, V, 3);
    const exact = svmObjective(svmDualCoordinateDescent(xs, y, V, 1, 10_000, rng(1), 1e-7), xs, y, V, 1);
    expect(svmObjective(svmDualCoordinateDescent(xs, y, V, 1, 1000, rng(1)), xs, y, V, 1)).toBeLessThan(exact * 1.001);
  });

  it('a larger cost fits the training data more tightly (larger weights)', () => {
    const V = 12;
    const { xs, y } = randomSparse(80, V, 4);
    const norm = (w: Float64Array) => Math.hypot(...w);
    expect(norm(svmDualCoordinateDescent(xs, y, V, 10, 1000, rng(1)))).toBeGreaterThan(norm(svmDualCoordinateDescent(xs, y, V, 0.1, 1000, rng(1))));
  });

  it('learns a toy problem, is deterministic for a seed and survives a JSON round trip', () => {
    const m = TextModel.train(toyDocs(), { learner: 'svm', seed: 1 });
    expect(m.learner).toBe('svm');
    expect(m.predict(['wcard', 'wcharg']).label).toBe('billing');
    expect(m.predict(['wparcel', 'wlate']).label).toBe('shipping');
    expect(m.predict(['wrefund']).label).toBe('refund');
    const json = m.toJSON();
    expect(json.learner).toBe('svm');
    expect(TextModel.train(toyDocs(), { learner: 'svm', seed: 1 }).toJSON()).toEqual(json);
    const back = TextModel.fromJSON(JSON.parse(JSON.stringify(json)) as typeof json);
    expect(back.learner).toBe('svm');
    expect(back.predict(['wlate', 'wboth']).label).toBe('shipping');
    expect(back.predictProba(['wcard'])[0]).toBeCloseTo(m.predictProba(['wcard'])[0]!, 2);
  });

  it('its probabilities are tempered: confident on clean data, hedged on noisy data', () => {
    const clean = TextModel.train(toyDocs(), { learner: 'svm', seed: 1 });
    expect(Math.max(...clean.predictProba(['wparcel', 'wlate']))).toBeGreaterThan(0.8);
    // Labels shuffled: nothing to learn, so the fitted temperature is low and no label gets most of the mass.
    const random = rng(5);
    const labels = ['a', 'b', 'c'];
    const noisy = toyDocs().map((d) => ({ ...d, label: labels[Math.floor(random() * 3)]! }));
    const m = TextModel.train(noisy, { learner: 'svm', seed: 1 });
    expect(Math.max(...m.predictProba(['wparcel', 'wlate']))).toBeLessThan(0.7);
  });
});

describe('svmTemperature', () => {
  const toVectors = (docs: LabelledFeatures[]) => {
    const vocab = [...new Set(docs.flatMap((d) => d.features))].sort();
    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const xs = docs.map((d) => {
      const idx = [...new Set(d.features.map((f) => vocab.indexOf(f)))].sort((a, b) => a - b);
      return { idx: Int32Array.from(idx), val: Float32Array.from(idx, () => 1 / Math.sqrt(idx.length)) };
    });
    return { xs, ys: docs.map((d) => labels.indexOf(d.label)), C: labels.length, V: vocab.length };
  };

  it('is higher for separable data than for data with shuffled labels, and bounded', () => {
    const clean = toVectors(toyDocs());
    const random = rng(11);
    const noisy = { ...clean, ys: clean.ys.map(() => Math.floor(random() * clean.C)) };
    const tClean = svmTemperature(clean.xs, clean.ys, clean.C, clean.V);
    const tNoisy = svmTemperature(noisy.xs, noisy.ys, noisy.C, noisy.V);
    expect(tClean).toBeGreaterThan(2 * tNoisy);
    for (const t of [tClean, tNoisy]) {
      expect(t).toBeGreaterThanOrEqual(0.05);
      expect(t).toBeLessThanOrEqual(20);
    }
  });

  it('falls back to the default with too few documents', () => {
    const few = toVectors(toyDocs(2));
    expect(svmTemperature(few.xs, few.ys, few.C, few.V)).toBe(DEFAULT_SVM_TEMPERATURE);
  });

  it('the SVM learner scales its margins by the temperature fitted on its training vectors', () => {
    const random = rng(5);
    const labels = ['a', 'b', 'c'];
    const docs = toyDocs().map((d, i) => (i % 3 === 0 ? { ...d, label: labels[Math.floor(random() * 3)]! } : d));
    const fitted = TextModel.train(docs, { learner: 'svm', seed: 1 });
    const raw = TextModel.train(docs, { learner: 'svm', seed: 1, svmTemperature: 1 });
    const xs = docs.map((d) => raw.vectorize(d.features));
    const t = svmTemperature(xs, docs.map((d) => raw.labels.indexOf(d.label)), raw.labels.length, raw.featureCount, { seed: 1 });
    expect(t).not.toBeCloseTo(DEFAULT_SVM_TEMPERATURE, 1);
    const a = raw.toJSON();
    const b = fitted.toJSON();
    a.weights.forEach((w, k) => expect(b.weights[k]!).toBeCloseTo(t * w, 1));
  });

  it('an explicit svmTemperature scales the margins (same argmax, sharper probabilities)', () => {
    const a = TextModel.train(toyDocs(), { learner: 'svm', seed: 1, svmTemperature: 1 }).toJSON();
    const b = TextModel.train(toyDocs(), { learner: 'svm', seed: 1, svmTemperature: 4 }).toJSON();
    a.weights.forEach((w, k) => expect(b.weights[k]!).toBeCloseTo(4 * w, 1));
  });
});

describe('logreg+nblr+svm', () => {
  it('is the mean of the three models’ weights', () => {
    const docs = toyDocs();
    const opts = { seed: 3, epochs: 5 };
    const parts = (['logreg', 'nblr', 'svm'] as const).map((learner) => TextModel.train(docs, { ...opts, learner }).toJSON());
    const all = TextModel.train(docs, { ...opts, learner: 'logreg+nblr+svm' });
    expect(all.learner).toBe('logreg+nblr+svm');
    const json = all.toJSON();
    json.weights.forEach((w, k) => expect(w).toBeCloseTo(parts.reduce((s, p) => s + p.weights[k]!, 0) / 3, 2));
    json.bias.forEach((w, c) => expect(w).toBeCloseTo(parts.reduce((s, p) => s + p.bias[c]!, 0) / 3, 3));
    expect(TextModel.fromJSON(JSON.parse(JSON.stringify(json)) as typeof json).learner).toBe('logreg+nblr+svm');
    expect(all.predict(['wrefund']).label).toBe('refund');
  });

  it('"auto" tries the SVM and the three-way mean by default', () => {
    expect(DEFAULT_CANDIDATES).toEqual(['logreg', 'nblr', 'svm', 'logreg+nblr', 'logreg+nblr+svm']);
    const sel = selectLearner(toyDocs(), { seed: 2 });
    expect(sel.scores.map((s) => s.learner)).toEqual([...DEFAULT_CANDIDATES]);
  });
});

describe('near-copy memory (nearCopyThreshold)', () => {
  /** 20 billing letters, 20 shipping letters, and one letter about a parcel labelled billing (an outlier). */
  function docsWithOutlier(): LabelledFeatures[] {
    const docs: LabelledFeatures[] = [];
    for (let i = 0; i < 20; i++) {
      docs.push({ features: ['wcard', 'wcharg', 'wtwice', `wnoise${i % 7}`], label: 'billing' });
      docs.push({ features: ['wparcel', 'wlate', 'wcourier', 'wlost', `wnoise${(i + 3) % 7}`], label: 'shipping' });
    }
    docs.push({ features: ['wparcel', 'wlate', 'wcourier', 'wlost', 'wnoise1', 'wbox'], label: 'billing' });
    return docs;
  }
  const opts = { learner: 'logreg' as const, epochs: 3, l2: 1e-2 };
  const outlierCopy = ['wparcel', 'wlate', 'wcourier', 'wlost', 'wnoise1', 'wbox'];

  it('is off by default: no memory in the model or its JSON', () => {
    const m = TextModel.train(docsWithOutlier(), opts);
    expect(m.rememberedDocuments).toBe(0);
    expect(m.toJSON().memory).toBeUndefined();
    expect(m.nearestCopy(m.vectorize(outlierCopy))).toBeNull();
  });

  it('a near-copy of a remembered document takes its label; other texts score as without memory', () => {
    const plain = TextModel.train(docsWithOutlier(), opts);
    const mem = TextModel.train(docsWithOutlier(), { ...opts, nearCopyThreshold: 0.8 });
    expect(mem.rememberedDocuments).toBe(41);
    // The linear model alone follows the 20 shipping letters; the memory knows the copy's label.
    expect(plain.predict(outlierCopy).label).toBe('shipping');
    const copy = mem.nearestCopy(mem.vectorize(outlierCopy));
    expect(copy?.similarity).toBeCloseTo(1, 5);
    expect(mem.labels[copy!.label]).toBe('billing');
    const p = mem.predict(outlierCopy);
    expect(p.label).toBe('billing');
    expect(p.probability).toBeGreaterThan(0.5);
    expect(p.probability).toBeLessThan(1);
    // Far from every remembered document (cosine < 0.8): the linear model's scores unchanged.
    const far = ['wparcel', 'wcard'];
    expect(mem.nearestCopy(mem.vectorize(far))).toBeNull();
    expect(Array.from(mem.scores(mem.vectorize(far)))).toEqual(Array.from(plain.scores(plain.vectorize(far))));
  });

  it('keeps at most nearCopyMaxDocuments, the latest: the outlier, last in training order, is still known', () => {
    const capped = TextModel.train(docsWithOutlier(), { ...opts, nearCopyThreshold: 0.8, nearCopyMaxDocuments: 5 });
    expect(capped.rememberedDocuments).toBe(5);
    expect(capped.predict(outlierCopy).label).toBe('billing');
    const reversed = TextModel.train([...docsWithOutlier()].reverse(), { ...opts, nearCopyThreshold: 0.8, nearCopyMaxDocuments: 5 });
    expect(reversed.rememberedDocuments).toBe(5);
    expect(reversed.nearestCopy(reversed.vectorize(outlierCopy))?.label).not.toBe(reversed.labels.indexOf('billing'));
  });

  it('remembers primary documents only, and survives a JSON round trip', () => {
    const docs = docsWithOutlier().map((d, i) => (i === 40 ? { ...d, auxiliary: true } : d));
    const aux = TextModel.train(docs, { ...opts, nearCopyThreshold: 0.8 });
    expect(aux.rememberedDocuments).toBe(40);
    expect(aux.predict(outlierCopy).label).toBe('shipping');
    const mem = TextModel.train(docsWithOutlier(), { ...opts, nearCopyThreshold: 0.8 });
    const back = TextModel.fromJSON(JSON.parse(JSON.stringify(mem.toJSON())) as ReturnType<TextModel['toJSON']>);
    expect(back.rememberedDocuments).toBe(41);
    expect(back.predict(outlierCopy).label).toBe('billing');
    const bad = { ...mem.toJSON(), memory: { threshold: 0.8, docs: [[0]], labels: [7] } };
    expect(() => TextModel.fromJSON(bad)).toThrow(/memory/);
  });
});
