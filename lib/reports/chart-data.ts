// Pure shaping of report chart data: zero-filled buckets in the merchant's calendar, so a day or
// month without events is a bar of zero, never a missing bar. Shared by the rollup readers and
// the direct references.
import { EVENT_TYPES } from "@/lib/events/registry";
import { monthDays, monthsEndingWith } from "./month";

export const STACKED_TYPES = ["purchase", "visit", "check_in", "redemption", "other"] as const;
export type StackedType = (typeof STACKED_TYPES)[number];
export type DayRow = { day: string; total: number } & Record<StackedType, number>;

/** Events per day of the month stacked by type: every day of the month, zero days included. */
export function fillDays(month: string, rows: { day: string; type: string; count: number }[]): DayRow[] {
  const byDay = new Map<string, DayRow>(monthDays(month).map((day) => [day, { day, total: 0, purchase: 0, visit: 0, check_in: 0, redemption: 0, other: 0 }]));
  for (const r of rows) {
    const row = byDay.get(r.day);
    if (!row) continue;
    const key: StackedType = (STACKED_TYPES as readonly string[]).includes(r.type) ? (r.type as StackedType) : "other";
    row[key] += r.count;
    row.total += r.count;
  }
  return [...byDay.values()];
}

/** Zero-filled days for a range of local dates (inclusive), for the Overview's 30 days. */
export function fillDayRange(days: string[], rows: { day: string; events: number }[]): { day: string; events: number }[] {
  const counts = new Map(rows.map((r) => [r.day, r.events]));
  return days.map((day) => ({ day, events: counts.get(day) ?? 0 }));
}

/** The `n` local dates ending with `today` ("YYYY-MM-DD"), oldest first: plain date arithmetic. */
export function lastLocalDays(today: string, n: number): string[] {
  const [y, m, d] = today.split("-").map(Number);
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - (n - 1 - i))).toISOString().slice(0, 10));
}

export interface MonthTrendRow {
  month: string;
  purchases: number;
  revenue: string;
  /** null when the month had no purchases. */
  averagePurchase: string | null;
  installed: number;
  registered: number;
  removed: number;
}

/** Twelve months (oldest first) ending with `last`, zero-filled. Money stays a decimal string. */
export function fillMonths(last: string, count: number, rows: { month: string; type: string; count: number; amount: string }[]): MonthTrendRow[] {
  const byMonth = new Map<string, { purchases: number; cents: bigint; installed: number; registered: number; removed: number }>(
    monthsEndingWith(last, count).map((m) => [m, { purchases: 0, cents: BigInt(0), installed: 0, registered: 0, removed: 0 }]),
  );
  for (const r of rows) {
    const m = byMonth.get(r.month);
    if (!m) continue;
    if (r.type === "purchase") {
      m.purchases += r.count;
      m.cents += toCentsBig(r.amount);
    }
    if (r.type === "pass_installed") m.installed += r.count;
    if (r.type === "pass_registered") m.registered += r.count;
    if (r.type === "pass_uninstalled") m.removed += r.count;
  }
  return [...byMonth.entries()].map(([month, m]) => ({
    month,
    purchases: m.purchases,
    revenue: centsToString(m.cents),
    averagePurchase: m.purchases > 0 ? centsToString(divideHalfUp(m.cents, BigInt(m.purchases))) : null,
    installed: m.installed,
    registered: m.registered,
    removed: m.removed,
  }));
}

function toCentsBig(amount: string): bigint {
  const [whole, frac = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole || "0") * BigInt(100) + BigInt((frac + "00").slice(0, 2));
  return amount.startsWith("-") ? -cents : cents;
}

function centsToString(cents: bigint): string {
  const negative = cents < BigInt(0);
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / BigInt(100)}.${String(abs % BigInt(100)).padStart(2, "0")}`;
}

function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * BigInt(2) + b) / (b * BigInt(2));
}

/** 7 × 24 counts, Monday first, hours 0–23 local. */
export type HeatGrid = number[][];

export function fillHeatGrid(rows: { isoWeekday: number; hour: number; count: number }[]): HeatGrid {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const r of rows) {
    const row = grid[r.isoWeekday - 1];
    if (row && r.hour >= 0 && r.hour < 24) row[r.hour] = (row[r.hour] ?? 0) + r.count;
  }
  return grid;
}

/** Days between a customer's consecutive visit days, bucketed. */
export const RETURN_BUCKETS = [
  { label: "1 day", max: 1 }, { label: "2–3 days", max: 3 }, { label: "4–7 days", max: 7 }, { label: "8–14 days", max: 14 },
  { label: "15–30 days", max: 30 }, { label: "31–60 days", max: 60 }, { label: "61–90 days", max: 90 }, { label: "over 90 days", max: Infinity },
] as const;

export function bucketOf(gapDays: number): number {
  return RETURN_BUCKETS.findIndex((b) => gapDays <= b.max);
}

export interface ReturnDistribution {
  buckets: { label: string; returns: number }[];
  /** Customers with a visit or purchase in the month. */
  customers: number;
  /** Of those, customers who came back within 30 days of a previous visit day. */
  within30: number;
}

export function fillReturns(rows: { bucket: number; returns: number }[], customers: number, within30: number): ReturnDistribution {
  const buckets = RETURN_BUCKETS.map((b) => ({ label: b.label, returns: 0 }));
  for (const r of rows) {
    const b = buckets[r.bucket];
    if (b) b.returns += r.returns;
  }
  return { buckets, customers, within30 };
}

export const ALL_TYPES = EVENT_TYPES;
