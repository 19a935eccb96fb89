import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './messages.en.js';
import { zhCN } from './messages.zh.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

type Dict = Record<string, string>;

/** The same three checks for the main catalogue and for every feature's `*.messages.ts`. */
function checkCatalogue(enDict: Dict, zhDict: Dict) {
  expect(Object.keys(zhDict).sort()).toEqual(Object.keys(enDict).sort());
  for (const [key, text] of Object.entries(enDict)) {
    const zh = zhDict[key]!;
    expect(text.trim(), key).not.toBe('');
    expect(zh.trim(), key).not.toBe('');
    expect(placeholders(zh), key).toEqual(placeholders(text));
  }
  // Identical strings are fine when they hold no words ("{from} → {to}") or are names (Loopdesk).
  const words = (s: string) => s.replace(/\{\w+\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
  const untranslated = Object.entries(zhDict).filter(([key, zh]) => words(zh).length > 1 && zh === enDict[key]);
  expect(untranslated).toEqual([]);
}

const webDir = fileURLToPath(new URL('.', import.meta.url));
const featureFiles = (readdirSync(webDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.messages.ts'))
  .map((f) => join(webDir, f));

describe('UI catalogues', () => {
  it('main catalogue: same keys, non-empty, same {placeholders}, Chinese actually Chinese', () => {
    checkCatalogue(en, zhCN);
  });

  it('finds the feature catalogues', () => {
    expect(featureFiles.length).toBeGreaterThan(0);
  });

  it.each(featureFiles.map((f) => [relative(webDir, f), f]))('feature catalogue %s is complete in both languages', async (_name, file) => {
    const mod = (await import(file)) as { messages?: { catalogue?: { en: Dict; 'zh-CN': Dict } } };
    const cat = mod.messages?.catalogue;
    expect(cat, 'exports `messages = defineMessages(...)`').toBeDefined();
    checkCatalogue(cat!.en, cat!['zh-CN']);
  });
});
