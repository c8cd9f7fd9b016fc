// Every template on fixture data with known answers, time-zone edges, voids and tenancy.
import { beforeAll, describe, expect, it } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import type { SegmentDefinition, SegmentWindow } from "@/lib/segments/definition";
import { compileFor, countMembers, loadCompileEnv, membersAfter } from "@/lib/segments/evaluate";
import { SEGMENT_TEMPLATES } from "@/lib/segments/templates";
import { addEvents, createCustomer, type FixtureEvent } from "../support/customer-fixtures";
import { createContext } from "../support/factories";

const NOW = new Date("2026-03-15T16:00:00Z");
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();
const times = (n: number, f: (i: number) => FixtureEvent) => Array.from({ length: n }, (_, i) => f(i));

async function members(context: MerchantContext, definition: SegmentDefinition, now = NOW): Promise<string[]> {
  const run = compileFor(await loadCompileEnv(context, now), definition);
  const rows = await membersAfter(run, null, 1000);
  expect(await countMembers(run)).toBe(rows.length);
  return rows.map((r) => r.name ?? "").sort();
}

async function world() {
  const context = await createContext("manager");
  const make = async (name: string, events: FixtureEvent[]) => {
    const c = await createCustomer(context, { name });
    if (events.length) await addEvents(context, c.id, events);
    return c;
  };
  await make("A", [
    ...times(12, (i) => ({ type: "check_in", at: ago(i + 1) })),
    { type: "check_out", at: ago(1, -1) },
    { type: "pass_installed", at: ago(10) },
    { type: "pass_registered", at: ago(3) },
  ]);
  await make("B", times(5, (i) => ({ type: "purchase", at: ago(70 + i), amount: "120.00", points: 120 })));
  await make("C", [
    ...times(10, (i) => ({ type: "visit", at: ago(100 + i) })),
    { type: "notification_received", at: ago(5) },
    { type: "notification_opened", at: ago(3), source: "automation" },
  ]);
  await make("D", [
    { type: "purchase", at: ago(10), amount: "80.00", points: 80, voided: true },
    { type: "purchase", at: ago(100), amount: "40.00", points: 40 },
    { type: "redemption", at: ago(9), points: -40, voided: true, data: { reward: "Coffee", pointsCost: 40 } },
    { type: "link_click", at: ago(95) },
    { type: "pass_uninstalled", at: ago(5) },
  ]);
  await make("E", []);
  await make("F", [
    { type: "purchase", at: ago(20), amount: "1000.00", points: 1000 },
    { type: "redemption", at: ago(5), points: -500, data: { reward: "Mug", pointsCost: 500 } },
  ]);
  return context;
}

const EXPECTED: Record<string, string[]> = {
  new_signups_week: ["A"],
  recently_installed: ["A"],
  uninstalled: ["D"],
  clicked_offers: ["D"],
  opened_notifications: ["C"],
  gym_regulars: ["A"],
  session_trackers: ["A"],
  purchases_5_plus: ["B"],
  visits_10_plus: ["A", "C"],
  spend_500_plus: ["B", "F"],
  visited_30d: ["A"],
  active_30d: ["F"],
  at_risk_60d: ["B", "D"],
  lapsed_90d: ["C", "D"],
  never_redeemed: ["A", "B", "C", "D", "E"],
  new_or_occasional: ["A", "C", "D", "E"],
  engaged_members: ["F"],
};

describe("segment templates on known data", () => {
  let context: MerchantContext;
  beforeAll(async () => {
    context = await world();
    // Another merchant with the same story: its customers and events must never show up.
    await world();
  });

  it("covers every template key", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SEGMENT_TEMPLATES.map((t) => t.key).sort());
  });

  it.each(SEGMENT_TEMPLATES.map((t) => [t.key, t] as const))("%s", async (key, template) => {
    expect(await members(context, template.definition)).toEqual(EXPECTED[key]);
  });
});

describe("segment windows in the merchant's zone", () => {
  it("a purchase at 23:30 on the last local day of a month is last month, 00:30 the next day is this month", async () => {
    const context = await createContext("manager", { timeZone: "America/New_York" });
    const late = await createCustomer(context, { name: "late" });
    const early = await createCustomer(context, { name: "early" });
    // 2026-03-01 04:30Z is Feb 28, 23:30 in New York; 05:30Z is Mar 1, 00:30.
    await addEvents(context, late.id, [{ type: "purchase", at: "2026-03-01T04:30:00Z", amount: "5.00" }]);
    await addEvents(context, early.id, [{ type: "purchase", at: "2026-03-01T05:30:00Z", amount: "5.00" }]);
    const has = (window: SegmentWindow): SegmentDefinition => ({ kind: "group", match: "all", conditions: [{ kind: "has", event: { types: ["purchase"] }, window, has: true }] });
    expect(await members(context, has({ kind: "this_month" }))).toEqual(["early"]);
    expect(await members(context, has({ kind: "last_month" }))).toEqual(["late"]);
    expect(await members(context, has({ kind: "between", from: "2026-02-28", to: "2026-02-28" }))).toEqual(["late"]);
  });

  it("the last 7 days across the daylight-saving change start at the same local clock time", async () => {
    const context = await createContext("manager", { timeZone: "America/New_York" });
    const now = new Date("2026-03-10T16:00:00Z"); // Mar 10, 12:00 EDT; DST began Mar 8
    const inside = await createCustomer(context, { name: "inside" });
    const outside = await createCustomer(context, { name: "outside" });
    // 7 local days back is Mar 3, 12:00 EST = 17:00Z (not 16:00Z, which 7×24 h would give).
    await addEvents(context, inside.id, [{ type: "visit", at: "2026-03-03T17:00:00Z" }]);
    await addEvents(context, outside.id, [{ type: "visit", at: "2026-03-03T16:59:59.999Z" }]);
    const def: SegmentDefinition = { kind: "group", match: "all", conditions: [{ kind: "has", event: { types: ["visit"] }, window: { kind: "last_days", days: 7 }, has: true }] };
    expect(await members(context, def, now)).toEqual(["inside"]);
  });
});
