import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'login' }
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'detail'; id: string }
  | { name: 'board' }
  | { name: 'desk' }
  | { name: 'admin'; tab: string }
  | { name: 'chats'; id: string | null }
  | { name: 'notFound' };

/** Parses "#/complaints/abc" style hashes. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'list' };
  if (parts[0] === 'login' && parts.length === 1) return { name: 'login' };
  if (parts[0] === 'board' && parts.length === 1) return { name: 'board' };
  if (parts[0] === 'desk' && parts.length === 1) return { name: 'desk' };
  if (parts[0] === 'admin' && parts.length <= 2) return { name: 'admin', tab: parts[1] ?? 'users' };
  if (parts[0] === 'chats' && parts.length <= 2) return { name: 'chats', id: parts[1] ? decodeURIComponent(parts[1]) : null };
  if (parts[0] !== 'complaints') return { name: 'notFound' };
  if (parts.length === 1) return { name: 'list' };
  if (parts.length === 2 && parts[1] === 'new') return { name: 'new' };
  if (parts.length === 2 && parts[1]) return { name: 'detail', id: decodeURIComponent(parts[1]) };
  return { name: 'notFound' };
}

/** The survey page lives at a real path (/survey/<token>, the link in notices), outside the hash routes. */
export function surveyTokenFromPath(pathname: string): string | null {
  const m = /^\/survey\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

export const complaintHref = (id: string) => `#/complaints/${encodeURIComponent(id)}`;

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseRoute(hash);
}
