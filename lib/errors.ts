// Expected failures carry a code and a message a merchant understands. Anything else is a bug:
// logged with context and shown as a generic message (see lib/actions/client.ts).
// The codes are the API's own (lib/api/errors.ts ApiErrorCode): one snake_case set for server
// actions, route handlers and the API; "internal_error" answers anything unexpected.
export const APP_ERROR_CODES = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_error: 422,
  rate_limited: 429,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field path for validation errors, e.g. `events[3].amount`. */
  readonly path?: string;

  constructor(code: AppErrorCode, message: string, options?: { path?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.path = options?.path;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", message);
