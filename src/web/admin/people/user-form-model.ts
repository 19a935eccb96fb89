import { SLUG, type Problems } from './form-problem.js';
import type { StaffRole, StaffUser } from './people-types.js';

/** The user form as typed: every field a string or flag, turned into an API body on save. */
export interface UserDraft {
  name: string;
  email: string;
  role: StaffRole;
  /** '' = no department */
  departmentId: string;
  /** '' = keep (edit) / none (create) */
  password: string;
  active: boolean;
  /** comma- or space-separated */
  skills: string;
  team: string;
  locale: 'zh-CN' | 'en';
}

export const USER_FIELDS = ['name', 'email', 'role', 'departmentId', 'password', 'active', 'skills', 'team', 'locale'] as const;
export type UserField = (typeof USER_FIELDS)[number];

export const MIN_PASSWORD = 10;
const MAX_SKILLS = 50;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function draftFromUser(u: StaffUser | null): UserDraft {
  if (!u) return { name: '', email: '', role: 'agent', departmentId: '', password: '', active: true, skills: '', team: '', locale: 'zh-CN' };
  return {
    name: u.name, email: u.email, role: u.role, departmentId: u.departmentId ?? '', password: '', active: u.active,
    skills: u.skills.join(', '), team: u.team ?? '', locale: u.locale,
  };
}

/** "returns, cold-chain returns" → ['returns', 'cold-chain']: commas (also Chinese ones) or spaces separate. */
export function parseSkills(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter(Boolean))];
}

export function validateUserDraft(d: UserDraft): Problems<UserField> {
  const p: Problems<UserField> = {};
  if (!d.name.trim()) p.name = { key: 'people.error.required' };
  else if (d.name.trim().length > 100) p.name = { key: 'people.error.tooLong', vars: { max: 100 } };
  if (!d.email.trim()) p.email = { key: 'people.error.required' };
  else if (!EMAIL.test(d.email.trim())) p.email = { key: 'people.error.email' };
  if (d.role === 'department_staff' && !d.departmentId) p.departmentId = { key: 'people.error.departmentRequired' };
  if (d.password && d.password.length < MIN_PASSWORD) p.password = { key: 'people.error.passwordShort', vars: { min: MIN_PASSWORD } };
  const skills = parseSkills(d.skills);
  const bad = skills.find((s) => s.length > 60 || !SLUG.test(s));
  if (bad) p.skills = { key: 'people.error.skill', vars: { value: bad } };
  else if (skills.length > MAX_SKILLS) p.skills = { key: 'people.error.tooMany', vars: { max: MAX_SKILLS } };
  const team = d.team.trim();
  if (team && (team.length > 60 || !SLUG.test(team))) p.team = { key: 'people.error.slug' };
  return p;
}

/** POST /api/v1/users: optional fields only when given. */
export function createUserBody(d: UserDraft): Record<string, unknown> {
  const skills = parseSkills(d.skills);
  return {
    email: d.email.trim(), name: d.name.trim(), role: d.role, locale: d.locale,
    ...(d.departmentId ? { departmentId: d.departmentId } : {}),
    ...(d.password ? { password: d.password } : {}),
    ...(skills.length ? { skills } : {}),
    ...(d.team.trim() ? { team: d.team.trim() } : {}),
  };
}

/** PATCH /api/v1/users/:id: only what differs from the stored user; {} when nothing does. */
export function userPatchBody(u: StaffUser, d: UserDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.name.trim() !== u.name) out.name = d.name.trim();
  if (d.email.trim() !== u.email) out.email = d.email.trim();
  if (d.role !== u.role) out.role = d.role;
  if ((d.departmentId || null) !== u.departmentId) out.departmentId = d.departmentId || null;
  if (d.password) out.password = d.password;
  if (d.active !== u.active) out.active = d.active;
  const skills = parseSkills(d.skills);
  if (skills.join('\n') !== u.skills.join('\n')) out.skills = skills;
  if ((d.team.trim() || null) !== u.team) out.team = d.team.trim() || null;
  if (d.locale !== u.locale) out.locale = d.locale;
  return out;
}
