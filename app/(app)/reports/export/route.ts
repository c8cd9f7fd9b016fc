import { requireContext } from "@/lib/auth/session";
import { exportFileName } from "@/lib/customers/csv";
import { withRouteErrors } from "@/lib/http/route-errors";
import { dailyBreakdown } from "@/lib/reports/charts";
import { monthlyReportCsv } from "@/lib/reports/csv";
import { addMonths, monthLabel } from "@/lib/reports/month";
import { monthlySummary } from "@/lib/reports/monthly";
import { reportSelection } from "@/lib/reports/page-data";

// The month's summary (beside the previous month) and its daily breakdown as CSV. Managers and owners.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withRouteErrors("reports.export", async () => {
    const context = await requireContext("manager");
    const params = new URL(request.url).searchParams;
    const selection = await reportSelection(context, { month: params.get("month") ?? undefined, location: params.get("location") ?? undefined });
    const locationId = selection.location?.id ?? null;
    const [summary, days] = await Promise.all([
      monthlySummary(context, { month: selection.month, location: selection.location }),
      dailyBreakdown(context, selection.month, locationId),
    ]);
    const { previous, month: _month, timeZone, currency, ...current } = summary;
    const csv = monthlyReportCsv({
      merchantName: context.merchant.name, monthLabel: monthLabel(selection.month), previousLabel: monthLabel(addMonths(selection.month, -1)),
      location: selection.location?.name ?? null, currency, timeZone, current, previous, days,
    });
    const base = `${context.merchant.name} report ${selection.location?.name ?? ""}`;
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(base, selection.month, "csv")}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
