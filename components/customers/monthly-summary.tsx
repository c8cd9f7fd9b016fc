"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CustomerMonth } from "@/lib/customers/profile";
import { monthLabel } from "@/lib/customers/display";
import { formatCount, formatMoney } from "@/lib/format";

/** Last 12 months for one customer: a spend chart and the exact numbers as a table beneath. */
export function MonthlySummary({ months, currency }: { months: CustomerMonth[]; currency: string }) {
  const active = months.filter((m) => m.events > 0);
  if (active.length === 0) return <p className="py-6 text-center text-sm text-stone-500">No activity in the last 12 months.</p>;
  const chart = months.map((m) => ({ month: m.month, spend: Number(m.spend), events: m.events }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="h-56 w-full" role="img" aria-label="Spend per month, last 12 months">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e4" />
            <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, "MMM")} tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
            <Tooltip labelFormatter={(m) => monthLabel(String(m))} formatter={(value, name) => (name === "spend" ? [formatMoney(String(value), currency), "Spend"] : [formatCount(Number(value)), "Events"])} />
            <Bar dataKey="spend" fill="#ea580c" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-right text-sm tabular-nums">
          <caption className="sr-only">Activity per month</caption>
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-2 text-left font-medium">Month</th>
              <th scope="col" className="px-2 py-1 font-medium">Events</th>
              <th scope="col" className="px-2 py-1 font-medium">Purchases</th>
              <th scope="col" className="px-2 py-1 font-medium">Spend</th>
              <th scope="col" className="px-2 py-1 font-medium">Visits</th>
              <th scope="col" className="py-1 pl-2 font-medium">Redemptions</th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((m) => (
              <tr key={m.month} className={m.events === 0 ? "border-t border-stone-100 text-stone-400" : "border-t border-stone-100"}>
                <th scope="row" className="py-1 pr-2 text-left font-normal">{monthLabel(m.month)}</th>
                <td className="px-2 py-1">{formatCount(m.events)}</td>
                <td className="px-2 py-1">{formatCount(m.purchases)}</td>
                <td className="px-2 py-1">{formatMoney(m.spend, currency)}</td>
                <td className="px-2 py-1">{formatCount(m.visits)}</td>
                <td className="py-1 pl-2">{formatCount(m.redemptions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
