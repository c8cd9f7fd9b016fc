import { NextResponse, type NextRequest } from "next/server";
import { requireContext } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/search";
import { isAppError } from "@/lib/errors";

// A GET route rather than a server action: type-ahead requests must run in parallel and be
// cancellable, and Next runs server actions one at a time per page.
export async function GET(request: NextRequest) {
  try {
    const context = await requireContext("staff");
    const query = request.nextUrl.searchParams.get("q") ?? "";
    const { hits, total, totalIsCapped } = await searchCustomers(context, query, 8);
    return NextResponse.json({ customers: hits, total, totalIsCapped }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    console.error("[record/search] unexpected error", error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "Search failed. Please try again." } }, { status: 500 });
  }
}
