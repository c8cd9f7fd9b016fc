import { NextResponse, type NextRequest } from "next/server";
import { requireContext } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/search";
import { withRouteErrors } from "@/lib/http/route-errors";

// A GET route rather than a server action: type-ahead requests must run in parallel and be
// cancellable, and Next runs server actions one at a time per page.
export async function GET(request: NextRequest) {
  return withRouteErrors("record/search", async () => {
    const context = await requireContext("staff");
    const query = request.nextUrl.searchParams.get("q") ?? "";
    const { hits, total, totalIsCapped } = await searchCustomers(context, query, 8);
    return NextResponse.json({ customers: hits, total, totalIsCapped }, { headers: { "Cache-Control": "no-store" } });
  }, "Search failed. Please try again.");
}
