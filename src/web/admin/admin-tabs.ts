// The console's sections, apart from AdminPage so the router can check a tab without loading the console's chunk.
export const ADMIN_TABS = ['users', 'departments', 'sla', 'routing', 'models', 'authority', 'templates', 'channels', 'kb'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const isAdminTab = (v: string | undefined): v is AdminTab => (ADMIN_TABS as readonly string[]).includes(v ?? '');
