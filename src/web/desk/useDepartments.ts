import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { Locale } from '../i18n.js';
import type { DeskDepartment } from './desk-types.js';

/** How long one answer serves every component that asks (departments change rarely; a page opened later asks again). */
const SHARED_FOR_MS = 30_000;
let shared: { at: number; request: Promise<DeskDepartment[]> } | null = null;

/** One request for all the components of a screen that name departments (timeline, transfer form, preview…). */
function fetchDepartments(): Promise<DeskDepartment[]> {
  const now = Date.now();
  if (!shared || now - shared.at > SHARED_FOR_MS) {
    const request = api.get<{ items: DeskDepartment[] }>('/api/v1/departments').then((r) => r.items);
    // A failed request is not kept: the next component asks again.
    request.catch(() => {
      if (shared?.request === request) shared = null;
    });
    shared = { at: now, request };
  }
  return shared.request;
}

/** The departments, fetched once for the desk (they change rarely; no live reload needed). */
export function useDepartments(): { departments: DeskDepartment[] | null; error: unknown } {
  const [departments, setDepartments] = useState<DeskDepartment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    fetchDepartments()
      .then((items) => live && setDepartments(items))
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
