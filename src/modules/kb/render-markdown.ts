import MarkdownIt from 'markdown-it';

/**
 * Article Markdown → HTML that is inert in a browser. Raw HTML in the source is escaped
 * (`html: false`), so `<script>` or `<img onerror>` arrive as text; links and images may only
 * point at http(s) or mailto; every link opens without handing the page an opener.
 */
const SAFE_URL = /^(https?:|mailto:)/i;

function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (SAFE_URL.test(compact)) return true;
  // Relative links (to another article, an anchor) have no scheme at all.
  return !/^[a-z][a-z0-9+.-]*:/i.test(compact) && !compact.startsWith('//');
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultValidate = md.validateLink.bind(md);
md.validateLink = (url: string) => defaultValidate(url) && isSafeUrl(url);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('rel', 'noopener nofollow');
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) token.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Plain text of an article for excerpts: Markdown marks and escaped HTML dropped. */
export function plainText(source: string): string {
  return source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`>#|~-]{1,3}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function excerptOf(source: string, max = 160): string {
  const text = plainText(source);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
