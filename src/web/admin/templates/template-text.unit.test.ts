import { describe, expect, it } from 'vitest';
import { emptyFields, insertVariable, sameTemplate, smsParts } from './template-text.js';

describe('insertVariable', () => {
  it('inserts at the caret, replaces a selection, keeps the caret after the placeholder', () => {
    expect(insertVariable('Hello , thanks', 6, 6, 'customerName')).toEqual({ text: 'Hello {{customerName}}, thanks', caret: 22 });
    expect(insertVariable('Number XXX here', 7, 10, 'complaintNumber')).toEqual({ text: 'Number {{complaintNumber}} here', caret: 26 });
  });
  it('clamps positions outside the text', () => {
    expect(insertVariable('ab', 10, 12, 'x')).toEqual({ text: 'ab{{x}}', caret: 7 });
    expect(insertVariable('ab', -3, 1, 'x').text).toBe('{{x}}b');
  });
});

describe('template comparison', () => {
  const t = { subject: 's', body: 'b', sms: 'm' };
  it('same wording, any field differing, empty fields', () => {
    expect(sameTemplate(t, { ...t })).toBe(true);
    expect(sameTemplate(t, { ...t, sms: 'm ' })).toBe(false);
    expect(emptyFields({ subject: ' ', body: 'b', sms: '\n' })).toEqual(['subject', 'sms']);
  });
});

describe('smsParts', () => {
  it('GSM text: 160 in one part, 153 per part beyond', () => {
    expect(smsParts('')).toEqual({ length: 0, parts: 0, unicode: false });
    expect(smsParts('a'.repeat(160))).toEqual({ length: 160, parts: 1, unicode: false });
    expect(smsParts('a'.repeat(161))).toEqual({ length: 161, parts: 2, unicode: false });
    // € is in the extension table: two septets
    expect(smsParts('€'.repeat(80))).toEqual({ length: 160, parts: 1, unicode: false });
  });
  it('Chinese or curly quotes switch to UCS-2: 70 in one part, 67 per part beyond', () => {
    expect(smsParts('您'.repeat(70))).toEqual({ length: 70, parts: 1, unicode: true });
    expect(smsParts('您'.repeat(71))).toEqual({ length: 71, parts: 2, unicode: true });
    expect(smsParts('it’s').unicode).toBe(true);
    expect(smsParts('😀').length).toBe(2);
  });
});
