import { ApiError, type ErrorDetail } from '../../api.js';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Splits an API error's details into messages for the form's own fields (`body.email` →
 * email, `body.skills.1` → skills) and whatever is left, so the form shows each problem next
 * to its field and only the rest in the error box.
 */
export function splitFieldErrors<F extends string>(err: unknown, fields: readonly F[]): { fields: FieldErrors<F>; rest: unknown } {
  if (!(err instanceof ApiError) || err.details.length === 0) return { fields: {}, rest: err };
  const out: FieldErrors<F> = {};
  const left: ErrorDetail[] = [];
  for (const d of err.details) {
    const field = typeof d.path === 'string' ? d.path.replace(/^body\./, '').split('.')[0] : undefined;
    if (field && (fields as readonly string[]).includes(field) && typeof d.message === 'string') {
      // The first problem per field is enough to act on.
      out[field as F] ??= d.message;
    } else {
      left.push(d);
    }
  }
  if (Object.keys(out).length === 0) return { fields: out, rest: err };
  return { fields: out, rest: new ApiError(err.status, err.code, err.message, left) };
}
