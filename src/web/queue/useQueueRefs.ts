import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { Principal } from '../types.js';

export interface StaffUser { id: string; name: string; role: string; active: boolean }
export interface Department { id: string; code: string; name: string; nameZh?: string | null }
export interface QueueMe { userId: string; name: string; role: string; departmentId: string | null }

/** Roles the bulk route accepts (FRONT_LINE in src/modules/auth/require-role.ts). */
const BULK_ROLES = new Set(['admin', 'supervisor', 'agent']);
/** Roles that may share a view with the team (src/modules/workspace/saved-view-routes.ts). */
const SHARE_ROLES = new Set(['admin', 'supervisor']);

export interface QueueRefs {
  me: QueueMe | null;
  /** People a complaint can be assigned to. */
  staff: StaffUser[];
  departments: Department[];
  canBulk: boolean;
  canShare: boolean;
  error: unknown;
}

/** Who is looking and the people and departments the queue's pickers offer; loaded once per visit. */
export function useQueueRefs(): QueueRefs {
  const [me, setMe] = useState<QueueMe | null>(null);
  const [staff, setStaff] = useState<StaffUser[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<{ principal: Principal }>('/api/v1/auth/me'),
      api.get<{ items: StaffUser[] }>('/api/v1/users'),
      api.get<{ items: Department[] }>('/api/v1/departments'),
    ])
      .then(([who, users, depts]) => {
        if (!live) return;
        const p = who.principal;
        setMe(p.kind === 'user' ? { userId: p.userId, name: p.name, role: p.role, departmentId: p.departmentId } : null);
        // Analysts read; they do not take complaints (as in the complaint view's assignee picker).
        setStaff(users.items.filter((u) => u.active && u.role !== 'analyst'));
        setDepartments(depts.items);
      })
      .catch((err: unknown) => {
        if (live) setError(err);
      });
    return () => {
      live = false;
    };
  }, []);

  return {
    me, staff, departments, error,
    canBulk: !!me && BULK_ROLES.has(me.role),
    canShare: !!me && SHARE_ROLES.has(me.role),
  };
}
