// The POS API's error shape: `{ "error": { "code", "message", "path"? } }` with stable snake_case
// codes that integrators can switch on. Messages are for humans and may change; codes may not.
import { isAppError } from "@/lib/errors";
import type { EventErrorCode } from "@/lib/events/types";

export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "invalid_json"
  | "batch_too_large"
  | "invalid_cursor"
  | "internal_error"
  | EventErrorCode;

/** Every code with its HTTP status, listed once so the OpenAPI document can publish them. */
export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  customer_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  invalid_json: 400,
  validation_error: 422,
  batch_too_large: 422,
  invalid_cursor: 422,
  customer_ambiguous: 422,
  customer_deleted: 422,
  customer_conflict: 422,
  unknown_location: 422,
  insufficient_points: 422,
  idempotency_conflict: 422,
  rate_limited: 429,
  internal_error: 500,
};

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; path?: string };
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly path?: string;
  readonly headers: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, options: { status?: number; path?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = options.status ?? API_ERROR_STATUS[code];
    this.path = options.path;
    this.headers = options.headers ?? {};
  }
}


export function apiErrorBody(code: ApiErrorCode, message: string, path?: string): ApiErrorBody {
  return { error: path === undefined ? { code, message } : { code, message, path } };
}

/**
 * Expected failures become their JSON error; anything else is a bug, logged with context and
 * answered with a generic 500 so internals never reach the caller.
 */
export function errorResponse(error: unknown, context: string, internalMessage = "Something went wrong on our side. Retry with the same Idempotency-Key."): Response {
  if (error instanceof ApiError) {
    return Response.json(apiErrorBody(error.code, error.message, error.path), { status: error.status, headers: error.headers });
  }
  if (isAppError(error)) {
    return Response.json(apiErrorBody(error.code, error.message, error.path), { status: error.status });
  }
  console.error(`[${context}] unexpected error`, error);
  return Response.json(apiErrorBody("internal_error", internalMessage), { status: 500 });
}
