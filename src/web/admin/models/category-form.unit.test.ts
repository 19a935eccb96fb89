import { describe, expect, it } from 'vitest';
import { isValidCode, parseExamples, suggestCode } from './category-form.js';

describe('parseExamples', () => {
  it('one per line, trimmed, blanks dropped, repeats ignoring case kept once (the first spelling)', () => {
    expect(parseExamples('  The installer never came \r\n\n安装师傅没来\nthe installer never came\n\t\nOven not connected')).toEqual([
      'The installer never came',
      '安装师傅没来',
      'Oven not connected',
    ]);
    expect(parseExamples('')).toEqual([]);
  });
});

describe('suggestCode', () => {
  it('turns an English name into a valid code', () => {
    expect(suggestCode('Installation service')).toBe('installation_service');
    expect(suggestCode('  Café / Bar -- Issues ')).toBe('cafe_bar_issues');
    expect(suggestCode('3D printing')).toBe('d_printing');
    expect(isValidCode(suggestCode('x'.repeat(80)))).toBe(true);
  });
  it('nothing for a name without Latin letters (the admin types the code)', () => {
    expect(suggestCode('安装服务')).toBe('');
    expect(suggestCode('a')).toBe('');
  });
});
