import { useSyncExternalStore } from 'react';

/** The hall lives under /hall with real paths (links in emails and SMS point at them). */
export type HallRoute =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'new'; order: string | null }
  | { name: 'progress'; number: string }
  | { name: 'article'; slug: string; locale: 'zh-CN' | 'en' | null }
  | { name: 'notFound' };

export function parseHallPath(pathname: string, search: string): HallRoute {
  const parts = pathname.replace(/^\/hall\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'signin' && parts.length === 1) return { name: 'signin' };
  if (parts[0] === 'new' && parts.length === 1) return { name: 'new', order: new URLSearchParams(search).get('order') };
  if (parts[0] === 'complaints' && parts.length === 2) return { name: 'progress', number: decodeURIComponent(parts[1]!) };
  // Knowledge-base articles are public: /kb/<slug>?locale=… (the link in replies and the chat bot's answers).
  if (parts[0] === 'kb' && parts.length === 2 && /^[a-z0-9-]+$/.test(parts[1]!)) {
    const locale = new URLSearchParams(search).get('locale');
    return { name: 'article', slug: parts[1]!, locale: locale === 'en' || locale === 'zh-CN' ? locale : null };
  }
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();
function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('popstate', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', cb);
  };
}
const snapshot = () => `${window.location.pathname}${window.location.search}`;

export function go(path: string): void {
  if (snapshot() === path) return;
  window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useHallRoute(): HallRoute {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  return parseHallPath(window.location.pathname, window.location.search);
}

export const progressPath = (number: string) => `/hall/complaints/${encodeURIComponent(number)}`;
