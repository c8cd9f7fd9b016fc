import "server-only";
import { isAppError } from "@/lib/errors";

/** A person opening the URL in a browser tab (not a fetch or a script): they get pages, not JSON. */
function isNavigation(request: Request | undefined): boolean {
  if (!request) return false;
  const mode = request.headers.get("sec-fetch-mode");
  if (mode) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
 * Route handlers' error boundary: expected failures answer with their status and message (JSON),
 * anything else is logged with context and answered with a generic 500. Given the request, a
 * browser navigation that is refused goes to the dashboard's own 403 page or the sign-in page.
 */
export async function withRouteErrors(name: string, handler: () => Promise<Response>, request?: Request): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isAppError(error)) {
      if (isNavigation(request) && (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED")) {
        const to = error.code === "FORBIDDEN" ? "/no-access" : `/login?callbackUrl=${encodeURIComponent(new URL(request!.url).pathname)}`;
        return Response.redirect(new URL(to, request!.url), 303);
      }
      return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    }
    console.error(`[route ${name}] unexpected error`, error);
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong. Please try again." } }, { status: 500 });
  }
}
