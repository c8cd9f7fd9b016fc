import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

// The ONE chart frame: every chart in the dashboard sits in it, so each has a title, an empty
// state, a sentence for screen readers (the drawing itself is aria-hidden) and the same spacing.
// Axis units and tooltips come from the pure formatters in lib/reports/chart-format.ts; time
// series arrive zero-filled in the merchant's zone (lib/reports/chart-data.ts).

export interface ChartFrameProps {
  title: string;
  /** Under the title: what is counted and in which unit, e.g. "Events per day, Jan 2025". */
  description?: ReactNode;
  /** What a screen reader hears instead of the chart (see seriesSummary). */
  summary: string;
  /** Nothing to draw: the frame shows `emptyMessage` instead of an empty grid. */
  empty: boolean;
  emptyMessage?: ReactNode;
  /** Tailwind height of the drawing area. */
  heightClass?: string;
  /** A legend or a key figure beside the title. */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function ChartFrame({ title, description, summary, empty, emptyMessage = "No data for this period yet.", heightClass = "h-64", aside, children, className, testId }: ChartFrameProps) {
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <figure aria-labelledby={`${id}-title`} data-testid={testId ?? id} className={cn("chart-frame min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5", className)}>
      <figcaption className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <span>
          <span id={`${id}-title`} className="block text-base font-semibold">{title}</span>
          {description && <span className="mt-0.5 block text-sm text-stone-600">{description}</span>}
        </span>
        {!empty && aside}
      </figcaption>
      {empty ? (
        <p className={cn("flex items-center justify-center rounded-lg bg-stone-50 px-4 text-center text-sm text-stone-500", heightClass)} data-empty="true">
          {emptyMessage}
        </p>
      ) : (
        <div className={cn("w-full", heightClass)} role="img" aria-label={summary}>
          <div aria-hidden="true" className="h-full w-full">{children}</div>
        </div>
      )}
    </figure>
  );
}

/** A colour swatch and its label, for legends drawn outside the chart. */
export function LegendItem({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-stone-600">
      <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: color }} aria-hidden="true" />
      {label}
    </span>
  );
}

/** The palette every chart uses, so a type has the same colour everywhere. */
export const CHART_COLORS = {
  purchase: "#ea580c",
  visit: "#0f766e",
  check_in: "#2563eb",
  redemption: "#a21caf",
  other: "#a8a29e",
  revenue: "#ea580c",
  count: "#1c1917",
  installed: "#0f766e",
  registered: "#2563eb",
  removed: "#dc2626",
  grid: "#e7e5e4",
} as const;
