import "server-only";
import { isAppError } from "@/lib/errors";

/**
 * Route handlers' error boundary: expected failures answer with their status and message (JSON),
 * anything else is logged with context and answered with a generic 500.
 */
export async function withRouteErrors(name: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isAppError(error)) {
      return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    }
    console.error(`[route ${name}] unexpected error`, error);
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong. Please try again." } }, { status: 500 });
  }
}
