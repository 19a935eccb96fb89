/**
 * The queue's filters as the form holds them, and their one-to-one mapping onto the
 * complaint list's query parameters (which saved views store as they are). Pure: no React.
 */

/** The department filter's value for "the viewer's own department" (myDepartment=true). */
export const MY_DEPARTMENT = '@mine';

export interface Filters {
  q: string;
  /** '' = any; one value or a comma list as the API takes it ('open' = every open status). */
  status: string;
  severity: string;
  category: string;
  channel: string;
  /** '' = any, a department code, or MY_DEPARTMENT. */
  department: string;
  /** '' = anyone, 'me', 'none' (unassigned) or a user id. */
  assignee: string;
  tag: string;
  myTeam: boolean;
  atRisk: boolean;
  breached: boolean;
  repeat: boolean;
  recovery: boolean;
  /** List parameters the form has no control for (a view saved elsewhere): kept and sent unchanged. */
  extra: Record<string, string>;
}

export const EMPTY_FILTERS: Filters = {
  q: '', status: '', severity: '', category: '', channel: '', department: '', assignee: '', tag: '',
  myTeam: false, atRisk: false, breached: false, repeat: false, recovery: false, extra: {},
};

type TextKey = 'q' | 'status' | 'severity' | 'category' | 'channel' | 'tag';
type FlagKey = 'myTeam' | 'atRisk' | 'breached' | 'repeat' | 'recovery';
const TEXT: readonly TextKey[] = ['q', 'status', 'severity', 'category', 'channel', 'tag'];
const FLAGS: readonly FlagKey[] = ['myTeam', 'atRisk', 'breached', 'repeat', 'recovery'];
/** Values that are sets: their order does not change the filter. */
const LISTS = new Set(['status', 'severity', 'category', 'channel']);

/** The list query parameters for `f` (without sort, limit or cursor), lists comma-joined. */
export function filtersToParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = { ...f.extra };
  for (const k of TEXT) {
    const v = f[k].trim();
    if (v) out[k] = v;
  }
  for (const k of FLAGS) if (f[k]) out[k] = 'true';
  if (f.department === MY_DEPARTMENT) out.myDepartment = 'true';
  else if (f.department) out.department = f.department;
  if (f.assignee) out.assigneeId = f.assignee;
  return out;
}

/** A view's stored filters (query shape: strings, lists, perhaps JSON booleans) as form filters. */
export function paramsToFilters(params: Record<string, unknown>): Filters {
  const f: Filters = { ...EMPTY_FILTERS, extra: {} };
  const rest: Record<string, string> = {};
  for (const [k, raw] of Object.entries(params)) {
    const v = Array.isArray(raw) ? raw.map(String).join(',') : typeof raw === 'string' || typeof raw === 'boolean' || typeof raw === 'number' ? String(raw) : '';
    if (!v) continue;
    if ((TEXT as readonly string[]).includes(k)) f[k as TextKey] = v;
    else if ((FLAGS as readonly string[]).includes(k) && (v === 'true' || v === '1')) f[k as FlagKey] = true;
    else if (k === 'assigneeId') f.assignee = v;
    else rest[k] = v; // department, myDepartment, false flags, anything the form does not know
  }
  // Both could be present in a view saved through the API; the form shows one, the other stays in extra.
  if (rest.department !== undefined) {
    f.department = rest.department;
    delete rest.department;
  } else if (rest.myDepartment === 'true' || rest.myDepartment === '1') {
    f.department = MY_DEPARTMENT;
    delete rest.myDepartment;
  }
  f.extra = rest;
  return f;
}

/** A canonical text for `f`: equal for filters that select the same complaints by the same parameters. */
export function filtersKey(f: Filters): string {
  const p = filtersToParams(f);
  return Object.keys(p)
    .sort()
    .map((k) => {
      const v = p[k]!;
      return `${k}=${LISTS.has(k) ? v.split(',').map((s) => s.trim()).filter(Boolean).sort().join(',') : v}`;
    })
    .join('&');
}

export const hasFilters = (f: Filters): boolean => filtersKey(f) !== '';

/** The complaint list URL for `f`, in urgency order. */
export function listUrl(f: Filters, limit: number, cursor?: string): string {
  const p = new URLSearchParams({ sort: 'urgency', limit: String(limit) });
  for (const [k, v] of Object.entries(filtersToParams(f))) p.set(k, v);
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/complaints?${p.toString()}`;
}
