import { ApiError, type ErrorDetail } from '../../api.js';
import type { Problem } from './form-problem.js';
import { STAFF_ROLES, type AuthorityLimit, type StaffRole } from './people-types.js';

/** The row that applies in every currency without a row of its own (src/modules/approvals). */
export const ANY_CURRENCY = '*';
/** The server's bound on a limit. */
export const MAX_LIMIT = 100_000_000_000;

/** One cell of the role × currency table as typed. Empty text and not unlimited = no row. */
export interface CellDraft {
  text: string;
  unlimited: boolean;
}
export type LimitDraft = Record<string, CellDraft>;

export const cellKey = (role: StaffRole, currency: string) => `${role}|${currency}`;
const EMPTY: CellDraft = { text: '', unlimited: false };
export const cellOf = (draft: LimitDraft, role: StaffRole, currency: string): CellDraft => draft[cellKey(role, currency)] ?? EMPTY;

/** The table's columns: "any currency" first, then the currencies that have rows, A–Z. */
export function currenciesOf(limits: readonly AuthorityLimit[]): string[] {
  const own = [...new Set(limits.map((l) => l.currency).filter((c) => c !== ANY_CURRENCY))].sort();
  return [ANY_CURRENCY, ...own];
}

export function draftFromLimits(limits: readonly AuthorityLimit[]): LimitDraft {
  const out: LimitDraft = {};
  for (const l of limits) out[cellKey(l.role, l.currency)] = { text: l.maxAmount === null ? '' : String(l.maxAmount), unlimited: l.maxAmount === null };
  return out;
}

/** "1,000.5" → 1000.5; null when not a non-negative amount with at most two decimals within the bound. */
export function parseAmount(text: string): number | null {
  const s = text.trim().replace(/[\s,]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_LIMIT ? n : null;
}

/** An ISO 4217 code from what was typed ("cny" → "CNY"), or null. */
export function normaliseCurrency(text: string): string | null {
  const c = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return null;
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
  return !known || known.includes(c) ? c : null;
}

/** The complete set of limits the table describes, in role then column order, or the cells that do not parse. */
export function readLimitDraft(draft: LimitDraft, currencies: readonly string[]): { limits: AuthorityLimit[]; problems: Record<string, Problem> } {
  const limits: AuthorityLimit[] = [];
  const problems: Record<string, Problem> = {};
  for (const role of STAFF_ROLES) {
    for (const currency of currencies) {
      const cell = cellOf(draft, role, currency);
      if (cell.unlimited) {
        limits.push({ role, currency, maxAmount: null });
        continue;
      }
      if (!cell.text.trim()) continue;
      const amount = parseAmount(cell.text);
      if (amount === null) problems[cellKey(role, currency)] = { key: 'people.error.amount' };
      else limits.push({ role, currency, maxAmount: amount });
    }
  }
  return { limits, problems };
}

/** What a role may settle alone in a currency: its own row, else its "*" row, else nothing (0). null = unlimited. */
export function effectiveLimit(limits: readonly AuthorityLimit[], role: StaffRole, currency: string): number | null {
  const own = limits.find((l) => l.role === role && l.currency === currency);
  if (own) return own.maxAmount;
  const any = limits.find((l) => l.role === role && l.currency === ANY_CURRENCY);
  return any ? any.maxAmount : 0;
}

/** One changed cell: undefined = no row, null = unlimited. */
export interface LimitChange {
  role: StaffRole;
  currency: string;
  before: number | null | undefined;
  after: number | null | undefined;
}

const cents = (n: number | null | undefined) => (typeof n === 'number' ? Math.round(n * 100) : n);

/** The cells that differ between two sets of limits, in table order. */
export function diffLimits(before: readonly AuthorityLimit[], after: readonly AuthorityLimit[]): LimitChange[] {
  const value = (set: readonly AuthorityLimit[], role: StaffRole, currency: string) => set.find((l) => l.role === role && l.currency === currency)?.maxAmount;
  const currencies = currenciesOf([...before, ...after]);
  const changes: LimitChange[] = [];
  for (const role of STAFF_ROLES) {
    for (const currency of currencies) {
      const b = value(before, role, currency);
      const a = value(after, role, currency);
      if (cents(b) !== cents(a)) changes.push({ role, currency, before: b, after: a });
    }
  }
  return changes;
}

/**
 * Puts a rejected save's details back where they belong: `body.limits.<i>.…` on the cell of the
 * i-th limit sent, `body.approvalDeadlineMinutes` on the deadline; the rest stays for the error box.
 */
export function limitErrorsFrom(err: unknown, sent: readonly AuthorityLimit[]): { cells: Record<string, string>; deadline: string | null; rest: unknown } {
  const cells: Record<string, string> = {};
  let deadline: string | null = null;
  if (!(err instanceof ApiError)) return { cells, deadline, rest: err };
  const left: ErrorDetail[] = [];
  for (const d of err.details) {
    const path = typeof d.path === 'string' ? d.path : '';
    const msg = typeof d.message === 'string' ? d.message : '';
    const i = /^body\.limits\.(\d+)(\.|$)/.exec(path);
    const limit = i ? sent[Number(i[1])] : undefined;
    if (limit && msg) cells[cellKey(limit.role, limit.currency)] ??= msg;
    else if (path === 'body.approvalDeadlineMinutes' && msg) deadline ??= msg;
    else left.push(d);
  }
  if (left.length === err.details.length) return { cells, deadline, rest: err };
  return { cells, deadline, rest: new ApiError(err.status, err.code, err.message, left) };
}
