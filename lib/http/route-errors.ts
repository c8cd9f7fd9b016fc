import "server-only";
import { errorResponse } from "@/lib/api/errors";

/**
 * THE error boundary of route handlers (the dashboard's and, through lib/api/routes.ts, the API's):
 * expected failures answer with their snake_case code, message and path as
 * `{ "error": { code, message, path } }`; anything else is logged with context and answered with a
 * generic 500.
 */
export async function withRouteErrors(name: string, handler: () => Promise<Response>, internalMessage = "Something went wrong. Please try again."): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return errorResponse(error, `route ${name}`, internalMessage);
  }
}
