// A definition's windows as half-open instant ranges [start, end) in the merchant's zone. Rolling
// windows ("the last N days/weeks/months") come from the one windowStart of lib/time.ts and end
// just after the moment of evaluation; calendar months and dates are the merchant's local ones.
import { localDayStart, localMonthRange, windowStart } from "@/lib/time";
import { fromLocalInput } from "@/lib/local-datetime";
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
      return { start: windowStart(now, window.days, "day", timeZone), end: justAfter(now) };
    case "last_weeks":
      return { start: windowStart(now, window.weeks, "week", timeZone), end: justAfter(now) };
    case "last_months":
      return { start: windowStart(now, window.months, "month", timeZone), end: justAfter(now) };
    case "this_month":
      return localMonthRange(now, timeZone);
    case "last_month": {
      const thisMonth = localMonthRange(now, timeZone);
      return localMonthRange(new Date(thisMonth.start.getTime() - 1), timeZone);
    }
    case "between": {
      const from = localDateStart(window.from, timeZone);
      const to = localDateStart(window.to, timeZone);
      // Inclusive of the whole last local day.
      return { start: from, end: to ? localDayStart(to, timeZone, -1) : null };
    }
  }
}

function localDateStart(day: string, timeZone: string): Date | null {
  return fromLocalInput(`${day}T00:00`, timeZone);
}
