import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, loadClassifier } from './classifier.js';
import { normalise, normaliseEnglish, toSimplified } from './segment.js';
import { CORPUS_DIR, loadCorpus } from './train-model.js';

beforeAll(() => {
  loadClassifier();
});

describe('toSimplified: Traditional Chinese (Taiwan / Hong Kong) → the Simplified wording the lexicon reads', () => {
  it('converts the characters that differ', () => {
    expect(toSimplified('帳號被盜了，信用卡被盜刷兩筆')).toBe('账号被盗了，信用卡被盗刷两笔');
    expect(toSimplified('包裹還沒到，運費也多收了')).toBe('包裹还没到，运费也多收了');
    expect(toSimplified('延長線冒火花，我手指觸電麻了，現在臉上過敏紅腫')).toBe('插线板冒火花，我手指触电麻了，现在脸上过敏红肿');
  });
  it('replaces Taiwan / Hong Kong words only in a text written in Traditional characters', () => {
    expect(toSimplified('網路斷了，APP登入不了，簡訊也收不到')).toBe('网络断了，APP登录不了，短信也收不到');
    expect(toSimplified('客訴三次，退費還沒下來，門市說品質沒問題')).toBe('投诉三次，退款还没下来，门店说质量没问题');
    // Simplified text that happens to contain such a word is left alone (品质 / 登入 are mainland words too).
    expect(toSimplified('这家店品质不错，就是登入有点慢')).toBe('这家店品质不错，就是登入有点慢');
  });
  it('converts 著 / 瞭 only in Traditional text (著名 stays in Simplified text)', () => {
    expect(toSimplified('等著等著就過了一個月')).toBe('等着等着就过了一个月');
    expect(toSimplified('买的著名品牌是假货')).toBe('买的著名品牌是假货');
  });
  it('reads written Cantonese function words', () => {
    expect(toSimplified('佢哋唔肯退錢，我已經等咗兩個禮拜')).toBe('他们不肯退钱，我已经等了两个礼拜');
    expect(toSimplified('部手機冇聲')).toBe('部手机没有声');
  });
  it('leaves Simplified text unchanged: no Simplified character is in the table (every train.jsonl and C–Q text)', () => {
    const items = [...loadCorpus(path.join(CORPUS_DIR, 'train.jsonl')), ...loadCorpus(path.join(CORPUS_DIR, 'heldout.jsonl')).filter((it) => it.set !== 'R')];
    const changed = items.filter((it) => toSimplified(it.text) !== it.text).map((it) => it.text);
    expect(changed).toEqual([]);
  });
  it('is idempotent', () => {
    const text = '帳號被盜、客服態度很差、網路斷線、觸電、過敏、運費、退貨、包裹、佢唔肯退';
    expect(toSimplified(toSimplified(text))).toBe(toSimplified(text));
  });
});

describe('normaliseEnglish: fillers, stutters, SMS spellings and common misspellings', () => {
  it('drops hesitation fillers and stuttered repeats', () => {
    expect(normaliseEnglish('so um my my card was, uh, charged twice')).toBe('so my card was, charged twice');
    expect(normaliseEnglish('the the kettle you know just sparked')).toBe('the kettle just sparked');
  });
  it('keeps "you know" when it is not a filler', () => {
    expect(normaliseEnglish('do you know where my parcel is')).toBe('do you know where my parcel is');
    expect(normaliseEnglish('just so you know nobody got hurt')).toBe('just so you know nobody got hurt');
    expect(normaliseEnglish('you know what, cancel it')).toBe('you know what, cancel it');
  });
  it('mends SMS spellings and misspellings as whole words only', () => {
    expect(normaliseEnglish('my acount was hacked, i didnt make these pmts')).toBe("my account was hacked, i didn't make these pmts");
    expect(normaliseEnglish('i recieved the wrong size and want a refnd pls')).toBe('i received the wrong size and want a refund please');
    expect(normaliseEnglish('ur driver threw my pkg n left')).toBe('your driver threw my package and left');
    expect(normaliseEnglish('u.s. orders, n/a, the ur-text')).toBe('u.s. orders, n/a, the ur-text');
    expect(normaliseEnglish('vancouver, bc')).toBe('vancouver, bc');
    expect(normalise('我的U盘坏了')).toBe('我的u盘坏了');
  });
  it('normalise() applies both, after lower-casing (all caps, curly apostrophes)', () => {
    expect(normalise('MY ACOUNT WAS HACKED AND I DIDN’T DO IT')).toBe("my account was hacked and i didn't do it");
    expect(normalise('帳號被盜 um 了')).toBe('账号被盗 了');
  });
});

describe('the classifier on these forms', () => {
  it('reads Traditional complaints like Simplified ones', () => {
    for (const [trad, simp] of [
      ['每個月自動扣款199元，我根本沒訂閱過這個服務，請馬上停止並退還。', '每个月自动扣款199元，我根本没订阅过这个服务，请马上停止并退还。'],
      ['帳號被盜了！有人用我的帳號下了三筆訂單，還改了綁定的手機號碼。', '账号被盗了！有人用我的账号下了三笔订单，还改了绑定的手机号码。'],
      ['用了你們的洗面乳之後整張臉過敏紅腫，已經去看皮膚科了。', '用了你们的洗面乳之后整张脸过敏红肿，已经去看皮肤科了。'],
    ]) {
      const a = classify(trad!);
      const b = classify(simp!);
      expect([a.category, a.severity], trad).toEqual([b.category, b.severity]);
      expect(a.severity, trad).toBe('urgent');
    }
  });
  it('a misspelt or SMS-style fraud report is still urgent', () => {
    expect(classify('my acount was hacked n someone changed the pw').severity).toBe('urgent');
    expect(classify('i didnt make these charges on my card').severity).toBe('urgent');
  });
  it('a very short login complaint is not lifted to urgent by the severity model', () => {
    expect(classify('cant log in').severity).toBe('general');
    expect(classify('cant log in').category).toBe('technical');
  });
  it('"told me to shut up" is egregious staff behaviour', () => {
    const r = classify('ur support agent was SO RUDE, told me to shut up');
    expect([r.category, r.severity]).toEqual(['service_attitude', 'serious']);
  });
});
