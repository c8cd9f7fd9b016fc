// Expected failures carry a code and a message a merchant understands. Anything else is a bug:
// logged with context and shown as a generic message (see lib/actions/client.ts).
export const APP_ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION: 422,
  RATE_LIMITED: 429,
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

export const notFound = (what = "That record") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("FORBIDDEN", message);
