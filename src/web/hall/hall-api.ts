import { getLocale } from '../i18n.js';
import { ht } from './hall-i18n.js';

/** The customer's session lives apart from a staff session in the same browser. */
export const HALL_TOKEN_KEY = 'loopdesk.hall.token';

export class HallError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: Array<Record<string, unknown>> = []) {
    super(message);
  }
}

export function hallToken(): string | null {
  try {
    return localStorage.getItem(HALL_TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setHallToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(HALL_TOKEN_KEY, token);
    else localStorage.removeItem(HALL_TOKEN_KEY);
  } catch {
    // storage unavailable: the session lasts this page only
  }
}

let onSignedOut: () => void = () => undefined;
export function whenSignedOut(cb: () => void): void {
  onSignedOut = cb;
}

async function send<T>(method: string, path: string, body?: BodyInit, contentType?: string, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  const token = hallToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (contentType) headers['Content-Type'] = contentType;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body });
  } catch {
    throw new HallError(0, 'network', ht('hall.error.network'));
  }
  const raw = await res.text();
  let data: unknown = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: Array<Record<string, unknown>> } } | null)?.error;
    if (res.status === 401 && token) {
      setHallToken(null);
      onSignedOut();
    }
    throw new HallError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? ht('hall.error.generic', { status: res.status }), err?.details ?? []);
  }
  return data as T;
}

export const hallApi = {
  get: <T>(path: string) => send<T>('GET', `${path}${path.includes('?') ? '&' : '?'}locale=${encodeURIComponent(getLocale())}`),
  /** For routes whose answer does not depend on the page's language (and that take no `locale`). */
  getAsIs: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    send<T>('POST', path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json', headers),
  upload: <T>(file: File) => send<T>('POST', `/api/v1/portal/attachments?name=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream'),
};
