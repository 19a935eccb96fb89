import { useI18n, getLocale, type Locale } from '../i18n.js';
import { hallEn, type HallMessageKey } from './hall-messages.en.js';
import { hallZh } from './hall-messages.zh.js';

const DICTS: Record<Locale, Record<HallMessageKey, string>> = { 'zh-CN': hallZh, en: hallEn };

/** Hall strings in the current locale (the locale switch is shared with the staff UI). */
export function ht(key: HallMessageKey, vars?: Record<string, string | number>): string {
  const s = DICTS[getLocale()][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

export function useHallI18n() {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale, ht };
}

/** A date and time in the viewer's own time zone and language. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(getLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
