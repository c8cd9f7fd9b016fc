// GET an import's error rows as CSV. See docs/api.md; handlers live in lib/api/routes.ts.
export { getImportErrors as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
