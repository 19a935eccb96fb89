import { useSyncExternalStore } from 'react';
import { en, type MessageKey } from './messages.en.js';
import { zhCN } from './messages.zh.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const LOCALE_KEY = 'loopdesk.locale';
export type { MessageKey };

const DICTS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
type Vars = Record<string, string | number>;

function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en';
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable: fall through to the browser language
  }
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // not persisted; still switch for this page
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const l of listeners) l();
}

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Translate a fixed key in the current locale. */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(DICTS[current][key], vars);
}

/** Translate an enum value such as status "in_progress"; unknown values show as they are. */
export function tEnum(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return DICTS[current]['common.none'];
  const dict = DICTS[current] as Record<string, string | undefined>;
  return dict[`${prefix}.${value}`] ?? value;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Re-renders the caller when the locale changes. */
export function useI18n() {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  return { locale, t, tEnum, setLocale };
}

/**
 * A feature's own catalogue (zh-CN + en), kept next to the feature so that features do not
 * all edit one file. Returns a translate function for it; components still call useI18n()
 * so they re-render when the locale changes. Files named `*.messages.ts` exporting
 * `messages` are checked for equal keys and placeholders by messages.unit.test.ts.
 */
export function defineMessages<K extends string>(catalogue: { en: Record<K, string>; 'zh-CN': Record<K, string> }) {
  const translate = (key: K, vars?: Vars): string => fill(catalogue[current][key], vars);
  return Object.assign(translate, { catalogue });
}
export type FeatureMessages = ReturnType<typeof defineMessages>;
