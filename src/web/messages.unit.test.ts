import { describe, expect, it } from 'vitest';
import { en } from './messages.en.js';
import { zhCN } from './messages.zh.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('no string is empty and each translation uses the same {placeholders}', () => {
    for (const [key, text] of Object.entries(en)) {
      const zh = (zhCN as Record<string, string>)[key]!;
      expect(text.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(text));
    }
  });

  it('the Chinese catalogue is actually Chinese (no English left untranslated in long strings)', () => {
    // Identical strings are fine when they hold no words ("{from} → {to}") or are names (Loopdesk).
    const words = (s: string) => s.replace(/\{\w+\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
    const untranslated = Object.entries(zhCN).filter(([key, zh]) => words(zh).length > 1 && zh === (en as Record<string, string>)[key]);
    expect(untranslated).toEqual([]);
  });
});
