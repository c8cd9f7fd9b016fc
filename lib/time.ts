// Calendar arithmetic in the merchant's time zone. Every "day", "month" or "last 30 days" a
// merchant sees is computed here, never in the server's zone or UTC.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfDay, startOfMonth } from "date-fns";

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
