// Calendar arithmetic in the merchant's time zone. Every "day", "month" or "last 30 days" a
// merchant sees is computed here, never in the server's zone or UTC.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfDay, startOfMonth, subDays, subMonths, subWeeks } from "date-fns";

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

/** The instant the local month containing `instant` starts, and the next month's start. */
export function localMonthRange(instant: Date, timeZone: string): { start: Date; end: Date } {
  const start = startOfMonth(new TZDate(instant, timeZone));
  return { start: new Date(start.getTime()), end: new Date(addMonths(start, 1).getTime()) };
}

/** The instant a local day starts, `days` days before the local day of `instant`. */
export function localDayStart(instant: Date, timeZone: string, daysBack = 0): Date {
  return new Date(addDays(startOfDay(new TZDate(instant, timeZone)), -daysBack).getTime());
}

/** Formats an instant for people in the merchant's zone, e.g. "Jan 15, 2025, 10:45 AM". */
export function formatLocal(instant: Date, timeZone: string, pattern = "MMM d, yyyy, h:mm a"): string {
  return format(new TZDate(instant, timeZone), pattern);
}

export type WindowUnit = "days" | "weeks" | "months";

/**
 * The start of "the last N days / weeks / months": rolling back from `now` (not from midnight),
 * with calendar arithmetic in the merchant's zone, so "the last 30 days" starts at the same local
 * clock time 30 local days ago (across a daylight-saving change that is 30×24h ± 1h) and "the last
 * 3 months" at the same local time on the same day of the month (clamped to the month's end).
 * The ONE definition: the customer list, overview, segments and reports all call this.
 */
export function windowStart(now: Date, n: number, unit: WindowUnit, timeZone: string): Date {
  const local = new TZDate(now, timeZone);
  const start = unit === "days" ? subDays(local, n) : unit === "weeks" ? subWeeks(local, n) : subMonths(local, n);
  return new Date(start.getTime());
}

/** The instant a local calendar date (YYYY-MM-DD) starts in a time zone. */
export function localDateStart(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`localDateStart: not a date: ${date}`);
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** The local month "YYYY-MM" that contains an instant. */
export function localMonth(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM");
}

/** Start and end (exclusive) instants of a local month given as "YYYY-MM". */
export function monthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m || m < 1 || m > 12) throw new Error(`monthRange: not a month: ${month}`);
  const start = new TZDate(y, m - 1, 1, timeZone);
  return { start: new Date(start.getTime()), end: new Date(addMonths(start, 1).getTime()) };
}

/** The month before / after a "YYYY-MM" month. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = (y ?? 0) * 12 + (m ?? 1) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
