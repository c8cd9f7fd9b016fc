// The merchant-local calendar the demo history is laid out on. Converting every one of millions of
// timestamps through Intl would dominate generation time, so each local day's midnight (as a UTC
// instant) is computed once and events are placed as "day start + minutes".

const DAY_MS = 86_400_000;

export interface LocalCalendar {
  timeZone: string;
  /** Number of local days in the history: the whole days, then today up to the moment of seeding. */
  days: number;
  /** The whole days (today, still under way, is day `wholeDays` when present). */
  wholeDays: number;
  /** UTC instant of local midnight for day d (d = 0 is the oldest day). */
  midnight: Float64Array;
  /** Local weekday of day d, 0 = Sunday. */
  weekday: Uint8Array;
  /** Local day of the month of day d, 1–31. */
  dayOfMonth: Uint8Array;
  /** Local month of day d, 0–11. */
  month: Uint8Array;
  /** The history ends here: the as-of moment (the moment of seeding). Nothing happens at or after it. */
  endMs: number;
}

interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsReader(timeZone: string): (instant: number) => LocalParts {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (instant) => {
    const out: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(instant))) {
      if (part.type !== "literal") out[part.type] = Number(part.value);
    }
    return {
      year: out.year ?? 1970,
      month: out.month ?? 1,
      day: out.day ?? 1,
      hour: out.hour ?? 0,
      minute: out.minute ?? 0,
      second: out.second ?? 0,
    };
  };
}

/**
 * Local midnight of a calendar date, as a UTC instant. Uses the zone's offset at local noon: DST
 * switches happen in the small hours, when the demo shops are closed, so opening hours are exact.
 */
function localMidnight(readParts: (instant: number) => LocalParts, year: number, month: number, day: number): number {
  const noonUtc = Date.UTC(year, month - 1, day, 12);
  const p = readParts(noonUtc);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - noonUtc;
  return Date.UTC(year, month - 1, day) - offset;
}

/**
 * The `wholeDays` local days before the as-of date in the merchant's zone, then the as-of day itself
 * up to the as-of moment: the history reaches the moment of seeding (so the first screen on the 1st
 * of a month is not empty) and never writes the future. Same as-of moment, same calendar.
 */
export function buildCalendar(timeZone: string, asOf: Date, wholeDays: number): LocalCalendar {
  const readParts = partsReader(timeZone);
  const today = readParts(asOf.getTime());
  const todayStart = localMidnight(readParts, today.year, today.month, today.day);
  const endMs = asOf.getTime();
  const days = endMs > todayStart ? wholeDays + 1 : wholeDays;
  const calendar: LocalCalendar = {
    timeZone,
    days,
    wholeDays,
    midnight: new Float64Array(days + 1),
    weekday: new Uint8Array(days),
    dayOfMonth: new Uint8Array(days),
    month: new Uint8Array(days),
    endMs,
  };
  for (let d = 0; d <= days; d++) {
    // Date.UTC normalises day overflow/underflow, so this walks real calendar dates.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - (wholeDays - d)));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const dd = date.getUTCDate();
    calendar.midnight[d] = d === days ? endMs : localMidnight(readParts, y, m, dd);
    if (d < days) {
      calendar.weekday[d] = date.getUTCDay();
      calendar.dayOfMonth[d] = dd;
      calendar.month[d] = m - 1;
    }
  }
  return calendar;
}

/** The instant `minuteOfDay` minutes (fractional allowed) into local day d. */
export function atLocal(calendar: LocalCalendar, d: number, minuteOfDay: number): number {
  return Math.round((calendar.midnight[d] ?? 0) + minuteOfDay * 60_000);
}

/** The local day index containing an instant (binary search; -1 before the history). */
export function dayOf(calendar: LocalCalendar, instant: number): number {
  let lo = 0;
  let hi = calendar.days - 1;
  if (instant < (calendar.midnight[0] ?? 0)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((calendar.midnight[mid] ?? 0) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export { DAY_MS };
