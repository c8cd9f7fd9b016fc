import { NextResponse, type NextRequest } from "next/server";

// A convenience only: sends visitors without a session cookie to the sign-in page. The real
// checks happen in every page, action and route handler (lib/auth/session.ts).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== "/") url.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the auth and public API routes, and static files.
  matcher: ["/((?!login|api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
