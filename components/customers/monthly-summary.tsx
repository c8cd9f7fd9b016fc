"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CustomerMonth } from "@/lib/customers/profile";
import { ChartFrame, CHART_COLORS } from "@/components/ui/chart-frame";
import { axisMoney, count, isEmptySeries, money, monthLong, monthTick, seriesSummary } from "@/lib/reports/chart-format";

/**
 * Last 12 months for one customer, oldest first in both the chart and the table beneath it (one
 * order): the chart draws spend in the merchant's currency, the table holds the exact numbers.
 */
export function MonthlySummary({ months, currency }: { months: CustomerMonth[]; currency: string }) {
  const chart = months.map((m) => ({ month: m.month, spend: Number(m.spend), exact: m.spend }));
  const empty = isEmptySeries(months, (m) => m.events);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFrame
        title="Spend per month"
        description={`Last 12 months, in ${currency}`}
        summary={seriesSummary("Spend per month, last 12 months", chart, (m) => m.spend, (m) => monthLong(m.month), (n) => money(n.toFixed(2), currency))}
        empty={empty}
        emptyMessage="No activity in the last 12 months."
        heightClass="h-56"
        className="border-0 p-0 shadow-none sm:p-0"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 20, left: 12 }}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
            <XAxis dataKey="month" tickFormatter={monthTick} tick={{ fontSize: 12 }} minTickGap={8} label={{ value: "Month", position: "insideBottom", offset: -10, style: { fontSize: 12, fill: "#78716c" } }} />
            <YAxis tick={{ fontSize: 12 }} tickFormatter={axisMoney(currency)} width={60} label={{ value: `Spend (${currency})`, angle: -90, position: "insideLeft", offset: 4, style: { fontSize: 12, fill: "#78716c", textAnchor: "middle" } }} />
            <Tooltip separator=": " labelFormatter={(m) => monthLong(String(m))} formatter={(_v, _n, item) => [money((item.payload as { exact: string }).exact, currency), "Spend"]} />
            <Bar dataKey="spend" name="Spend" fill={CHART_COLORS.revenue} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      {!empty && (
        <div className="overflow-x-auto">
          <table className="w-full text-right text-sm tabular-nums">
            <caption className="sr-only">Activity per month, oldest first</caption>
            <thead className="text-stone-600">
              <tr>
                <th scope="col" className="py-1 pr-2 text-left font-medium">Month</th>
                <th scope="col" className="px-2 py-1 font-medium">Events</th>
                <th scope="col" className="px-2 py-1 font-medium">Purchases</th>
                <th scope="col" className="px-2 py-1 font-medium">Spend ({currency})</th>
                <th scope="col" className="px-2 py-1 font-medium">Visits</th>
                <th scope="col" className="py-1 pl-2 font-medium">Redemptions</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className={m.events === 0 ? "border-t border-stone-100 text-stone-400" : "border-t border-stone-100"}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{monthLong(m.month)}</th>
                  <td className="px-2 py-1">{count(m.events)}</td>
                  <td className="px-2 py-1">{count(m.purchases)}</td>
                  <td className="px-2 py-1">{money(m.spend, currency)}</td>
                  <td className="px-2 py-1">{count(m.visits)}</td>
                  <td className="py-1 pl-2">{count(m.redemptions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
