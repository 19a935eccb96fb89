import { getLocale, t } from './i18n.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "12m 03s", "1h 05m", "2d 04h"; overdue values get a leading "-". */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${sign}${d}${t('dur.d')} ${pad(h)}${t('dur.h')}`;
  if (h > 0) return `${sign}${h}${t('dur.h')} ${pad(m)}${t('dur.m')}`;
  return `${sign}${m}${t('dur.m')} ${pad(s)}${t('dur.s')}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t('common.none');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(getLocale(), {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(getLocale());
}

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return t('common.none');
  try {
    return new Intl.NumberFormat(getLocale(), { style: 'currency', currency: currency || 'CNY' }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

/** The complaint's department in the reader's language: the Chinese name when there is one, else the name, else the code. */
export function complaintDepartment(c: { department: string | null; departmentName: string | null; departmentNameZh?: string | null }, locale: string): string | null {
  return (locale === 'zh-CN' && c.departmentNameZh) || c.departmentName || c.department;
}
