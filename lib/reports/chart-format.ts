// Pure formatters for the one chart frame (components/ui/chart-frame.tsx): axis ticks with units
// and the merchant's currency, tooltips ("Events: 73"), and the sentence a screen reader hears.
// No React, no Recharts: unit-tested on their own.

const compactNumber = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const fullNumber = new Intl.NumberFormat("en-US");

/** Axis tick for counts: 0, 950, 1.2K, 12K. Whole numbers only. */
export function axisCount(value: number): string {
  return Math.abs(value) < 1000 ? fullNumber.format(Math.round(value)) : compactNumber.format(value);
}

/** Axis tick for money in the merchant's currency: $0, $950, $1.2K. */
export function axisMoney(currency: string): (value: number) => string {
  const small = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return (value: number) => (Math.abs(value) < 1000 ? small.format(value) : compact.format(value));
}

/** Exact money for tooltips and tables, from a decimal string: "$1,234.50". */
export function money(amount: string | number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return "—";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount as Intl.StringNumericLiteral | number);
}

/** A count for tooltips and tables: "12,450". */
export function count(value: number): string {
  return fullNumber.format(value);
}

/** A tooltip line, the way people read it: "Events: 73". */
export function tooltipLine(label: string, value: string): string {
  return `${label}: ${value}`;
}

/** "2025-01-15" → "Jan 15". */
export function dayTick(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "2025-01-15" → "Wed, Jan 15, 2025" for tooltips. */
export function dayLong(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

/** "2025-01" → "Jan 25" on axes (the year keeps twelve months unambiguous). */
export function monthTick(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" }).replace(" ", " ’");
}

/** "2025-01" → "January 2025" for tooltips. */
export function monthLong(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** 0 → "12 am", 13 → "1 pm". */
export function hourLabel(hour: number): string {
  const h = ((hour % 24) + 24) % 24;
  return `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "am" : "pm"}`;
}

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** ISO weekday 1–7 → "Mon" … "Sun". */
export function weekdayLabel(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? "";
}

/** Whether a series has nothing to draw (no points, or every value zero). */
export function isEmptySeries<T>(rows: T[], value: (row: T) => number): boolean {
  return rows.every((r) => value(r) === 0);
}

/** "…: total 12,450; highest Jan 15 with 512." — what a screen reader hears instead of bars (no total for averages). */
export function seriesSummary<T>(title: string, rows: T[], value: (row: T) => number, label: (row: T) => string, format: (n: number) => string = count, withTotal = true): string {
  if (isEmptySeries(rows, value)) return `${title}: no data.`;
  let best = rows[0] as T;
  let total = 0;
  for (const r of rows) {
    total += value(r);
    if (value(r) > value(best)) best = r;
  }
  return `${title}: ${withTotal ? `total ${format(total)}; ` : ""}highest ${label(best)} with ${format(value(best))}.`;
}

/** A share as "64%" (one decimal below 10%). */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "—";
  const p = (part / whole) * 100;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}

/** 0–1 intensity of a heat-map cell, on a square-root scale so quiet hours still show. */
export function heatLevel(value: number, max: number): number {
  return max <= 0 ? 0 : Math.sqrt(value / max);
}
