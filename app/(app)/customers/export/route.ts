import { requireContext } from "@/lib/auth/session";
import { customerCsv } from "@/lib/customers/export";
import { parseCustomerListParams, unusableFilter } from "@/lib/customers/list-params";
import { AppError } from "@/lib/errors";
import { withRouteErrors } from "@/lib/http/route-errors";
import { textStreamResponse } from "@/lib/http/text-stream";

// The filtered customer list as CSV, streamed so a million rows never sit in memory. Manager+.
// Per request, never at build time (it reads the session and the database).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withRouteErrors("customers.export", async () => {
    const context = await requireContext("manager");
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const bad = unusableFilter(raw);
    if (bad) throw new AppError("validation_error", "The search or filter contains characters that can’t be searched for. Remove them and export again.", { path: bad });
    const params = parseCustomerListParams(raw);
    const { chunks, fileName } = await customerCsv(context, { q: params.q, tier: params.tier, pass: params.pass, activity: params.activity });
    return textStreamResponse(chunks, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" });
  }, request);
}
