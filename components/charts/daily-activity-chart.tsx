"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, CHART_COLORS } from "@/components/ui/chart-frame";
import { axisCount, count, dayLong, dayTick, isEmptySeries, seriesSummary } from "@/lib/reports/chart-format";

/** The Overview's last 30 days: every day a bar (zero days too), through the one chart frame. */
export function DailyActivityChart({ data }: { data: { day: string; events: number }[] }) {
  return (
    <ChartFrame
      title="Events per day, last 30 days"
      description="Days in your time zone, today last"
      summary={seriesSummary("Events per day, last 30 days", data, (d) => d.events, (d) => dayTick(d.day))}
      empty={isEmptySeries(data, (d) => d.events)}
      emptyMessage="No activity in the last 30 days yet."
      heightClass="h-56"
      className="border-0 p-0 shadow-none sm:p-0"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 20, left: 12 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={dayTick} tick={{ fontSize: 12 }} minTickGap={16} label={{ value: "Day", position: "insideBottom", offset: -10, style: { fontSize: 12, fill: "#78716c" } }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={axisCount} allowDecimals={false} width={52} label={{ value: "Events", angle: -90, position: "insideLeft", offset: 4, style: { fontSize: 12, fill: "#78716c", textAnchor: "middle" } }} />
          <Tooltip separator=": " labelFormatter={(label) => dayLong(String(label))} formatter={(value) => [count(Number(value)), "Events"]} />
          <Bar dataKey="events" name="Events" fill={CHART_COLORS.purchase} radius={[3, 3, 0, 0]} minPointSize={0} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
