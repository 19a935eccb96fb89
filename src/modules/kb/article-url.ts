import type { Config } from '../../config.js';
import { publicUrl } from '../../http/public-url.js';
import type { KbLocale } from './kb-schema.js';

/**
 * Where a customer reads a published article: the service hall's article page, in the
 * version's own language. Absolute, because agents paste it into replies that leave by
 * email or SMS. The bot hands out the same path (relative) in chat.
 */
export function articlePath(slug: string, locale: KbLocale): string {
  return `/kb/${encodeURIComponent(slug)}?locale=${encodeURIComponent(locale)}`;
}

export function articleUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, slug: string, locale: KbLocale): string {
  return `${publicUrl(config)}${articlePath(slug, locale)}`;
}
