import { getLocale } from '../../i18n.js';

/** 25 MB, 10 KB: sizes as admins think of the limits. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(getLocale(), { maximumFractionDigits: v < 10 && u > 0 ? 1 : 0 }).format(v)} ${units[u]}`;
}

/** A server address as one line: smtp.example.com:587. */
export const hostPort = (a: { host: string; port: number | null }) => (a.port === null ? a.host : `${a.host}:${a.port}`);
