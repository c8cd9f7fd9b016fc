import { requireContext } from "@/lib/auth/session";
import { withRouteErrors } from "@/lib/http/route-errors";
import { textStreamResponse } from "@/lib/http/text-stream";
import { segmentCsv } from "@/lib/segments/members";
import { getSegment } from "@/lib/segments/saved";

// A saved segment's members as CSV, streamed. Manager+. Per request, never at build time.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withRouteErrors("segments.export", async () => {
    const context = await requireContext("manager");
    const segment = await getSegment(context, (await params).id);
    const { chunks, fileName } = await segmentCsv(context, segment);
    return textStreamResponse(chunks, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" });
  });
}
