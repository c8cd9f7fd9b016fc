import { NextResponse, type NextRequest } from "next/server";
import { BASE_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

// Runs before every page and server action (Node runtime). Three jobs:
// 1. server actions from another origin answer 403, and ones over the body limit 413, before
//    Next's own checks would fail them with a 500;
// 2. every page gets a Content-Security-Policy with a fresh nonce (lib/http/security-headers.ts);
// 3. a convenience only: visitors without a session cookie go to the sign-in page. The real
//    checks happen in every page, action and route handler (lib/auth/session.ts).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** Equals serverActions.bodySizeLimit in next.config.mjs. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

function refuseServerAction(request: NextRequest): NextResponse | null {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== host) return new NextResponse("This request came from another site.", { status: 403 });
  }
  const length = request.headers.get("content-length");
  if (length === null) return new NextResponse("Send a Content-Length.", { status: 411 });
  if (!/^\d+$/.test(length) || Number(length) > SERVER_ACTION_BODY_LIMIT) return new NextResponse("The request is too large.", { status: 413 });
  return null;
}

export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = refuseServerAction(request);
    if (refused) return refused;
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== "production",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  const withHeaders = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) response.headers.set(name, value);
    return response;
  };

  const path = request.nextUrl.pathname;
  const isSignIn = path === "/login";
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isSignIn && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== "/") url.searchParams.set("callbackUrl", back);
    return withHeaders(NextResponse.redirect(url));
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Everything except the auth and public API routes, and static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
