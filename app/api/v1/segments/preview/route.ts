// The handler lives in lib/segments/api.ts (served by the lean front in production). See docs/api.md.
export { postSegmentPreview as POST } from "@/lib/segments/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
