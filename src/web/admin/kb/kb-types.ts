// Shapes of the knowledge-base management API (src/modules/kb/manage-articles.ts) as the console reads them.

export const KB_LOCALES = ['zh-CN', 'en'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];
export type KbState = 'draft' | 'published';

// The built-in categories articles may be filed under (kb-schema.ts takes CATEGORIES, not admin-added ones).
export const KB_CATEGORIES = ['logistics', 'product_quality', 'refund', 'billing', 'service_attitude', 'technical', 'safety', 'other'] as const;

export interface ArticleVersion {
  title: string;
  body: string;
  /** Rendered and made inert by the server (render-markdown.ts); still passed through SafeHtml here. */
  html: string;
  status: KbState;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ManagedArticle {
  id: string;
  slug: string;
  category: string;
  votes: { helpful: number; notHelpful: number };
  views: number;
  createdAt: string;
  updatedAt: string;
  versions: Partial<Record<KbLocale, ArticleVersion>>;
}

// The server's slug rule (kb-schema.ts slugSchema), checked here only to explain it before saving.
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
