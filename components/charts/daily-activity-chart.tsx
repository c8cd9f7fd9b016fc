"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatDayShort } from "@/lib/format";

export function DailyActivityChart({ data }: { data: { day: string; events: number }[] }) {
  if (data.length === 0) {
    return <p className="py-10 text-center text-sm text-stone-500">No activity in the last 30 days yet.</p>;
  }
  return (
    <div className="h-56 w-full" role="img" aria-label="Events per day, last 30 days">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="day" tickFormatter={formatDayShort} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip labelFormatter={(label) => formatDayShort(String(label))} formatter={(value) => [formatCount(Number(value)), "Events"]} />
          <Bar dataKey="events" fill="#ea580c" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
