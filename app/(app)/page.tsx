import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/lib/auth/session";
import { merchantOverview } from "@/lib/reports/overview";
import { formatCount, formatMoney } from "@/lib/format";
import { countOf, NOUNS } from "@/lib/plural";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DailyActivityChart } from "@/components/charts/daily-activity-chart";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const context = await requirePageContext("staff");
  const overview = await merchantOverview(context);
  const { currency } = context.merchant;
  return (
    <>
      <PageHeader
        title="Overview"
        description={`${context.merchant.name} · this month in ${context.merchant.timeZone.replace("_", " ")} time`}
        actions={<Link href="/record" className={buttonClass("primary")}>Record event</Link>}
      />
      {overview.customers === 0 ? (
        <EmptyState title="No customers yet" action={<Link href="/record" className={buttonClass("primary")}>Record the first event</Link>}>
          Record an event at the counter, connect your point-of-sale, or import a spreadsheet.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="Customers" value={formatCount(overview.customers)} />
            <Stat label="Active in 30 days" value={formatCount(overview.activeCustomers30d)} />
            <Stat label="Events this month" value={formatCount(overview.eventsThisMonth)} />
            <Stat label="Sales this month" value={formatMoney(overview.revenueThisMonth, currency)} hint={countOf(overview.purchasesThisMonth, NOUNS.purchase)} />
          </div>
          <Card>
            <DailyActivityChart data={overview.daily} />
          </Card>
        </div>
      )}
    </>
  );
}
