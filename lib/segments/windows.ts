// A definition's windows as half-open instant ranges [start, end) in the merchant's zone. Rolling
// windows ("the last N days/weeks/months") come from the one windowStart of lib/time.ts and end
// just after the moment of evaluation; calendar months and dates are the merchant's local ones.
import { localDateStart, localDayStart, localMonth, monthRange, shiftMonth, windowStart } from "@/lib/time";
import type { SegmentWindow } from "./definition";

export interface InstantRange {
  /** Inclusive; null = since the beginning. */
  start: Date | null;
  /** Exclusive; null = no end. */
  end: Date | null;
}

/** Timestamps are stored to the millisecond, so "up to now, inclusive" is "before now + 1 ms". */
const justAfter = (instant: Date) => new Date(instant.getTime() + 1);

export function resolveWindow(window: SegmentWindow, now: Date, timeZone: string): InstantRange {
  switch (window.kind) {
    case "all_time":
      return { start: null, end: null };
    case "last_days":
      return { start: windowStart(now, window.days, "days", timeZone), end: justAfter(now) };
    case "last_weeks":
      return { start: windowStart(now, window.weeks, "weeks", timeZone), end: justAfter(now) };
    case "last_months":
      return { start: windowStart(now, window.months, "months", timeZone), end: justAfter(now) };
    case "this_month":
      return monthRange(localMonth(now, timeZone), timeZone);
    case "last_month":
      return monthRange(shiftMonth(localMonth(now, timeZone), -1), timeZone);
    case "between":
      // Inclusive of the whole last local day: up to the start of the day after it.
      return { start: localDateStart(window.from, timeZone), end: localDayStart(localDateStart(window.to, timeZone), timeZone, -1) };
  }
}
