export const ROLES = ['admin', 'supervisor', 'agent', 'department_staff', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling. Staff users and customers are separate principals with separate rules. */
export type Principal =
  | {
      kind: 'user';
      sessionId: string;
      userId: string;
      role: Role;
      departmentId: string | null;
      name: string;
      email: string;
    }
  | { kind: 'customer'; sessionId: string; customerId: string; name: string };

/** The actor stamped on events: who did it, in which role. */
export interface Actor {
  kind: 'customer' | 'user' | 'system' | 'bot';
  id: string | null;
  role: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, role: 'system' };

export function actorOf(p: Principal): Actor {
  return p.kind === 'user'
    ? { kind: 'user', id: p.userId, role: p.role }
    : { kind: 'customer', id: p.customerId, role: 'customer' };
}
