import { describe, expect, it } from 'vitest';
import { features, featureTokenCount, segment, truncateFeatures } from './segment.js';
import { selectLearner, TextModel, type LabelledFeatures } from './text-model.js';
import {
  auxiliaryWeights,
  BUILTIN_TRAIN_OPTIONS,
  crossValidate,
  crossValidationSplits,
  DEFAULT_TRAIN_OPTIONS,
  loadBuiltinModels,
  matchAuxiliaryLength,
  NEAR_COPY_THRESHOLD,
  selectAuxiliaryWeighting,
  trainOn,
  trainWithAuxiliary,
  type LabelledText,
} from './train-model.js';

function texts(): LabelledText[] {
  const out: LabelledText[] = [];
  for (let i = 0; i < 15; i++) {
    out.push({ text: `my card was charged twice for invoice ${i}, please refund the fee`, label: 'money' });
    out.push({ text: `the parcel is late again, courier lost the package number ${i}`, label: 'shipping' });
    out.push({ text: `the app crashes at login and the password reset email never comes (${i})`, label: 'tech' });
  }
  return out;
}

describe('crossValidate', () => {
  it('with a fixed learner (here the SVM) every fold uses it', () => {
    const r = crossValidate(texts(), 3, { ...DEFAULT_TRAIN_OPTIONS, learner: 'svm' });
    expect(r.learners).toEqual(['svm', 'svm', 'svm']);
    expect(r.accuracy).toBe(1);
  });

  it('reports per-fold accuracy and the learner each fold used', () => {
    const r = crossValidate(texts(), 3, { ...DEFAULT_TRAIN_OPTIONS, learner: 'nblr' });
    expect(r.perFold).toHaveLength(3);
    expect(r.learners).toEqual(['nblr', 'nblr', 'nblr']);
    expect(r.accuracy).toBe(1);
  });

  it('with learner "auto" (the CSV default) each fold picks a candidate on its own training rows', () => {
    expect(DEFAULT_TRAIN_OPTIONS.learner).toBe('auto');
    const r = crossValidate(texts(), 3, { ...DEFAULT_TRAIN_OPTIONS, candidates: ['logreg', 'nblr'] });
    expect(r.learners).toHaveLength(3);
    for (const l of r.learners) expect(['logreg', 'nblr']).toContain(l);
    expect(r.accuracy).toBe(1);
  });
});

describe('the labelled-CSV trainer on other languages', () => {
  it('Chinese texts (jieba words + character n-grams) are learned by the SVM and by "auto"', () => {
    const zh: LabelledText[] = [];
    const money = ['信用卡被重复扣款，请退款', '账单多收了手续费，要求退钱', '银行卡扣了两次钱，发票也不对'];
    const ship = ['快递迟迟不到，物流信息不更新', '包裹丢了，快递员也不接电话', '物流太慢了，订单一周还没发货'];
    for (let i = 0; i < 12; i++) {
      zh.push({ text: `${money[i % 3]!}（第${i}次）`, label: 'money' });
      zh.push({ text: `${ship[i % 3]!}（第${i}次）`, label: 'shipping' });
    }
    expect(crossValidate(zh, 3, { ...DEFAULT_TRAIN_OPTIONS, learner: 'svm' }).accuracy).toBe(1);
    const auto = crossValidate(zh, 3);
    expect(auto.accuracy).toBe(1);
    expect(auto.learners).toHaveLength(3);
  });
});

describe('built-in models', () => {
  it('use the fixed built-in learners (category logreg+nblr, severity logreg)', () => {
    const { models } = loadBuiltinModels();
    expect(models.category.learner).toBe(BUILTIN_TRAIN_OPTIONS.category.learner);
    expect(models.category.learner).toBe('logreg+nblr');
    expect(models.severity?.learner).toBe('logreg');
  });
});

describe('auxiliary training rows', () => {
  it('crossValidationSplits: every auxiliary row trains every fold, none is ever tested; the test folds partition the primary rows', () => {
    const labels = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
    const splits = crossValidationSplits(labels, 7, 3);
    expect(splits).toHaveLength(3);
    const tested = splits.flatMap((s) => s.test).sort((x, y) => x - y);
    expect(tested).toEqual(labels.map((_, i) => i));
    for (const s of splits) {
      expect(s.trainAuxiliary).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(s.trainPrimary.filter((i) => s.test.includes(i))).toEqual([]);
      expect([...s.trainPrimary, ...s.test].sort((x, y) => x - y)).toEqual(labels.map((_, i) => i));
    }
  });

  it('crossValidate scores primary rows only: auxiliary rows with a label of their own are never tested', () => {
    // One text under two labels: whichever a model predicts, half of these rows would be wrong if tested.
    const aux = Array.from({ length: 6 }, (_, i) => ({ text: 'tomato seedlings in the garden', label: i % 2 ? 'gardening' : 'cooking' }));
    const r = crossValidate(texts(), 3, { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg' }, aux, 'uniform');
    expect(r.accuracy).toBe(1);
    expect(r.perFold).toEqual([1, 1, 1]);
    expect(r.weightings).toEqual(['uniform', 'uniform', 'uniform']);
  });

  it("crossValidate with weighting 'none' equals no auxiliary rows at all", () => {
    const aux = Array.from({ length: 9 }, (_, i) => ({ text: `refund the parcel app ${i}`, label: ['money', 'shipping', 'tech'][i % 3]! }));
    const opts = { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg' as const };
    const without = crossValidate(texts(), 3, opts);
    const none = crossValidate(texts(), 3, opts, aux, 'none');
    expect(none.perFold).toEqual(without.perFold);
    expect(none.weightings).toEqual(['none', 'none', 'none']);
  });

  it("auxiliaryWeights 'match-classes' weights each class to the primary distribution, the heaviest at 1", () => {
    const primary = ['a', 'a', 'b', 'b'];
    const aux = ['a', 'a', 'a', 'a', 'b', 'c'];
    expect(auxiliaryWeights(primary, aux, 'match-classes')).toEqual([0.25, 0.25, 0.25, 0.25, 1, 1]); // a: 4 rows → ¼ each; c: not in primary → 1
    expect(auxiliaryWeights(primary, aux, 'uniform')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(auxiliaryWeights(primary, aux, 'none')).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the weighting is chosen on primary rows: auxiliary rows with contradicting labels are left out', () => {
    const doc = (text: string, label: string): LabelledFeatures => ({ features: features(segment(text)), label });
    const primary = texts().map((t) => doc(t.text, t.label));
    // Every auxiliary row is labelled wrongly (a shipping text called money, …).
    const wrong = texts().map((t) => doc(t.text.replace(/\d+/, 'x'), { money: 'shipping', shipping: 'tech', tech: 'money' }[t.label]!));
    const opts = { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg' as const };
    const sel = selectAuxiliaryWeighting(primary, wrong, opts);
    expect(sel.weighting).toBe('none');
    expect(sel.scores.map((s) => s.weighting)).toEqual(['none', 'uniform', 'match-classes']);
    const r = trainWithAuxiliary(primary, wrong, opts);
    expect(r).toMatchObject({ weighting: 'none', auxiliaryUsed: 0 });
  });

  it("the 'auto' learner is judged on primary documents only", () => {
    const doc = (text: string, label: string, auxiliary?: boolean): LabelledFeatures => ({ features: features(segment(text)), label, ...(auxiliary ? { auxiliary } : {}) });
    const primary = texts().map((t) => doc(t.text, t.label));
    const aux = Array.from({ length: 20 }, (_, i) => doc(`some other source ${i}`, i % 2 ? 'money' : 'tech', true));
    const sel = selectLearner([...primary, ...aux], { ...DEFAULT_TRAIN_OPTIONS, candidates: ['logreg', 'nblr'] });
    expect(sel.documents).toBe(primary.length);
  });
});

describe('auxiliary rows cut to the primary rows\' length', () => {
  const feats = (text: string) => features(segment(text));

  it('truncateFeatures keeps the first n tokens\' words and the bigrams between them, exactly as features() of that head', () => {
    const long = feats('lender reported late payment credit report although paid every month autopay');
    expect(featureTokenCount(long)).toBe(11);
    expect(truncateFeatures(long, 4)).toEqual(feats('lender reported late payment'));
    expect(truncateFeatures(long, 1)).toEqual(feats('lender'));
    expect(truncateFeatures(long, 0)).toEqual([]);
    // Not longer than n: the same list.
    expect(truncateFeatures(long, 11)).toBe(long);
    expect(truncateFeatures(long, 50)).toBe(long);
  });

  it('truncateFeatures keeps the same share of Chinese character features (the head of the text)', () => {
    const zh = feats('快递三天没到，客服电话一直打不通，我要退款');
    const n = featureTokenCount(zh);
    const han = zh.filter((f) => f[0] === 'u' || f[0] === 'c');
    const cut = truncateFeatures(zh, Math.floor(n / 2));
    expect(featureTokenCount(cut)).toBe(Math.floor(n / 2));
    const cutHan = cut.filter((f) => f[0] === 'u' || f[0] === 'c');
    expect(cutHan).toEqual(han.slice(0, Math.ceil((han.length * Math.floor(n / 2)) / n)));
    expect(cutHan[0]).toBe('u快');
  });

  it("matchAuxiliaryLength cuts auxiliary documents to the longest primary one's token count ('full' leaves them)", () => {
    const primary = [{ features: feats('card charged twice'), label: 'money' }, { features: feats('parcel late'), label: 'shipping' }];
    const short = { features: feats('refund please'), label: 'money' };
    const long = { features: feats('parcel lost courier never came back refund requested twice'), label: 'shipping', weight: 0.5 };
    const cut = matchAuxiliaryLength(primary, [short, long]);
    expect(cut[0]).toBe(short);
    expect(cut[1]).toEqual({ features: feats('parcel lost courier'), label: 'shipping', weight: 0.5 });
    expect(matchAuxiliaryLength(primary, [short, long], 'full')).toEqual([short, long]);
  });

  it('trainWithAuxiliary cuts by default and says how many it cut; crossValidate measures the length on each fold\'s training rows', () => {
    const doc = (text: string, label: string): LabelledFeatures => ({ features: feats(text), label });
    const primary = texts().map((t) => doc(t.text, t.label));
    const max = Math.max(...primary.map((d) => featureTokenCount(d.features)));
    // A long auxiliary text whose head is about money and whose tail is all about shipping.
    const tail = Array.from({ length: 3 * max }, () => 'parcel courier package').join(' ');
    const aux = Array.from({ length: 6 }, (_, i) => doc(`card charged twice refund fee invoice ${i} ${tail}`, 'money'));
    const opts = { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg' as const };
    const cut = trainWithAuxiliary(primary, aux, opts, 'uniform');
    expect(cut.auxiliaryCut).toBe(6);
    const full = trainWithAuxiliary(primary, aux, opts, 'uniform', 'full');
    expect(full.auxiliaryCut).toBe(0);
    // Cut, the auxiliary rows never teach 'parcel' = money; whole, they do.
    expect(cut.model.knows('wparcel')).toBe(true);
    const p = (m: TextModel) => m.predictProba(feats('parcel courier package'))[m.labels.indexOf('money')]!;
    expect(p(full.model)).toBeGreaterThan(p(cut.model));
    const r = crossValidate(texts(), 3, opts, aux.map((_, i) => ({ text: `card charged twice refund fee invoice ${i} ${tail}`, label: 'money' })), 'uniform');
    expect(r.accuracy).toBe(1);
  });
});

describe('document weights', () => {
  // One ambiguous text labelled both ways: the heavier label wins, for every base learner.
  for (const learner of ['logreg', 'nblr', 'svm'] as const) {
    it(`${learner}: a document's weight decides between contradicting labels`, () => {
      const base: LabelledFeatures[] = [];
      for (let i = 0; i < 6; i++) {
        base.push({ features: features(segment(`refund invoice fee ${i}`)), label: 'money' });
        base.push({ features: features(segment(`courier parcel late ${i}`)), label: 'shipping' });
      }
      const amb = features(segment('strange ambiguous words'));
      const train = (wMoney: number, wShip: number) =>
        TextModel.train([...base, { features: amb, label: 'money', weight: wMoney }, { features: amb, label: 'shipping', weight: wShip }], { learner, epochs: 20, seed: 1 });
      expect(train(5, 0.2).predict(amb).label).toBe('money');
      expect(train(0.2, 5).predict(amb).label).toBe('shipping');
    });
  }
});

describe('near-copy memory of CSV-trained models', () => {
  it('models trained with the CSV defaults remember their primary rows; the built-in options have no memory', () => {
    expect(DEFAULT_TRAIN_OPTIONS.nearCopyThreshold).toBe(NEAR_COPY_THRESHOLD);
    expect(BUILTIN_TRAIN_OPTIONS.category.nearCopyThreshold).toBeUndefined();
    expect(BUILTIN_TRAIN_OPTIONS.severity.nearCopyThreshold).toBeUndefined();
    // A shipping letter filed as money once (one word added): its copy follows the filed label.
    const items = [...texts(), { text: 'the parcel is late again, courier lost the package number 3 today', label: 'money' }];
    // Strongly regularised, so that the linear model alone follows the 15 shipping letters.
    const csv = trainOn(items, { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg', epochs: 2, l2: 1e-2 });
    expect(csv.rememberedDocuments).toBe(items.length);
    expect(csv.predict(features(segment('The parcel is late again; courier lost the package number 3 today!'))).label).toBe('money');
    const { nearCopyThreshold: _, ...withoutMemory } = DEFAULT_TRAIN_OPTIONS;
    const plain = trainOn(items, { ...withoutMemory, learner: 'logreg', epochs: 2, l2: 1e-2 });
    expect(plain.predict(features(segment('The parcel is late again; courier lost the package number 3 today!'))).label).toBe('shipping');
    const builtin = trainOn(items, BUILTIN_TRAIN_OPTIONS.category);
    expect(builtin.rememberedDocuments).toBe(0);
    expect(builtin.predict(features(segment('the parcel is late again, courier lost the package number 9'))).label).toBe('shipping');
  });

  it('trainWithAuxiliary remembers the primary rows, not the auxiliary ones', () => {
    const primary = texts().map((t) => ({ features: features(segment(t.text)), label: t.label }));
    const aux = [{ features: features(segment('my card was charged twice for invoice 77, please refund the fee')), label: 'money' }];
    const r = trainWithAuxiliary(primary, aux, { ...DEFAULT_TRAIN_OPTIONS, learner: 'logreg' }, 'uniform');
    expect(r.model.rememberedDocuments).toBe(primary.length);
  });
});
