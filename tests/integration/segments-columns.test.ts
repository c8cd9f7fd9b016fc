// Recency and first-time conditions read per-customer columns (lib/segments/compile-columns.ts):
// the rollups' first_at / last_at and the pass's first / last activity. Known answers for what
// could make those columns wrong: voided events (the write path must re-read them) and events
// dated after the moment of evaluation (the column alone would say "not in the window").
import { beforeAll, describe, expect, it } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import type { Condition, SegmentDefinition } from "@/lib/segments/definition";
import { compileFor, countMembers, loadCompileEnv, memberPage, membersAfter } from "@/lib/segments/evaluate";
import { addEvents, createCustomer, type FixtureEvent } from "../support/customer-fixtures";
import { createContext } from "../support/factories";

const NOW = new Date("2026-03-15T16:00:00Z");
const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const purchase = (days: number, voided = false): FixtureEvent => ({ type: "purchase", at: at(days), amount: "10.00", points: 10, voided });
const days = (n: number) => ({ kind: "last_days", days: n }) as const;
const PURCHASE = { types: ["purchase" as const] };

async function members(context: MerchantContext, condition: Condition): Promise<string[]> {
  const definition: SegmentDefinition = { kind: "group", match: "all", conditions: [condition] };
  const run = compileFor(await loadCompileEnv(context, NOW), definition);
  const rows = await membersAfter(run, null, 1000);
  expect(await countMembers(run)).toBe(rows.length);
  // Pages of 2 after a cursor, each way of finding a page: probing walk, hashed walk, sorted set.
  for (const strategy of ["probe", "walk", "sort"] as const) {
    const paged: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await membersAfter(run, after, 2, { strategy });
      paged.push(...page.map((r) => r.id));
      if (page.length < 2) break;
      after = page.at(-1)?.id ?? null;
    }
    expect(paged, strategy).toEqual(rows.map((r) => r.id));
  }
  // The dashboard's pages: walking the sort order's index gives what sorting the set gives.
  for (const sort of ["name", "spend", "last_seen"] as const) {
    for (const page of [1, 2]) {
      const sorted = await memberPage(run, { sort, desc: sort !== "name", page, pageSize: 2, strategy: "sort" });
      for (const strategy of ["probe", "walk"] as const) {
        const walked = await memberPage(run, { sort, desc: sort !== "name", page, pageSize: 2, strategy });
        expect(walked.data.map((r) => r.id), `${sort} ${strategy} page ${page}`).toEqual(sorted.data.map((r) => r.id));
      }
    }
  }
  return rows.map((r) => r.name ?? "").sort();
}

describe("segment recency from per-customer columns", () => {
  let context: MerchantContext;
  beforeAll(async () => {
    context = await createContext("manager");
    const make = async (name: string, events: FixtureEvent[]) => addEvents(context, (await createCustomer(context, { name })).id, events);
    await make("voidedRecent", [purchase(3, true), purchase(40)]); // last live purchase 40 days ago
    await make("voidedFirst", [purchase(40, true), purchase(3)]); // first live purchase 3 days ago
    await make("futureAndRecent", [purchase(-0.5), purchase(3)]); // last purchase after "now", one in the window too
    await make("futureOnly", [purchase(-0.5), purchase(40)]); // none in the window
    await make("allVoided", [purchase(3, true)]);
    await make("never", [{ type: "visit", at: at(2) }]);
  });

  it("a purchase in the last 7 days", async () => {
    expect((await loadCompileEnv(context, NOW)).laterEvents).toBe(true);
    expect(await members(context, { kind: "has", event: PURCHASE, window: days(7), has: true })).toEqual(["futureAndRecent", "voidedFirst"]);
  });

  it("has purchased, but not in the last 7 days (with and without those who never did)", async () => {
    expect(await members(context, { kind: "recency", event: PURCHASE, within: false, window: days(7), includeNever: false })).toEqual(["futureOnly", "voidedRecent"]);
    expect(await members(context, { kind: "recency", event: PURCHASE, within: false, window: days(7), includeNever: true })).toEqual(["allVoided", "futureOnly", "never", "voidedRecent"]);
    expect(await members(context, { kind: "recency", event: PURCHASE, within: true, window: days(7), includeNever: true })).toEqual(["allVoided", "futureAndRecent", "never", "voidedFirst"]);
  });

  it("counts in a window: the rollups' candidates (this many ever, the last after the start, the first before the end) lose no one", async () => {
    // Every one of them passes with exactly as many live purchases as asked, in the window.
    expect(await members(context, { kind: "count", event: PURCHASE, window: days(7), compare: { op: "gte", value: 1 } })).toEqual(["futureAndRecent", "voidedFirst"]);
    expect(await members(context, { kind: "count", event: PURCHASE, window: days(50), compare: { op: "eq", value: 1 } })).toEqual(["futureAndRecent", "futureOnly", "voidedFirst", "voidedRecent"]);
    expect(await members(context, { kind: "count", event: PURCHASE, window: days(50), compare: { op: "gt", value: 0 } })).toEqual(["futureAndRecent", "futureOnly", "voidedFirst", "voidedRecent"]);
    const weekBefore = { kind: "between" as const, from: "2026-02-01", to: "2026-02-03" }; // ends the day of the purchases 40 days before NOW
    expect(await members(context, { kind: "count", event: PURCHASE, window: weekBefore, compare: { op: "between", value: 1, value2: 1 } })).toEqual(["futureOnly", "voidedRecent"]);
  });

  it("first purchase in the last 7 days", async () => {
    expect(await members(context, { kind: "first_time", event: PURCHASE, window: days(7) })).toEqual(["futureAndRecent", "voidedFirst"]);
  });

  it("activity: none in the last 7 days, and first activity in the last 7 days", async () => {
    expect(await members(context, { kind: "recency", event: { types: "activity" }, within: false, window: days(7), includeNever: false })).toEqual(["futureOnly", "voidedRecent"]);
    expect(await members(context, { kind: "first_time", event: { types: "activity" }, window: days(7) })).toEqual(["futureAndRecent", "never", "voidedFirst"]);
  });
});

describe("segment recency when no event is dated after the moment of evaluation", () => {
  let context: MerchantContext;
  beforeAll(async () => {
    context = await createContext("manager");
    const make = async (name: string, events: FixtureEvent[]) => addEvents(context, (await createCustomer(context, { name })).id, events);
    await make("recent", [purchase(40), purchase(3)]);
    await make("old", [purchase(40)]);
    await make("voidedRecent", [purchase(3, true), purchase(40)]);
    // A voided event after now does not count as one.
    await make("voidedFuture", [purchase(-0.5, true), purchase(40)]);
  });

  it("leaves the check for later events out, with the same answers", async () => {
    expect((await loadCompileEnv(context, NOW)).laterEvents).toBe(false);
    expect(await members(context, { kind: "has", event: PURCHASE, window: days(7), has: true })).toEqual(["recent"]);
    expect(await members(context, { kind: "recency", event: PURCHASE, within: false, window: days(7), includeNever: false })).toEqual(["old", "voidedFuture", "voidedRecent"]);
    expect(await members(context, { kind: "recency", event: { types: "activity" }, within: true, window: days(7), includeNever: false })).toEqual(["recent"]);
    const sql = compileFor(await loadCompileEnv(context, NOW), { kind: "group", match: "all", conditions: [{ kind: "has", event: PURCHASE, window: days(7), has: true }] }).compiled.term.set?.text ?? "";
    expect(sql).not.toContain("FROM events");
  });
});
