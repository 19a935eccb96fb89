import { t } from '../../i18n.js';
import type { Problems } from './form-problem.js';
import type { Department } from './people-types.js';

/** The department form as typed; field names are the API's so server errors land on them. */
export interface DepartmentDraft {
  code: string;
  name: string;
  nameZh: string;
  handoffForwardMinutes: string;
  handoffAnswerMinutes: string;
}

export const DEPARTMENT_FIELDS = ['code', 'name', 'nameZh', 'handoffForwardMinutes', 'handoffAnswerMinutes'] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

/** The server's bounds (src/modules/departments): a week to forward, thirty days to answer. */
export const MAX_FORWARD_MINUTES = 10_080;
export const MAX_ANSWER_MINUTES = 43_200;
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

export function draftFromDepartment(d: Department | null): DepartmentDraft {
  if (!d) return { code: '', name: '', nameZh: '', handoffForwardMinutes: '10', handoffAnswerMinutes: '120' };
  return {
    code: d.code, name: d.name, nameZh: d.nameZh ?? '',
    handoffForwardMinutes: String(d.handoffForwardMinutes), handoffAnswerMinutes: String(d.handoffAnswerMinutes),
  };
}

/** A whole number of minutes in 1..max, else null. */
export function parseMinutes(text: string, max: number): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= max ? n : null;
}

export function validateDepartmentDraft(d: DepartmentDraft, mode: 'create' | 'edit'): Problems<DepartmentField> {
  const p: Problems<DepartmentField> = {};
  if (mode === 'create' && !CODE.test(d.code.trim())) p.code = { key: 'people.error.code' };
  if (!d.name.trim()) p.name = { key: 'people.error.required' };
  else if (d.name.trim().length > 100) p.name = { key: 'people.error.tooLong', vars: { max: 100 } };
  if (d.nameZh.trim().length > 100) p.nameZh = { key: 'people.error.tooLong', vars: { max: 100 } };
  if (parseMinutes(d.handoffForwardMinutes, MAX_FORWARD_MINUTES) === null) p.handoffForwardMinutes = { key: 'people.error.minutes', vars: { max: MAX_FORWARD_MINUTES } };
  if (parseMinutes(d.handoffAnswerMinutes, MAX_ANSWER_MINUTES) === null) p.handoffAnswerMinutes = { key: 'people.error.minutes', vars: { max: MAX_ANSWER_MINUTES } };
  return p;
}

/** POST /api/v1/departments (call after validation). */
export function createDepartmentBody(d: DepartmentDraft): Record<string, unknown> {
  return {
    code: d.code.trim(), name: d.name.trim(), ...(d.nameZh.trim() ? { nameZh: d.nameZh.trim() } : {}),
    handoffForwardMinutes: Number(d.handoffForwardMinutes.trim()), handoffAnswerMinutes: Number(d.handoffAnswerMinutes.trim()),
  };
}

/** PATCH /api/v1/departments/:id: only what changed; an emptied Chinese name is cleared (null). */
export function departmentPatchBody(dep: Department, d: DepartmentDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.name.trim() !== dep.name) out.name = d.name.trim();
  if ((d.nameZh.trim() || null) !== dep.nameZh) out.nameZh = d.nameZh.trim() || null;
  const forward = Number(d.handoffForwardMinutes.trim());
  const answer = Number(d.handoffAnswerMinutes.trim());
  if (forward !== dep.handoffForwardMinutes) out.handoffForwardMinutes = forward;
  if (answer !== dep.handoffAnswerMinutes) out.handoffAnswerMinutes = answer;
  return out;
}

/** 90 → "1h 30m", 2880 → "2d", 45 → "45m": how long a deadline is, readable at a glance. */
export function minutesLabel(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d}${t('dur.d')}` : '', h ? `${h}${t('dur.h')}` : '', m ? `${m}${t('dur.m')}` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : `0${t('dur.m')}`;
}
