// An independent, in-memory reading of segment definitions for the property test: no SQL, no
// lib/time, no compiler code. Windows are computed from Intl's wall clock here, activity and the
// aggregates from the wording. If this and the compiler disagree, one of them is wrong.
import type { Condition, EventMatch, SegmentGroup, SegmentWindow } from "@/lib/segments/definition";

export interface OracleEvent {
  type: string;
  at: Date;
  amount: string | null;
  points: number;
  locationId: string | null;
  customName: string | null;
  data: Record<string, unknown>;
  source: string;
  voided: boolean;
}

export interface OracleCustomer {
  id: string;
  createdAt: Date;
  tier: string | null;
  passStatus: string;
  pointsBalance: number;
  visitCount: number;
  lifetimeSpend: string;
  events: OracleEvent[];
}

export interface OracleWorld {
  now: Date;
  timeZone: string;
  locationIds: Set<string>;
  segments: Map<string, SegmentGroup>;
}

// ---- wall-clock arithmetic, independently of date-fns ----
interface Wall { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number }

export function wallOf(instant: Date, timeZone: string): Wall {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), mi: get("minute"), s: get("second"), ms: instant.getUTCMilliseconds() };
}

function offsetAt(utcMs: number, timeZone: string): number {
  const w = wallOf(new Date(utcMs), timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s, w.ms) - utcMs;
}

/** The instant of a local wall time (times in a daylight-saving gap are never asked for here). */
export function instantOf(w: Wall, timeZone: string): Date {
  // Normalise overflowing fields (day 0, month 13) through UTC arithmetic first.
  const guess = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s, w.ms);
  let t = guess - offsetAt(guess, timeZone);
  t = guess - offsetAt(t, timeZone);
  return new Date(t);
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthsBack(w: Wall, n: number): Wall {
  const index = w.y * 12 + (w.m - 1) - n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { ...w, y, m, d: Math.min(w.d, daysInMonth(y, m)) };
}

export function oracleWindow(win: SegmentWindow, now: Date, tz: string): [Date | null, Date | null] {
  const w = wallOf(now, tz);
  const justAfter = new Date(now.getTime() + 1);
  const dayStart = (y: number, m: number, d: number) => instantOf({ y, m, d, h: 0, mi: 0, s: 0, ms: 0 }, tz);
  switch (win.kind) {
    case "all_time": return [null, null];
    case "last_days": return [instantOf({ ...w, d: w.d - win.days }, tz), justAfter];
    case "last_weeks": return [instantOf({ ...w, d: w.d - 7 * win.weeks }, tz), justAfter];
    case "last_months": return [instantOf(monthsBack(w, win.months), tz), justAfter];
    case "this_month": return [dayStart(w.y, w.m, 1), dayStart(w.y, w.m + 1, 1)];
    case "last_month": return [dayStart(w.y, w.m - 1, 1), dayStart(w.y, w.m, 1)];
    case "between": {
      const [fy, fm, fd] = win.from.split("-").map(Number) as [number, number, number];
      const [ty, tm, td] = win.to.split("-").map(Number) as [number, number, number];
      return [dayStart(fy, fm, fd), dayStart(ty, tm, td + 1)];
    }
  }
}

const inRange = (t: Date, [start, end]: [Date | null, Date | null]) => (!start || t >= start) && (!end || t < end);

// ---- exact decimals as integer cents ----
function cents(v: string): number {
  const [whole, frac = ""] = v.replace("-", "").split(".");
  const c = Number(whole) * 100 + Number((frac + "00").slice(0, 2));
  return v.startsWith("-") ? -c : c;
}

function compare(x: number, c: { op: string; value: number; value2?: number }): boolean {
  switch (c.op) {
    case "gte": return x >= c.value;
    case "gt": return x > c.value;
    case "eq": return x === c.value;
    case "lte": return x <= c.value;
    case "lt": return x < c.value;
    default: return x >= c.value && x <= (c.value2 ?? c.value);
  }
}
const compareCents = (x: number, c: { op: string; value: string; value2?: string }) =>
  compare(x, { op: c.op, value: cents(c.value), value2: c.value2 === undefined ? undefined : cents(c.value2) });

function dataText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v);
}

function matches(e: OracleEvent, m: EventMatch): boolean {
  if (e.voided) return false;
  if (m.types === "activity") {
    if (e.type === "notification_received" || e.type === "pass_uninstalled" || e.source === "automation") return false;
  } else if (m.types !== "any" && !m.types.includes(e.type as never)) return false;
  if (m.locationId && e.locationId !== m.locationId) return false;
  if (m.customName && e.customName !== m.customName) return false;
  if (m.amount && (e.amount === null || !compareCents(cents(e.amount), m.amount))) return false;
  for (const f of m.data ?? []) {
    const text = dataText(e.data[f.field]);
    if (text === null) return false;
    if (f.op === "equals" && text !== f.value) return false;
    if (f.op === "one_of" && !f.values.includes(text)) return false;
    if (f.op === "contains" && !text.toLowerCase().includes(f.value.toLowerCase())) return false;
    if (f.op === "compare" && (!/^\s*-?\d+(\.\d+)?\s*$/.test(text) || !compareCents(Math.round(Number(text) * 100), f.compare))) return false;
  }
  return true;
}

function conditionHolds(c: Condition, cust: OracleCustomer, world: OracleWorld, depth: number): boolean {
  if ("event" in c && c.event.locationId && !world.locationIds.has(c.event.locationId)) return false;
  const events = "event" in c ? cust.events.filter((e) => matches(e, c.event)) : [];
  const within = (win: SegmentWindow) => events.filter((e) => inRange(e.at, oracleWindow(win, world.now, world.timeZone)));
  switch (c.kind) {
    case "count": return compare(within(c.window).length, c.compare);
    case "sum": {
      const inWin = within(c.window);
      const total = c.field === "amount" ? inWin.reduce((s, e) => s + (e.amount ? cents(e.amount) : 0), 0) : inWin.reduce((s, e) => s + Math.max(e.points, 0) * 100, 0);
      return compareCents(total, c.compare);
    }
    case "has": return within(c.window).length > 0 === c.has;
    case "first_time": {
      if (events.length === 0) return false;
      const first = new Date(Math.min(...events.map((e) => e.at.getTime())));
      return inRange(first, oracleWindow(c.window, world.now, world.timeZone));
    }
    case "recency": {
      const recent = within(c.window).length > 0;
      const ever = events.length > 0;
      return c.within ? recent || (c.includeNever && !ever) : !recent && (ever || c.includeNever);
    }
    case "attribute":
      switch (c.attribute) {
        case "tier": return c.values.includes(cust.tier) === (c.op === "in");
        case "pass_status": return c.values.includes(cust.passStatus as never) === (c.op === "in");
        case "points_balance": return compare(cust.pointsBalance, c.compare);
        case "visit_count": return compare(cust.visitCount, c.compare);
        case "lifetime_spend": return compareCents(cents(cust.lifetimeSpend), c.compare);
        case "customer_since": return inRange(cust.createdAt, oracleWindow(c.window, world.now, world.timeZone));
      }
      return false;
    case "member_of": {
      const def = world.segments.get(c.segmentId);
      if (!def || depth > 5) return false;
      return oracleMember(def, cust, world, depth + 1) === c.member;
    }
  }
}

export function oracleMember(g: SegmentGroup, cust: OracleCustomer, world: OracleWorld, depth = 0): boolean {
  const results = g.conditions.map((c) => (c.kind === "group" ? oracleMember(c, cust, world, depth) : conditionHolds(c, cust, world, depth)));
  const holds = results.length === 0 ? true : g.match === "all" ? results.every(Boolean) : results.some(Boolean);
  return g.negate ? !holds : holds;
}
