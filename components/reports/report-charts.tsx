"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, CHART_COLORS, LegendItem } from "@/components/ui/chart-frame";
import { STACKED_TYPES, type DayRow, type MonthTrendRow, type ReturnDistribution } from "@/lib/reports/chart-data";
import { axisCount, axisMoney, count, dayLong, dayTick, isEmptySeries, money, monthLong, monthTick, percent, seriesSummary } from "@/lib/reports/chart-format";

const TYPE_LABELS: Record<(typeof STACKED_TYPES)[number], string> = { purchase: "Purchases", visit: "Visits", check_in: "Check-ins", redemption: "Redemptions", other: "Other" };
const tick = { fontSize: 12, fill: "#57534e" };
const yLabel = (value: string) => ({ value, angle: -90, position: "insideLeft" as const, offset: 4, style: { fontSize: 12, fill: "#78716c", textAnchor: "middle" as const } });
const xLabel = (value: string) => ({ value, position: "insideBottom" as const, offset: -10, style: { fontSize: 12, fill: "#78716c" } });
const MARGIN = { top: 8, right: 8, bottom: 20, left: 12 };

export function DailyEventsChart({ data, monthName }: { data: DayRow[]; monthName: string }) {
  return (
    <ChartFrame
      title="Events per day"
      description={`${monthName}, by type; days in your time zone`}
      summary={seriesSummary(`Events per day in ${monthName}`, data, (d) => d.total, (d) => dayTick(d.day))}
      empty={isEmptySeries(data, (d) => d.total)}
      emptyMessage={`No events in ${monthName}.`}
      aside={<span className="flex flex-wrap gap-3">{STACKED_TYPES.map((t) => <LegendItem key={t} color={CHART_COLORS[t]} label={TYPE_LABELS[t]} />)}</span>}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={dayTick} tick={tick} minTickGap={12} label={xLabel("Day")} />
          <YAxis tick={tick} tickFormatter={axisCount} allowDecimals={false} width={56} label={yLabel("Events")} />
          <Tooltip separator=": " labelFormatter={(l) => dayLong(String(l))} formatter={(v, name) => [count(Number(v)), String(name)]} />
          {STACKED_TYPES.map((t) => <Bar key={t} dataKey={t} name={TYPE_LABELS[t]} stackId="events" fill={CHART_COLORS[t]} isAnimationActive={false} />)}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function RevenueTrendChart({ data, currency }: { data: MonthTrendRow[]; currency: string }) {
  const rows = data.map((d) => ({ ...d, revenueValue: Number(d.revenue) }));
  return (
    <ChartFrame
      title="Revenue and purchases"
      description={`Last 12 months; revenue in ${currency}`}
      summary={seriesSummary("Revenue per month, last 12 months", rows, (d) => d.revenueValue, (d) => monthLong(d.month), (n) => money(n.toFixed(2), currency))}
      empty={isEmptySeries(rows, (d) => d.purchases)}
      emptyMessage="No purchases in these 12 months."
      aside={<span className="flex gap-3"><LegendItem color={CHART_COLORS.revenue} label={`Revenue (${currency})`} /><LegendItem color={CHART_COLORS.count} label="Purchases" /></span>}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="month" tickFormatter={monthTick} tick={tick} minTickGap={8} label={xLabel("Month")} />
          <YAxis yAxisId="money" tick={tick} tickFormatter={axisMoney(currency)} width={64} label={yLabel(`Revenue (${currency})`)} />
          <YAxis yAxisId="count" orientation="right" tick={tick} tickFormatter={axisCount} allowDecimals={false} width={56}
            label={{ value: "Purchases", angle: 90, position: "insideRight", offset: 4, style: { fontSize: 12, fill: "#78716c", textAnchor: "middle" } }} />
          <Tooltip
            separator=": "
            labelFormatter={(l) => monthLong(String(l))}
            formatter={(v, name, item) => [name === "Revenue" ? money((item.payload as MonthTrendRow).revenue, currency) : count(Number(v)), String(name)]}
          />
          <Bar yAxisId="money" dataKey="revenueValue" name="Revenue" fill={CHART_COLORS.revenue} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line yAxisId="count" dataKey="purchases" name="Purchases" stroke={CHART_COLORS.count} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function AveragePurchaseChart({ data, currency }: { data: MonthTrendRow[]; currency: string }) {
  const rows = data.map((d) => ({ ...d, average: d.averagePurchase === null ? null : Number(d.averagePurchase) }));
  return (
    <ChartFrame
      title="Average purchase"
      description={`Revenue ÷ purchases per month, in ${currency}`}
      summary={seriesSummary("Average purchase per month", rows, (d) => d.average ?? 0, (d) => monthLong(d.month), (n) => money(n.toFixed(2), currency), false)}
      empty={rows.every((d) => d.average === null)}
      emptyMessage="No purchases in these 12 months."
      heightClass="h-56"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ ...MARGIN, right: 16 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="month" tickFormatter={monthTick} tick={tick} minTickGap={8} label={xLabel("Month")} />
          <YAxis tick={tick} tickFormatter={axisMoney(currency)} width={64} label={yLabel(`Average (${currency})`)} />
          <Tooltip separator=": " labelFormatter={(l) => monthLong(String(l))} formatter={(_v, name, item) => [money((item.payload as MonthTrendRow).averagePurchase, currency), String(name)]} />
          <Line dataKey="average" name="Average purchase" stroke={CHART_COLORS.revenue} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function PassFunnelChart({ data }: { data: MonthTrendRow[] }) {
  return (
    <ChartFrame
      title="Pass funnel"
      description="Passes installed → registered → removed, per month"
      summary={seriesSummary("Passes installed per month", data, (d) => d.installed, (d) => monthLong(d.month))}
      empty={isEmptySeries(data, (d) => d.installed + d.registered + d.removed)}
      emptyMessage="No pass installs, registrations or removals in these 12 months."
      heightClass="h-56"
      aside={<span className="flex gap-3"><LegendItem color={CHART_COLORS.installed} label="Installed" /><LegendItem color={CHART_COLORS.registered} label="Registered" /><LegendItem color={CHART_COLORS.removed} label="Removed" /></span>}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="month" tickFormatter={monthTick} tick={tick} minTickGap={8} label={xLabel("Month")} />
          <YAxis tick={tick} tickFormatter={axisCount} allowDecimals={false} width={56} label={yLabel("Passes")} />
          <Tooltip separator=": " labelFormatter={(l) => monthLong(String(l))} formatter={(v, name) => [count(Number(v)), String(name)]} />
          <Bar dataKey="installed" name="Installed" fill={CHART_COLORS.installed} isAnimationActive={false} />
          <Bar dataKey="registered" name="Registered" fill={CHART_COLORS.registered} isAnimationActive={false} />
          <Bar dataKey="removed" name="Removed" fill={CHART_COLORS.removed} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function ReturnIntervalsChart({ data, monthName }: { data: ReturnDistribution; monthName: string }) {
  const share = percent(data.within30, data.customers);
  return (
    <ChartFrame
      title="How often customers return"
      description={`Days since the customer's previous visit or purchase, for visits in ${monthName}`}
      summary={`${seriesSummary("Returns by days since the previous visit", data.buckets, (b) => b.returns, (b) => b.label)} ${share} of the month's ${count(data.customers)} visiting customers came back within 30 days.`}
      empty={isEmptySeries(data.buckets, (b) => b.returns)}
      emptyMessage={`No returning visits in ${monthName}.`}
      heightClass="h-56"
      aside={<span className="text-sm"><strong className="tabular-nums">{share}</strong> came back within 30 days</span>}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.buckets} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="label" tick={{ ...tick, fontSize: 11 }} interval="preserveStartEnd" label={xLabel("Days since previous visit")} />
          <YAxis tick={tick} tickFormatter={axisCount} allowDecimals={false} width={56} label={yLabel("Returns")} />
          <Tooltip separator=": " formatter={(v) => [count(Number(v)), "Returns"]} />
          <Bar dataKey="returns" name="Returns" fill={CHART_COLORS.visit} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
