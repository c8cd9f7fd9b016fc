// POST uploads a file to import (multipart). See docs/api.md; handlers live in lib/api/routes.ts.
export { postImports as POST } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
