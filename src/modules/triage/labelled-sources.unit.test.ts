import { describe, expect, it } from 'vitest';
import { comparisonTokens, dropDuplicates, findDuplicates, mapLabels, parseLabelMap, prepareText } from './labelled-sources.js';
import { parseCsv, readLabelledCsv } from './train-model.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('mapLabels', () => {
  it('maps labels exactly, then trimmed and case-insensitively; drops and counts labels missing from the mapping', () => {
    const r = mapLabels(
      [
        { text: 'a', label: 'Student loan' },
        { text: 'b', label: ' student LOAN ' },
        { text: 'c', label: 'Credit card' },
        { text: 'd', label: 'Gift cards' },
        { text: 'e', label: 'Gift cards' },
      ],
      { 'Student loan': 'loans', 'Credit card': 'cards', Ignored: '' },
    );
    expect(r.items).toEqual([
      { text: 'a', label: 'loans' },
      { text: 'b', label: 'loans' },
      { text: 'c', label: 'cards' },
    ]);
    expect(r.unmapped).toEqual({ 'Gift cards': 2 });
  });

  it('an empty target label drops the rows like a missing one', () => {
    expect(mapLabels([{ text: 'x', label: 'Ignored' }], { Ignored: '' })).toEqual({ items: [], unmapped: { Ignored: 1 } });
  });

  it('parseLabelMap accepts an object of strings and refuses anything else', () => {
    expect(parseLabelMap('{"A":"a","B":"b"}')).toEqual({ A: 'a', B: 'b' });
    expect(() => parseLabelMap('["A"]')).toThrow(/JSON object/);
    expect(() => parseLabelMap('{"A":1}')).toThrow(/"A" is not a string/);
    expect(() => parseLabelMap('not json')).toThrow();
  });
});

describe('prepareText (lowercase-nostop)', () => {
  it('lower-cases, keeps words only, drops XXXX redactions, digits and English stop words', () => {
    expect(prepareText('On XX/XX/2019 I paid {$120.00} to the Bank, but they did NOT credit my account XXXX.', 'lowercase-nostop')).toBe('paid bank credit account');
  });
  it("splits n't like a word tokenizer (can't → ca), drops possessives, turns us into u", () => {
    expect(prepareText("They can't help us; the lender's agent won't call.", 'lowercase-nostop')).toBe('ca help u lender agent wo call');
  });
  it("'none' leaves the text alone", () => {
    expect(prepareText('Keep THIS as is.', 'none')).toBe('Keep THIS as is.');
  });
});

describe('the leakage filter', () => {
  const refs = [
    { text: 'lender reported late payment credit report although paid every month time autopay', label: 'credit_reporting' },
    { text: 'collector keeps calling work debt already settled years ago letter proof', label: 'debt_collection' },
  ];

  it('drops a candidate that is the same text after normalisation (case, stop words, redactions, plurals)', () => {
    const same = 'The lender reported a LATE payment on my credit report although I paid every month on time with autopay XXXX.';
    expect(comparisonTokens(same)).toEqual(comparisonTokens(refs[0]!.text));
    const r = dropDuplicates([{ text: same, label: 'x' }, { text: 'my mortgage escrow account was miscalculated by the servicer', label: 'y' }], refs);
    expect(r.kept.map((k) => k.label)).toEqual(['y']);
    expect(r.dropped).toEqual([{ index: 0, reference: 0, reason: 'jaccard', jaccard: 1 }]);
  });

  it('drops a near copy at token-set Jaccard ≥ 0.8 and keeps one below', () => {
    // 11 reference tokens; one extra word: 11/12 ≈ 0.92.
    const near = `${refs[1]!.text} friday`;
    // Half the words changed: well below 0.8.
    const other = 'collector keeps calling home about medical bill never received insurance paid';
    const m = findDuplicates([near, other], refs.map((r) => r.text));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ index: 0, reference: 1, reason: 'jaccard' });
    expect(m[0]!.jaccard).toBeCloseTo(11 / 12, 5);
  });

  it('drops a candidate with the same first 20 tokens even when the rest differs (a longer version of the complaint)', () => {
    const head = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(' ');
    const ref = `${head} short ending`;
    // 50 other distinct words: more than 3× the reference's 22, so containment does not apply.
    const longer = `${head} ${Array.from({ length: 50 }, (_, i) => `other${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ')}`;
    const m = findDuplicates([longer], [ref]);
    expect(m).toEqual([expect.objectContaining({ index: 0, reference: 0, reason: 'prefix' })]);
    // With a stricter prefix rule it is not a duplicate (the Jaccard is low).
    expect(findDuplicates([longer], [ref], { prefixTokens: 25 })).toEqual([]);
  });

  it('drops a form letter sent again with words changed or added (containment ≥ 0.8), not a long letter that happens to use a short text\'s words', () => {
    // 13 distinct word stems; the candidate names another bureau and adds 11 new words.
    const letter = 'writing dispute fraudulent charge account victim identity theft authorize charge request removal investigation equifax';
    const resent = `${letter.replace('equifax', 'transunion')} attached police report copy driver license utility bill proof address signature`;
    const m = findDuplicates([resent], [letter]);
    expect(m).toEqual([expect.objectContaining({ index: 0, reference: 0, reason: 'containment' })]);
    expect(m[0]!.jaccard).toBeLessThan(0.8);
    // The same 14 words inside a letter of 60 distinct words: not the same document.
    const long = `${letter} ${Array.from({ length: 46 }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ')}`;
    expect(findDuplicates([long], [letter])).toEqual([]);
    // Below the minimum size the rule does not apply.
    expect(findDuplicates([resent], [letter], { containmentMinTokens: 15 })).toEqual([]);
  });

  it('never matches empty texts to each other', () => {
    expect(findDuplicates(['', 'XXXX'], ['', 'the'])).toEqual([]);
  });
});

describe('CSV reading', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const csv = 'id,narrative,product\r\n1,"first line\nsecond, with comma\r\nthird ""quoted""",Mortgage\n2,plain,Debt collection\n';
    expect(parseCsv(csv)).toEqual([
      ['id', 'narrative', 'product'],
      ['1', 'first line\nsecond, with comma\r\nthird "quoted"', 'Mortgage'],
      ['2', 'plain', 'Debt collection'],
    ]);
    const file = path.join(os.tmpdir(), `labelled-sources-${process.pid}.csv`);
    fs.writeFileSync(file, csv);
    try {
      expect(readLabelledCsv(file, 'narrative', 'product').map((r) => r.label)).toEqual(['Mortgage', 'Debt collection']);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
