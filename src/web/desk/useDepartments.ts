import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { Locale } from '../i18n.js';
import type { DeskDepartment } from './desk-types.js';

/** The departments, fetched once for the desk (they change rarely; no live reload needed). */
export function useDepartments(): { departments: DeskDepartment[] | null; error: unknown } {
  const [departments, setDepartments] = useState<DeskDepartment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<{ items: DeskDepartment[] }>('/api/v1/departments')
      .then((r) => live && setDepartments(r.items))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, []);
  return { departments, error };
}

/** A department's name in the current language, by code; the code itself if unknown. */
export function departmentLabel(code: string, departments: readonly DeskDepartment[] | null, locale: Locale, fallback?: string | null): string {
  const d = departments?.find((x) => x.code === code);
  if (!d) return fallback ?? code;
  return locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name;
}
