/**
 * The one catalogue of client-visible errors. Codes are a stable contract (DESIGN §6):
 * add new ones, never rename. Anything thrown that is not an AppError is a bug → 500.
 */
export const ERROR_CATALOGUE = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  bad_request: { status: 400, message: 'The request is malformed.' },
  validation_failed: { status: 422, message: 'The request did not pass validation.' },
  unauthenticated: { status: 401, message: 'Sign in first: send Authorization: Bearer <token>.' },
  invalid_credentials: { status: 401, message: 'Email or password is wrong.' },
  invalid_signature: { status: 401, message: 'The request signature is missing or does not match.' },
  stale_signature: { status: 401, message: 'The request timestamp is too old or too far in the future (replay refused).' },
  forbidden: { status: 403, message: 'Your role may not do this.' },
  not_found: { status: 404, message: 'Not found.' },
  route_not_found: { status: 404, message: 'No such route.' },
  method_not_allowed: { status: 405, message: 'Method not allowed.' },
  invalid_transition: { status: 409, message: 'The complaint cannot move to that status from its current one.' },
  conflict: { status: 409, message: 'The request conflicts with the current state.' },
  idempotency_key_reused: { status: 422, message: 'This Idempotency-Key was already used with a different request body.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send JSON with Content-Type: application/json.' },
  rate_limited: { status: 429, message: 'Too many attempts; wait and try again.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export function errorBody(code: ErrorCode, message?: string, details: ErrorDetail[] = []) {
  return { error: { code, message: message ?? ERROR_CATALOGUE[code].message, details } };
}

export const notFound = (what = 'Not found.') => new AppError('not_found', what);
