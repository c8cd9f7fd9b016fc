// GET answers a scan at the counter: who is this pass, and what is on it. See docs/api.md.
// The handler lives in lib/api/routes.ts (served by lib/api/server.ts in production).
export { getCustomerLookup as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
