// Report months as the merchant names them ("2025-01"): validation, labels and lists on top of the
// shared calendar helpers in lib/time (which month "now" is and when a month starts, in the
// merchant's zone).
import { localMonth, monthRange, shiftMonth } from "@/lib/time";

export type ReportMonth = `${number}-${number}`;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2025-01" → { year: 2025, month: 1 }; null for anything else. */
export function parseMonth(value: unknown): { year: number; month: number } | null {
  if (typeof value !== "string") return null;
  const match = MONTH.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1970 || year > 2999) return null;
  return { year, month: Number(match[2]) };
}

export function formatMonthKey(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): string {
  if (!parseMonth(month)) throw new RangeError(`Not a month: ${month}`);
  return shiftMonth(month, n);
}

/** The first day of the month as a date ("2025-01-01"), as the rollups key months. */
export function monthStartDay(month: string): string {
  if (!parseMonth(month)) throw new RangeError(`Not a month: ${month}`);
  return `${month}-01`;
}

/** The number of days in the month. */
export function daysInMonth(month: string): number {
  const p = parseMonth(month);
  if (!p) throw new RangeError(`Not a month: ${month}`);
  return new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
}

/** Every day of the month, "2025-01-01" … "2025-01-31". */
export function monthDays(month: string): string[] {
  return Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** "2025-01" → "January 2025". */
export function monthLabel(month: string, style: "long" | "short" = "long"): string {
  const p = parseMonth(month);
  if (!p) return month;
  return new Date(Date.UTC(p.year, p.month - 1, 1)).toLocaleDateString("en-US", { month: style, year: "numeric", timeZone: "UTC" });
}

/** The merchant-local month an instant falls in. */
export function monthOf(instant: Date, timeZone: string): string {
  return localMonth(instant, timeZone);
}

/** The instants a merchant-local month starts and ends (the next one starts). */
export function monthInstants(month: string, timeZone: string): { start: Date; end: Date } {
  if (!parseMonth(month)) throw new RangeError(`Not a month: ${month}`);
  return monthRange(month, timeZone);
}
