// What the admin sections read from the API (src/modules/users, departments, approvals).

export const STAFF_ROLES = ['admin', 'supervisor', 'agent', 'department_staff', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  departmentId: string | null;
  locale: 'zh-CN' | 'en';
  active: boolean;
  skills: string[];
  team: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  nameZh: string | null;
  handoffForwardMinutes: number;
  handoffAnswerMinutes: number;
  createdAt: string;
  updatedAt: string;
}

export interface AuthorityLimit {
  role: StaffRole;
  /** ISO 4217, or "*" for every currency without a row of its own */
  currency: string;
  /** null = unlimited */
  maxAmount: number | null;
}

export interface AuthorityLimits {
  items: AuthorityLimit[];
  approvalDeadlineMinutes: number;
  updatedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
