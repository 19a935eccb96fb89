import { describe, expect, it } from 'vitest';
import { en } from '../messages.en.js';
import { zhCN } from '../messages.zh.js';
import { hallEn } from './hall-messages.en.js';
import { hallZh } from './hall-messages.zh.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalogues (zh-CN and en complete)', () => {
  for (const [name, a, b] of [['staff', en, zhCN], ['hall', hallEn, hallZh]] as const) {
    it(`${name}: the same keys in both languages, no empty strings, the same placeholders`, () => {
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const [k, v] of Object.entries(a)) {
        const other = (b as Record<string, string>)[k]!;
        expect(v.trim(), k).not.toBe('');
        expect(other.trim(), k).not.toBe('');
        expect(placeholders(other), k).toEqual(placeholders(v));
      }
    });
  }
  it('the hall is really translated: Chinese strings contain Chinese', () => {
    const untranslated = Object.entries(hallZh).filter(([, v]) => !/\p{Script=Han}/u.test(v) && !/^[←\d\s{}]*$/.test(v));
    expect(untranslated).toEqual([]);
  });
});
