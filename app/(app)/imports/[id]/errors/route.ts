import { requireContext } from "@/lib/auth/session";
import { withRouteErrors } from "@/lib/http/route-errors";
import { textStreamResponse } from "@/lib/http/text-stream";
import { errorFileName, errorRowsCsvForImport } from "@/lib/imports/store";

// An import's error rows as CSV, for the dashboard. Manager+.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withRouteErrors("imports.errors", async () => {
    const context = await requireContext("manager");
    const { id } = await params;
    const fileName = await errorFileName(context, id);
    return textStreamResponse(errorRowsCsvForImport(context, id), { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" });
  });
}
