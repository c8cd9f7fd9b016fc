import { requireContext } from "@/lib/auth/session";
import { exportFileName } from "@/lib/customers/csv";
import { exportCustomerData } from "@/lib/customers/privacy";
import { withRouteErrors } from "@/lib/http/route-errors";
import { localDate } from "@/lib/time";

// A customer's data (privacy request) as a JSON download. Owners and managers only.
// Per request, never at build time (it reads the session and the database).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withRouteErrors("customer.export", async () => {
    const context = await requireContext("manager");
    const { id } = await params;
    const data = await exportCustomerData(context, id);
    const fileName = exportFileName(`customer-${id.slice(0, 8)}`, localDate(new Date(), context.merchant.timeZone), "json");
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  }, request);
}
