import type { Queryable } from '../../../db/database.js';
import type { Category } from '../../complaints/taxonomy.js';
import { classify } from '../../triage/classifier.js';
import type { PortalLocale } from '../portal-locale.js';
import { clarifyOptions } from './clarify.js';
import { suggestArticles } from './suggest-articles.js';

/** Category names customers read (DESIGN §2). */
export const CATEGORY_NAMES: Record<Category, { 'zh-CN': string; en: string }> = {
  logistics: { 'zh-CN': '物流配送', en: 'Delivery' },
  product_quality: { 'zh-CN': '产品质量', en: 'Product quality' },
  refund: { 'zh-CN': '退款退货', en: 'Refunds and returns' },
  billing: { 'zh-CN': '价格扣费', en: 'Prices and charges' },
  service_attitude: { 'zh-CN': '服务态度', en: 'Our service' },
  technical: { 'zh-CN': '系统故障', en: 'App or website problem' },
  safety: { 'zh-CN': '人身安全', en: 'Safety' },
  other: { 'zh-CN': '其他', en: 'Something else' },
};

/** Below this the suggestion is not shown as a category (the clarifying choices do the work). */
export const MIN_SHOWN_CONFIDENCE = 0.35;

/** Live help while the customer types: a category guess, choices for vague input, articles. */
export async function suggest(db: Queryable, text: string, locale: PortalLocale) {
  const r = classify(text);
  const clarify = clarifyOptions(text, locale);
  const confident = r.confidence >= MIN_SHOWN_CONFIDENCE && r.category !== 'other';
  return {
    // an admin-added category has no built-in name; its code stands in
    category: confident ? { code: r.category, name: (CATEGORY_NAMES as Partial<Record<string, Record<PortalLocale, string>>>)[r.category]?.[locale] ?? r.category } : null,
    confidence: Math.round(r.confidence * 1000) / 1000,
    vague: clarify.length > 0,
    clarify,
    articles: await suggestArticles(db, { text, locale, limit: 3 }),
  };
}
