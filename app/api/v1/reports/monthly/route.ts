// GET the monthly summary for an API key's merchant. See docs/api.md.
// The handler lives in lib/api/routes.ts (served by lib/api/server.ts in production).
export { getMonthlyReport as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
