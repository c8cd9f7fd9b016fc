// Dates and times from spreadsheets. The order of day and month is decided from ALL the values
// of a column, per separator style ("12/1/10" stays ambiguous until some value has a day above
// 12; "11-08-16" and "6/16/2016" in one column are judged separately). Local times are read in
// the merchant's zone unless the value carries an offset.
import { TZDate } from "@date-fns/tz";

export type DateOrder = "MDY" | "DMY" | "YMD";

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;

export interface DateOrderDetection {
  /** Per separator ("/", "-", "."): the order proven by the values, or null when no value decides. */
  bySeparator: Record<string, DateOrder | null>;
  /** Separators whose values contradict each other (some need D/M, some M/D). */
  conflicting: string[];
  /** The order to use where nothing decides (shown to the user for confirmation). */
  fallback: DateOrder;
  /** True when some separator style is decided only by the fallback. */
  ambiguous: boolean;
}

/** Looks at every value of a date column. `fallback`: the merchant's usual order (US: MDY). */
export function detectDateOrder(values: Iterable<string>, fallback: DateOrder = "MDY"): DateOrderDetection {
  const evidence = new DateOrderEvidence();
  for (const raw of values) evidence.add(raw);
  return evidence.detection(fallback);
}

/** detectDateOrder one value at a time, so a file's million dates need not be held (the import's scan). */
export class DateOrderEvidence {
  private readonly evidence = new Map<string, { mdy: number; dmy: number; ymd: number; seen: number }>();

  add(raw: string): void {
    const m = NUMERIC.exec(raw.trim());
    if (!m) return;
    const separator = m[2]!;
    const entry = this.evidence.get(separator) ?? { mdy: 0, dmy: 0, ymd: 0, seen: 0 };
    entry.seen++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (m[1]!.length === 4) entry.ymd++;
    else if (a > 12 && b <= 12) entry.dmy++;
    else if (b > 12 && a <= 12) entry.mdy++;
    this.evidence.set(separator, entry);
  }

  detection(fallback: DateOrder = "MDY"): DateOrderDetection {
    return decide(this.evidence, fallback);
  }
}

function decide(evidence: Map<string, { mdy: number; dmy: number; ymd: number; seen: number }>, fallback: DateOrder): DateOrderDetection {
  const bySeparator: Record<string, DateOrder | null> = {};
  const conflicting: string[] = [];
  for (const [separator, e] of evidence) {
    if (e.ymd > 0 && e.ymd >= e.seen / 2) bySeparator[separator] = "YMD";
    else if (e.mdy > 0 && e.dmy > 0) {
      conflicting.push(separator);
      bySeparator[separator] = e.mdy >= e.dmy ? "MDY" : "DMY";
    } else if (e.mdy > 0) bySeparator[separator] = "MDY";
    else if (e.dmy > 0) bySeparator[separator] = "DMY";
    else bySeparator[separator] = null;
  }
  // An undecided style takes the order another style of the same column proved.
  const proven = Object.values(bySeparator).find((order): order is DateOrder => order === "MDY" || order === "DMY");
  const ambiguous = Object.values(bySeparator).some((order) => order === null);
  return { bySeparator, conflicting, fallback: proven ?? fallback, ambiguous };
}

export function orderFor(detection: Pick<DateOrderDetection, "bySeparator" | "fallback">, separator: string): DateOrder {
  return detection.bySeparator[separator] ?? detection.fallback;
}

export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC when the value carried an offset. */
  offset: number | null;
}

export type DateParse = { ok: true; value: WallClock; hasTime: boolean } | { ok: false; reason: string };

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 69 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

function hour12(h: number, meridiem: string | undefined): number | null {
  if (!meridiem) return h;
  if (h < 1 || h > 12) return null;
  const pm = meridiem.toUpperCase() === "PM";
  return (h % 12) + (pm ? 12 : 0);
}

function offsetMinutes(text: string | undefined): number | null {
  if (!text) return null;
  if (text.toUpperCase() === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function valid(c: WallClock): boolean {
  if (c.mo < 1 || c.mo > 12 || c.d < 1 || c.d > 31 || c.h > 23 || c.mi > 59 || c.s > 59) return false;
  const probe = new Date(Date.UTC(c.y, c.mo - 1, c.d));
  return probe.getUTCMonth() === c.mo - 1 && probe.getUTCDate() === c.d;
}

/** One date or date-time value; `order` from detectDateOrder (per separator, see orderFor). */
export function parseDateTime(text: string, detection: Pick<DateOrderDetection, "bySeparator" | "fallback">): DateParse {
  const raw = text.trim();
  if (raw === "") return { ok: false, reason: "The date is empty." };
  let clock: WallClock;
  let hasTime: boolean;
  const iso = ISO.exec(raw);
  if (iso) {
    clock = {
      y: Number(iso[1]),
      mo: Number(iso[2]),
      d: Number(iso[3]),
      h: Number(iso[4] ?? 0),
      mi: Number(iso[5] ?? 0),
      s: Number(iso[6] ?? 0),
      ms: Number((iso[7] ?? "0").padEnd(3, "0").slice(0, 3)),
      offset: offsetMinutes(iso[8]),
    };
    hasTime = iso[4] !== undefined;
  } else {
    const m = NUMERIC.exec(raw);
    if (!m) return { ok: false, reason: `“${raw}” is not a date.` };
    const order = m[1]!.length === 4 ? "YMD" : orderFor(detection, m[2]!);
    const [first, second, third] = [m[1]!, m[3]!, m[4]!];
    const [y, mo, d] =
      order === "YMD" ? [Number(first), Number(second), Number(third)] : order === "MDY" ? [fullYear(third), Number(first), Number(second)] : [fullYear(third), Number(second), Number(first)];
    const h = hour12(Number(m[5] ?? 0), m[8]);
    if (h === null) return { ok: false, reason: `“${raw}” has an impossible hour.` };
    clock = { y, mo, d, h, mi: Number(m[6] ?? 0), s: Number(m[7] ?? 0), ms: 0, offset: null };
    hasTime = m[5] !== undefined;
    if (!valid(clock)) {
      const reading = order === "MDY" ? "month/day/year" : order === "DMY" ? "day/month/year" : "year/month/day";
      return { ok: false, reason: `“${raw}” is not a valid date read as ${reading}.` };
    }
  }
  if (!valid(clock)) return { ok: false, reason: `“${raw}” is not a valid date.` };
  return { ok: true, value: clock, hasTime };
}

export type TimeParse = { ok: true; h: number; mi: number; s: number } | { ok: false; reason: string };

export function parseTime(text: string): TimeParse {
  const m = TIME.exec(text.trim());
  if (!m) return { ok: false, reason: `“${text}” is not a time.` };
  const h = hour12(Number(m[1]), m[4]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h === null || h > 23 || mi > 59 || s > 59) return { ok: false, reason: `“${text}” is not a valid time.` };
  return { ok: true, h, mi, s };
}

/** The instant a wall clock names: its own offset if it had one, else the merchant's zone. */
export function toInstant(clock: WallClock, timeZone: string): Date {
  const wall = Date.UTC(clock.y, clock.mo - 1, clock.d, clock.h, clock.mi, clock.s, clock.ms);
  if (clock.offset !== null) return new Date(wall - clock.offset * 60_000);
  const offset = clock.y >= 100 ? hourOffset(timeZone, clock.y, clock.mo, clock.d, clock.h) : null;
  if (offset !== null) return new Date(wall - offset);
  return new Date(new TZDate(clock.y, clock.mo - 1, clock.d, clock.h, clock.mi, clock.s, clock.ms, timeZone).getTime());
}

/**
 * How far a local hour of a zone is from UTC (ms), when the zone reads every wall time of that
 * hour with the same offset (its start, middle and end agree), else null (a transition inside the
 * hour: each value is then read by TZDate itself). A file's million timestamps fall in a few
 * thousand distinct hours, and TZDate costs ~10 µs a call, so the offsets are remembered.
 */
const offsets = new Map<string, number | null>();
const MAX_OFFSETS = 200_000;

function hourOffset(timeZone: string, y: number, mo: number, d: number, h: number): number | null {
  const key = `${timeZone}|${y}|${mo}|${d}|${h}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const at = (mi: number, s: number, ms: number) => Date.UTC(y, mo - 1, d, h, mi, s, ms) - new TZDate(y, mo - 1, d, h, mi, s, ms, timeZone).getTime();
  const start = at(0, 0, 0);
  const offset = start === at(30, 0, 0) && start === at(59, 59, 999) ? start : null;
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}
