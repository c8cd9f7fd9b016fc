// A segment's size over the last days (daily snapshots), as a tiny inline line. Too small for the
// chart frame's axes and legend; it carries an accessible summary instead.
import { formatCount } from "@/lib/format";

export function SizeSparkline({ points }: { points: { day: string; count: number }[] }) {
  if (points.length < 2) return <span className="text-xs text-stone-400">{points.length ? "1 day so far" : "no history yet"}</span>;
  const w = 96;
  const h = 24;
  const max = Math.max(...points.map((p) => p.count), 1);
  const min = Math.min(...points.map((p) => p.count));
  const span = Math.max(max - min, 1);
  const path = points.map((p, i) => `${((i / (points.length - 1)) * w).toFixed(1)},${(h - 2 - ((p.count - min) / span) * (h - 4)).toFixed(1)}`).join(" ");
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Size from ${formatCount(first.count)} on ${first.day} to ${formatCount(last.count)} on ${last.day}`}>
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="1.5" className="text-brand-600" />
    </svg>
  );
}
