import { describe, expect, it } from 'vitest';
import { BUILTIN_TRAIN_OPTIONS, crossValidate, DEFAULT_TRAIN_OPTIONS, loadBuiltinModels, type LabelledText } from './train-model.js';

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
