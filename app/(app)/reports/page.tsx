import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/lib/auth/session";
import { compare, type MonthlyFigures } from "@/lib/reports/figures";
import { count, money } from "@/lib/reports/chart-format";
import { addMonths, monthLabel, monthsEndingWith } from "@/lib/reports/month";
import { reportSelection, reportsPageData } from "@/lib/reports/page-data";
import { EVENT_REGISTRY, type EventType } from "@/lib/events/registry";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { CHART_COLORS } from "@/components/ui/chart-frame";
import { BusiestTimes } from "@/components/reports/busiest-times";
import { AveragePurchaseChart, DailyEventsChart, PassFunnelChart, ReturnIntervalsChart, RevenueTrendChart } from "@/components/reports/report-charts";
import { PrintButton, ReportFilters } from "@/components/reports/report-filters";
import "./print.css";

export const metadata: Metadata = { title: "Reports" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const context = await requirePageContext("manager");
  const raw = await searchParams;
  const selection = await reportSelection(context, { month: one(raw.month), location: one(raw.location) });
  const data = await reportsPageData(context, selection);
  const { summary, firstMonth } = data;
  const { currency } = context.merchant;
  const name = monthLabel(selection.month);
  const isCurrent = selection.month === selection.currentMonth;
  const beforeHistory = firstMonth === null || selection.month < firstMonth;
  const oldest = firstMonth && firstMonth < addMonths(selection.currentMonth, -35) ? firstMonth : addMonths(selection.currentMonth, -35);
  const monthCount = Math.max(1, monthsBetween(oldest, selection.currentMonth) + 1);
  const months = monthsEndingWith(selection.currentMonth, monthCount).reverse().map((m) => ({ value: m, label: m === selection.currentMonth ? `${monthLabel(m)} (so far)` : monthLabel(m) }));
  // A month older than the list (say, from a bookmark) is still shown as the one selected.
  if (!months.some((m) => m.value === selection.month)) months.push({ value: selection.month, label: monthLabel(selection.month) });
  const query = new URLSearchParams({ month: selection.month, ...(selection.location ? { location: selection.location.name } : {}) });

  return (
    <div className="report-page space-y-5">
      <PageHeader
        title={`${name} Summary`}
        description={
          <>
            {selection.location ? `${selection.location.name}` : "All locations"} · {context.merchant.timeZone.replace(/_/g, " ")} time
            {isCurrent && <strong className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-900">so far this month</strong>}
          </>
        }
        actions={
          <span className="no-print flex flex-wrap gap-2">
            <a href={`/reports/export?${query}`} className={buttonClass("secondary")} download>Export CSV</a>
            <PrintButton />
          </span>
        }
      />
      <ReportFilters months={months} month={selection.month} locations={data.locations} location={selection.location?.name ?? null} />

      {beforeHistory && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {firstMonth
            ? <>No events yet in {name}: your history starts in <Link className="underline" href={`/reports?month=${firstMonth}`}>{monthLabel(firstMonth)}</Link>.</>
            : <>No events recorded yet. Figures appear here as soon as the first event is recorded.</>}
        </p>
      )}

      <div className="report-top grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card title={`${name} at a glance`}>
          <SummaryList current={summary} previous={summary.previous} currency={currency} previousName={monthLabel(data.previousMonth)} />
        </Card>
        <Card title="Events by type">
          <ByType current={summary.byType} previous={summary.previous.byType} />
        </Card>
      </div>

      <div className="report-charts grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2"><DailyEventsChart data={data.days} monthName={name} /></div>
        <RevenueTrendChart data={data.trend} currency={currency} />
        <AveragePurchaseChart data={data.trend} currency={currency} />
        <BusiestTimes title="Visits" grid={data.heat.visits} monthName={name} color={CHART_COLORS.visit} />
        <BusiestTimes title="Purchases" grid={data.heat.purchases} monthName={name} color={CHART_COLORS.purchase} />
        <ReturnIntervalsChart data={data.returns} monthName={name} />
        <PassFunnelChart data={data.trend} />
      </div>

      <Card title={`Top customers by spend, ${name}`}>
        {data.top.length === 0 ? (
          <p className="py-6 text-center text-sm text-stone-500">No purchases in {name}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-stone-600">
                <tr><th className="py-2 pr-3 font-medium">#</th><th className="py-2 pr-3 font-medium">Customer</th><th className="py-2 pr-3 text-right font-medium">Purchases</th><th className="py-2 text-right font-medium">Spend</th></tr>
              </thead>
              <tbody>
                {data.top.map((c, i) => (
                  <tr key={c.id} className="border-t border-stone-100">
                    <td className="py-2 pr-3 tabular-nums text-stone-500">{i + 1}</td>
                    <td className="py-2 pr-3"><Link href={`/customers/${c.id}`} className="font-medium underline-offset-2 hover:underline">{c.name ?? c.passSerial}</Link></td>
                    <td className="py-2 pr-3 text-right tabular-nums">{count(c.purchases)}</td>
                    <td className="py-2 text-right tabular-nums">{money(c.spend, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0));
}

const LINES: { key: keyof MonthlyFigures; label: string; money?: boolean }[] = [
  { key: "totalEvents", label: "Total Events" },
  { key: "purchases", label: "Purchases" },
  { key: "revenue", label: "Total Revenue", money: true },
  { key: "averagePurchase", label: "Average Purchase", money: true },
  { key: "visits", label: "Visits" },
  { key: "checkIns", label: "Check-ins" },
  { key: "redemptions", label: "Redemptions" },
  { key: "activeCustomers", label: "Active Customers" },
  { key: "newCustomers", label: "New Customers" },
  { key: "returningCustomers", label: "Returning Customers" },
  { key: "pointsIssued", label: "Points Issued" },
  { key: "pointsRedeemed", label: "Points Redeemed" },
];

function SummaryList({ current, previous, currency, previousName }: { current: MonthlyFigures; previous: MonthlyFigures; currency: string; previousName: string }) {
  return (
    <dl className="grid gap-x-8 sm:grid-cols-2" data-testid="monthly-summary">
      {LINES.map(({ key, label, money: isMoney }) => {
        const value = current[key] as number | string | null;
        const before = previous[key] as number | string | null;
        const change = compare(value, before);
        const shown = value === null ? "none" : isMoney ? money(String(value), currency) : count(Number(value));
        return (
          <div key={key} className="flex items-baseline justify-between gap-3 border-b border-stone-100 py-1.5">
            <dt className="text-stone-700">{label}:</dt>
            <dd className="flex items-baseline gap-2">
              <span className="font-semibold tabular-nums" data-testid={`summary-${key}`}>{shown}</span>
              {change.label && (
                <span title={`${previousName}: ${before === null ? "none" : isMoney ? money(String(before), currency) : count(Number(before))}`}
                  className={`w-12 text-right text-xs tabular-nums ${change.kind === "new" ? "text-stone-500" : change.kind === "percent" && change.value < 0 ? "text-red-700" : "text-emerald-700"}`}>
                  {change.label}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ByType({ current, previous }: { current: Record<string, number>; previous: Record<string, number> }) {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])].filter((k) => (current[k] ?? 0) > 0 || (previous[k] ?? 0) > 0).sort((a, b) => (current[b] ?? 0) - (current[a] ?? 0));
  if (keys.length === 0) return <p className="py-6 text-center text-sm text-stone-500">No events in this month.</p>;
  return (
    <table className="w-full text-sm">
      <tbody>
        {keys.map((k) => {
          const change = compare(current[k] ?? 0, previous[k] ?? 0);
          return (
            <tr key={k} className="border-b border-stone-100">
              <td className="py-1.5 pr-2">{k.startsWith("custom:") ? k.slice(7) : EVENT_REGISTRY[k as EventType]?.label ?? k}</td>
              <td className="py-1.5 text-right font-medium tabular-nums">{count(current[k] ?? 0)}</td>
              <td className="w-12 py-1.5 text-right text-xs tabular-nums text-stone-500">{change.label}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
