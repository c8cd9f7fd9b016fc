import { requireContext } from "@/lib/auth/session";
import { withRouteErrors } from "@/lib/http/route-errors";
import { streamSegmentCsv } from "@/lib/segments/members";
import { getSegment } from "@/lib/segments/saved";

// A saved segment's members as CSV, streamed. Manager+. Per request, never at build time.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withRouteErrors("segments.export", async () => {
    const context = await requireContext("manager");
    const segment = await getSegment(context, (await params).id);
    const { stream, fileName } = await streamSegmentCsv(context, segment);
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" } });
  });
}
