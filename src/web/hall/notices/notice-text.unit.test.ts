import { describe, expect, it } from 'vitest';
import { hallPathOf, splitLinks } from './notice-text.js';

describe('notice text links', () => {
  it('finds the progress link at the end of a Chinese notice', () => {
    expect(splitLinks('韩梅梅，您好：\n\n已收到。\n\n查看进度：http://localhost:3000/hall/complaints/C-2026-000001')).toEqual([
      { kind: 'text', text: '韩梅梅，您好：\n\n已收到。\n\n查看进度：' },
      { kind: 'link', url: 'http://localhost:3000/hall/complaints/C-2026-000001' },
    ]);
  });

  it('leaves trailing punctuation (ASCII and full-width) outside the link', () => {
    expect(splitLinks('Rate us: https://x.example/survey/abc. Thanks')).toEqual([
      { kind: 'text', text: 'Rate us: ' }, { kind: 'link', url: 'https://x.example/survey/abc' }, { kind: 'text', text: '. Thanks' },
    ]);
    expect(splitLinks('评价：https://x.example/s/1。谢谢')).toEqual([
      { kind: 'text', text: '评价：' }, { kind: 'link', url: 'https://x.example/s/1' }, { kind: 'text', text: '。谢谢' },
    ]);
  });

  it('makes only http(s) addresses links; markup stays text', () => {
    const text = 'javascript:alert(1) <a href="http://evil">x</a> ftp://files';
    expect(splitLinks(text).filter((p) => p.kind === 'link')).toEqual([{ kind: 'link', url: 'http://evil' }]);
    expect(splitLinks('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(splitLinks('')).toEqual([]);
    expect(splitLinks('http:// nothing')).toEqual([{ kind: 'text', text: 'http:// nothing' }]);
  });

  it('opens hall pages of this origin in place, anything else outside', () => {
    const origin = 'http://localhost:3000';
    expect(hallPathOf('http://localhost:3000/hall/complaints/C-1?x=1', origin)).toBe('/hall/complaints/C-1?x=1');
    expect(hallPathOf('http://localhost:3000/survey/abc', origin)).toBeNull();
    expect(hallPathOf('http://localhost:3000/hallway', origin)).toBeNull();
    expect(hallPathOf('https://other.example/hall/complaints/C-1', origin)).toBeNull();
    expect(hallPathOf('not a url', origin)).toBeNull();
  });
});
