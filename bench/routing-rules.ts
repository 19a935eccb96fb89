/**
 * A realistic routing rule set of any size for the benchmarks: every condition field and the
 * costly ones (keywords in both languages, emotion, local time, nested groups) in rotation.
 * Each rule tags its own tag, so the set passes validation and the loop check.
 */
import { CATEGORIES, CHANNELS, DEFAULT_DEPARTMENT } from '../src/modules/complaints/taxonomy.js';
import { PHRASES } from './phrases.js';

const ZH_WORDS = ['退款', '快递', '假货', '客服', '扣费', '登录', '着火', '过敏', '发票', '优惠券', '物流', '质量', '投诉', '律师', '曝光'];
const EN_WORDS = ['refund', 'parcel', 'counterfeit', 'rude', 'charged', 'login', 'smoke', 'allergic', 'invoice', 'coupon', 'courier', 'broken', 'lawyer', 'media', 'delivery'];
const pick = <T>(list: readonly T[], i: number, n: number): T[] => Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]!);

export function benchRules(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const tag = { type: 'add_tags', tags: [`b${i}`] };
    const id = `bench-${i}`;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    switch (i % 10) {
      case 0: return { id, name: id, when: { all: [{ field: 'category', op: 'eq', value: category }, { field: 'channel', op: 'in', value: pick(CHANNELS, i, 3) }] }, then: [tag] };
      case 1: return { id, name: id, when: { all: [{ field: 'amount', op: 'between', value: [i, i * 20 + 100] }, { field: 'customer.tier', op: 'eq', value: 'vip' }] }, then: [tag] };
      case 2: return { id, name: id, when: { all: [{ field: 'text', op: 'contains_any', value: [...pick(ZH_WORDS, i, 3), ...pick(EN_WORDS, i, 3)] }] }, then: [tag] };
      case 3: return { id, name: id, when: { all: [{ field: 'emotion.anger', op: 'gte', value: 0.5 }, { field: 'category', op: 'in', value: pick(CATEGORIES, i, 3) }] }, then: [tag, { type: 'raise_severity', to: 'serious' }] };
      case 4: return { id, name: id, when: { all: [{ field: 'time.hour', op: 'between', value: [i % 24, (i + 8) % 24] }, { field: 'time.weekday', op: 'in', value: ['mon', 'wed', 'fri'] }] }, then: [tag] };
      case 5: return { id, name: id, when: { all: [{ field: 'merchant', op: 'in', value: [`m${i % 7}`, `m${(i + 1) % 7}`] }, { field: 'order.status', op: 'in', value: ['shipped', 'delivered'] }] }, then: [tag, { type: 'set_team', team: `team-${i % 5}` }] };
      case 6: return { id, name: id, when: { all: [{ field: 'severity', op: 'gte', value: 'serious' }, { field: 'channel', op: 'eq', value: CHANNELS[i % CHANNELS.length] }] }, then: [tag] };
      case 7: return { id, name: id, when: { any: [{ field: 'category', op: 'eq', value: category }, { field: 'text', op: 'contains_any', value: pick(EN_WORDS, i, 2) }] }, then: [tag, { type: 'set_department', department: DEFAULT_DEPARTMENT[category] }] };
      case 8: return { id, name: id, when: { all: [{ not: { field: 'tags', op: 'contains_any', value: [`b${i - 1}`] } }, { field: 'amount', op: 'gte', value: i * 5 }] }, then: [tag] };
      default: return { id, name: id, when: { all: [{ field: 'text', op: 'contains_all', value: pick(ZH_WORDS, i, 2) }, { field: 'emotion.urgency', op: 'gte', value: 0.3 }] }, then: [tag, { type: 'raise_severity', to: 'serious' }] };
    }
  });
}

/** Complaint-like texts from the phrase book, Chinese and English. */
export function benchTexts(n: number): Array<{ category: (typeof CATEGORIES)[number]; text: string }> {
  return Array.from({ length: n }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const p = PHRASES[category];
    const zh = i % 5 < 3;
    const a = (list: string[], k: number) => list[(i * 3 + k) % list.length]!;
    return { category, text: zh ? `${a(p.subjectZh, 0)}\n${a(p.detailZh, 1)}${a(p.detailZh, 2)}` : `${a(p.subjectEn, 0)}\n${a(p.detailEn, 1)} ${a(p.detailEn, 2)}` };
  });
}
