// The handler lives in lib/segments/api.ts (served by the lean front in production). See docs/api.md.
export { getSegments as GET } from "@/lib/segments/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
