import { ChartFrame } from "@/components/ui/chart-frame";
import type { HeatGrid } from "@/lib/reports/chart-data";
import { count, heatLevel, hourLabel, WEEKDAYS } from "@/lib/reports/chart-format";

// Day of week × hour of day, as a grid of cells (Recharts has no heat map; the frame is the same).
export function BusiestTimes({ title, grid, monthName, color }: { title: string; grid: HeatGrid; monthName: string; color: string }) {
  const max = Math.max(0, ...grid.flat());
  const total = grid.flat().reduce((a, b) => a + b, 0);
  let best = { day: 0, hour: 0, value: -1 };
  grid.forEach((row, day) => row.forEach((value, hour) => { if (value > best.value) best = { day, hour, value }; }));
  // Only the hours that ever have something, so a shop's closed night does not take the width.
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => grid.some((row) => (row[h] ?? 0) > 0));
  const label = title.toLowerCase();
  return (
    <ChartFrame
      title={`Busiest times: ${label}`}
      description={`${monthName}, weekday × hour in your time zone`}
      summary={total === 0 ? `No ${label} in ${monthName}.` : `${count(total)} ${label}; busiest ${WEEKDAYS[best.day]} ${hourLabel(best.hour)} with ${count(best.value)}.`}
      empty={total === 0}
      emptyMessage={`No ${label} in ${monthName}.`}
      heightClass={total === 0 ? "h-40" : "h-auto"}
    >
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-0.5 text-[11px]">
          <thead>
            <tr>
              <th className="w-9" />
              {hours.map((h) => <th key={h} className="font-normal text-stone-500">{h % 3 === 0 || hours.length <= 12 ? hourLabel(h).replace(" ", "") : ""}</th>)}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, day) => (
              <tr key={day}>
                <th className="pr-1 text-left font-normal text-stone-500">{WEEKDAYS[day]}</th>
                {hours.map((h) => {
                  const value = row[h] ?? 0;
                  return (
                    <td key={h} title={`${WEEKDAYS[day]} ${hourLabel(h)}: ${count(value)}`} className="h-6 min-w-4 rounded-sm"
                      style={{ backgroundColor: value === 0 ? "#f5f5f4" : color, opacity: value === 0 ? 1 : 0.15 + 0.85 * heatLevel(value, max) }} />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
