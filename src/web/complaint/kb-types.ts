/** A published article version as the search and suggestion routes answer it. */
export interface ArticleHit {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  locale: 'zh-CN' | 'en';
  category: string;
  /** The customer-facing page of this version (absolute, from the server's public URL). */
  url: string;
}

export type KbLocaleFilter = '' | 'zh-CN' | 'en';
