import "server-only";
import { errorResponse } from "@/lib/api/errors";
import { isAppError } from "@/lib/errors";

/** A person opening the URL in a browser tab (not a fetch or a script): they get pages, not JSON. */
function isNavigation(request: Request | undefined): boolean {
  if (!request) return false;
  const mode = request.headers.get("sec-fetch-mode");
  if (mode) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
/**
 * THE error boundary of route handlers (the dashboard's and, through lib/api/routes.ts, the API's):
 * expected failures answer with their snake_case code, message and path as
 * `{ "error": { code, message, path } }`; anything else is logged with context and answered with a
 * generic 500. Given the request, a browser navigation that is refused goes to the dashboard's own
 * 403 page or the sign-in page instead of JSON. The third argument is the request or the message
 * for unexpected failures.
 */
export async function withRouteErrors(name: string, handler: () => Promise<Response>, requestOrMessage?: Request | string): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const request = typeof requestOrMessage === "string" ? undefined : requestOrMessage;
    if (request && isAppError(error) && isNavigation(request) && (error.code === "forbidden" || error.code === "unauthenticated")) {
      const to = error.code === "forbidden" ? "/no-access" : `/login?callbackUrl=${encodeURIComponent(new URL(request.url).pathname)}`;
      return Response.redirect(new URL(to, request.url), 303);
    }
    return errorResponse(error, `route ${name}`, typeof requestOrMessage === "string" ? requestOrMessage : "Something went wrong. Please try again.");
  }
}
