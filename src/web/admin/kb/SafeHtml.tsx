import { createElement, useMemo, type ReactNode } from 'react';

/**
 * Shows article HTML without ever handing markup to innerHTML. The server already renders
 * Markdown inertly (raw HTML escaped, only http(s)/mailto/relative links); this parses its answer
 * in an inert document and rebuilds it as React elements from an allow-list of tags and
 * attributes, so a server bug or an unexpected answer still cannot run script or restyle the page.
 */
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  strong: [], em: [], s: [], del: [], code: [], pre: [], blockquote: [],
  ul: [], ol: ['start'], li: [], a: ['href', 'title'], img: ['src', 'alt', 'title'],
  table: [], thead: [], tbody: [], tr: [], th: [], td: [],
};
const VOID = new Set(['br', 'hr', 'img']);
// Dropped with everything inside them; other unknown tags are unwrapped (their text is kept).
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'form']);

function safeUrl(url: string, forImage: boolean): boolean {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (/^https?:/i.test(u)) return true;
  if (forImage) return false;
  if (/^mailto:/i.test(u)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//');
}

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROP.has(tag)) return null;
  const children = Array.from(el.childNodes, (c, i) => convert(c, i));
  const allowed = ALLOWED[tag];
  if (!allowed) return children;
  const props: Record<string, string | number> = { key };
  for (const name of allowed) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    if ((name === 'href' || name === 'src') && !safeUrl(value, name === 'src')) continue;
    props[name] = value;
  }
  if (tag === 'a') {
    props.rel = 'noopener noreferrer nofollow';
    if (typeof props.href === 'string' && /^https?:/i.test(props.href)) props.target = '_blank';
  }
  if (tag === 'img' && !props.src) return null;
  return VOID.has(tag) ? createElement(tag, props) : createElement(tag, props, ...children);
}

export function SafeHtml({ html, className, testId }: { html: string; className?: string; testId?: string }) {
  const content = useMemo(() => {
    // A DOMParser document has no browsing context: nothing in it loads or runs.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(doc.body.childNodes, (c, i) => convert(c, i));
  }, [html]);
  return <div className={className} data-testid={testId}>{content}</div>;
}
