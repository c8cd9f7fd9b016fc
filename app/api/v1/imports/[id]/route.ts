// GET an import's status, progress and counts. See docs/api.md; handlers live in lib/api/routes.ts.
export { getImportStatus as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
