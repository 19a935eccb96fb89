import type { StaffRole, StaffUser } from './people-types.js';

export interface UserFilter {
  text: string;
  role: StaffRole | '';
  showInactive: boolean;
}

/** The users the list shows: name or email contains the text (any case), of the role, active unless asked. */
export function filterUsers(users: readonly StaffUser[], f: UserFilter): StaffUser[] {
  const needle = f.text.trim().toLowerCase();
  return users.filter((u) =>
    (f.showInactive || u.active)
    && (!f.role || u.role === f.role)
    && (!needle || u.name.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle)));
}
