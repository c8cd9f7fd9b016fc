// A definition read back as one English sentence ("Customers who made at least 12 check-ins in the
// last 30 days and have not removed their pass"). Pure, shared by the builder, lists and tests.
import type { EventType } from "@/lib/events/registry";
import type { Condition, CountCompare, DataFilter, DecimalCompare, EventMatch, SegmentGroup, SegmentWindow } from "./definition";

export interface SentenceNames {
  locations?: ReadonlyMap<string, string>;
  segments?: ReadonlyMap<string, string>;
  /** Formats money amounts, e.g. "$500.00"; plain numbers when absent. */
  money?: (value: string) => string;
}

const NOUNS: Record<EventType, [string, string]> = {
  purchase: ["purchase", "purchases"], visit: ["visit", "visits"], check_in: ["check-in", "check-ins"], check_out: ["check-out", "check-outs"],
  redemption: ["redemption", "redemptions"], scan: ["scan", "scans"], app_open: ["app open", "app opens"], link_click: ["link click", "link clicks"],
  notification_received: ["notification received", "notifications received"], notification_opened: ["notification opened", "notifications opened"],
  pass_installed: ["pass install", "pass installs"], pass_uninstalled: ["pass removal", "pass removals"],
  pass_registered: ["pass registration", "pass registrations"], custom: ["custom event", "custom events"],
};
const VERBS: Record<EventType, string> = {
  purchase: "made a purchase", visit: "visited", check_in: "checked in", check_out: "checked out", redemption: "redeemed a reward",
  scan: "been scanned", app_open: "opened the app", link_click: "clicked a link", notification_received: "received a notification",
  notification_opened: "opened a notification", pass_installed: "installed their pass", pass_uninstalled: "removed their pass",
  pass_registered: "registered their pass", custom: "had a custom event",
};

const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

export function eventNoun(match: EventMatch, plural: boolean): string {
  if (match.customName) return `“${match.customName}” ${plural ? "events" : "event"}`;
  if (match.types === "any") return plural ? "events" : "event";
  if (match.types === "activity") return plural ? "activities" : "activity";
  return orList(match.types.map((t) => NOUNS[t][plural ? 1 : 0]));
}

function eventVerb(match: EventMatch): string {
  if (match.customName) return `had a “${match.customName}” event`;
  if (match.types === "any") return "had any event";
  if (match.types === "activity") return "had any activity";
  return orList(match.types.map((t) => VERBS[t]));
}

function compareText(c: CountCompare | DecimalCompare, format: (v: string) => string = (v) => v): string {
  const v = format(String(c.value));
  switch (c.op) {
    case "gte": return `at least ${v}`;
    case "gt": return `more than ${v}`;
    case "eq": return `exactly ${v}`;
    case "lte": return `at most ${v}`;
    case "lt": return `less than ${v}`;
    case "between": return `between ${v} and ${format(String(c.value2 ?? c.value))}`;
  }
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

export function windowText(w: SegmentWindow): string {
  switch (w.kind) {
    case "all_time": return "";
    case "last_days": return `in the last ${plural(w.days, "day", "days")}`;
    case "last_weeks": return `in the last ${plural(w.weeks, "week", "weeks")}`;
    case "last_months": return `in the last ${plural(w.months, "month", "months")}`;
    case "this_month": return "this month";
    case "last_month": return "last month";
    case "between": return `between ${w.from} and ${w.to}`;
  }
}

function dataFilterText(f: DataFilter): string {
  switch (f.op) {
    case "equals": return `${f.field} is “${f.value}”`;
    case "one_of": return `${f.field} is ${orList(f.values.map((v) => `“${v}”`))}`;
    case "contains": return `${f.field} contains “${f.value}”`;
    case "compare": return `${f.field} is ${compareText(f.compare)}`;
  }
}

function filtersText(match: EventMatch, names: SentenceNames): string {
  const money = names.money ?? ((v: string) => v);
  const parts: string[] = [];
  if (match.locationId) parts.push(`at ${names.locations?.get(match.locationId) ?? "a deleted location"}`);
  if (match.amount) parts.push(`of ${compareText(match.amount, money)}`);
  if (match.data?.length) parts.push(`where ${match.data.map(dataFilterText).join(" and ")}`);
  return parts.join(" ");
}

const join = (...parts: string[]) => parts.filter(Boolean).join(" ");

export function conditionText(c: Condition, names: SentenceNames = {}): string {
  const money = names.money ?? ((v: string) => v);
  switch (c.kind) {
    case "count":
      return join("made", compareText(c.compare), eventNoun(c.event, !(c.compare.value === 1 && c.compare.op !== "between")), filtersText(c.event, names), windowText(c.window));
    case "sum": {
      const what = c.field === "amount"
        ? (Array.isArray(c.event.types) && c.event.types.length === 1 && c.event.types[0] === "purchase" && !c.event.customName
          ? join("spent", compareText(c.compare, money), "in total")
          : join("have a total amount of", compareText(c.compare, money), "on", eventNoun(c.event, true)))
        : join("earned", compareText(c.compare), "points", c.event.types === "any" ? "" : `from ${eventNoun(c.event, true)}`);
      return join(what, filtersText(c.event, names), windowText(c.window));
    }
    case "has":
      return join(c.has ? "have" : "have not", eventVerb(c.event), filtersText(c.event, names), windowText(c.window));
    case "first_time":
      return join(eventVerb(c.event), filtersText(c.event, names), "for the first time", windowText(c.window));
    case "recency": {
      const verb = join(eventVerb(c.event), filtersText(c.event, names));
      const w = windowText(c.window);
      if (c.within) return c.includeNever ? `have ${verb} ${w}, or never have` : `have ${verb} ${w}`;
      return c.includeNever ? `have not ${verb} ${w} (including those who never have)` : `have ${verb}, but not ${w}`;
    }
    case "attribute":
      switch (c.attribute) {
        case "tier": return `are ${c.op === "in" ? "" : "not "}in ${orList(c.values.map((v) => (v === null ? "no tier" : `the ${v} tier`)))}`;
        case "pass_status": return `${c.op === "in" ? "have" : "do not have"} a pass that is ${orList(c.values.map((v) => v.replace("_", " ")))}`;
        case "points_balance": return `have a points balance of ${compareText(c.compare)}`;
        case "visit_count": return `have ${compareText(c.compare)} visits on their pass`;
        case "lifetime_spend": return `have a lifetime spend of ${compareText(c.compare, money)}`;
        case "customer_since": return c.window.kind === "all_time" ? "are customers" : `became customers ${windowText(c.window)}`;
      }
      break;
    case "member_of":
      return `are ${c.member ? "" : "not "}in the segment “${names.segments?.get(c.segmentId) ?? "a deleted segment"}”`;
  }
  return "";
}

function groupText(g: SegmentGroup, names: SentenceNames, nested: boolean): string {
  const parts = g.conditions.map((c) => (c.kind === "group" ? groupText(c, names, true) : conditionText(c, names)));
  if (parts.length === 0) return g.negate ? "nobody" : "";
  const joined = parts.length === 1 ? parts[0]! : parts.slice(0, -1).join(", ") + (g.match === "all" ? " and " : " or ") + parts.at(-1);
  if (g.negate) return `not (${joined})`;
  return nested && parts.length > 1 ? `(${g.match === "any" ? "either " : ""}${joined})` : joined;
}

/** The whole definition as one sentence. */
export function segmentSentence(definition: SegmentGroup, names: SentenceNames = {}): string {
  const text = groupText(definition, names, false);
  return text ? `Customers who ${text}` : "All customers";
}
