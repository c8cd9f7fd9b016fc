// POST undoes a finished import. See docs/api.md; handlers live in lib/api/routes.ts.
export { postImportUndo as POST } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
