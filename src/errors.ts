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
  survey_not_found: { status: 404, message: 'This survey link is not valid.' },
  survey_expired: { status: 410, message: 'This survey is closed.' },
  survey_already_answered: { status: 409, message: 'This survey was already answered.' },
  reopen_window_closed: { status: 409, message: 'The time to reopen this complaint has passed.' },
  idempotency_key_reused: { status: 422, message: 'This Idempotency-Key was already used with a different request body.' },
  invalid_training_data: { status: 422, message: 'The training data cannot train a model (empty, a missing column, fewer than two labels…).' },
  labels_not_in_taxonomy: { status: 409, message: 'The model predicts labels that are not taxonomy categories; it cannot become the category model.' },
  nothing_to_roll_back: { status: 409, message: 'No earlier model version to roll back to.' },
  training_in_progress: { status: 409, message: 'A model is being trained on this server; try again when it is done.' },
  category_exists: { status: 409, message: 'A category with this code already exists.' },
  rule_invalid: { status: 422, message: 'A routing rule is invalid (see details: rule, path, reason).' },
  rule_loop: { status: 422, message: 'A routing rule would re-trigger itself (see details).' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send JSON with Content-Type: application/json.' },
  rate_limited: { status: 429, message: 'Too many attempts; wait and try again.' },
  invalid_code: { status: 401, message: 'The sign-in code is wrong or no longer valid; request a new one.' },
  code_expired: { status: 401, message: 'The sign-in code has expired; request a new one.' },
  attachment_type_mismatch: { status: 422, message: 'The file content does not match its name or declared type.' },
  attachment_type_not_allowed: { status: 422, message: 'Only PNG, JPEG, GIF, WebP images and PDF documents are accepted.' },
  too_many_attachments: { status: 422, message: 'Too many attachments.' },
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
