import { describe, expect, it } from 'vitest';
import { nbLogCountRatios, selectLearner, TextModel, type LabelledFeatures, type SparseVector } from './text-model.js';

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
