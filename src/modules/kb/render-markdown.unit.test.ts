import { describe, expect, it } from 'vitest';
import { excerptOf, renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  it('escapes raw HTML: script tags and event-handler attributes arrive as text', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="javascript:alert(3)">x</a>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('onerror=&quot;alert(2)&quot;');
  });

  it('drops javascript:, data: and vbscript: links, also disguised, and keeps http(s), mailto and relative ones', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:alert(1)) [d](data:text/html,<b>x</b>) [e](vbscript:x) ' +
        '![f](javascript:alert(1)) [g](https://example.com/x) [h](mailto:help@example.com) [i](/kb/articles/refund-timeline)',
    );
    expect(html).not.toMatch(/href="(?!https:|mailto:|\/kb)/i);
    expect(html).not.toMatch(/src=/i);
    expect(html).toContain('<a href="https://example.com/x" rel="noopener nofollow" target="_blank">g</a>');
    expect(html).toContain('<a href="mailto:help@example.com" rel="noopener nofollow">h</a>');
    expect(html).toContain('<a href="/kb/articles/refund-timeline" rel="noopener nofollow">i</a>');
  });

  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('# 标题\n\n**粗体** and `code`')).toBe('<h1>标题</h1>\n<p><strong>粗体</strong> and <code>code</code></p>\n');
  });

  it('makes plain-text excerpts without markup', () => {
    expect(excerptOf('# Title\n\nSome **bold** [link](https://x.y) <b>tag</b>', 200)).toBe('Title Some bold link tag');
    expect(excerptOf('x'.repeat(300), 10)).toHaveLength(10);
  });
});
