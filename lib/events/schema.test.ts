import { describe, expect, it } from "vitest";
import { eventInputSchema, formatPath } from "./schema";

const customer = { passSerial: "BB-1" };

describe("event input validation", () => {
  it("requires an amount with at most 2 decimals for a purchase", () => {
    expect(eventInputSchema.safeParse({ type: "purchase", customer }).error?.issues[0]?.path).toEqual(["amount"]);
    expect(eventInputSchema.safeParse({ type: "purchase", customer, amount: "12.345" }).success).toBe(false);
    expect(eventInputSchema.safeParse({ type: "purchase", customer, amount: -1 }).success).toBe(false);
    const ok = eventInputSchema.parse({ type: "purchase", customer, amount: 127.5 });
    expect(ok.amount).toBe("127.5");
  });

  it("requires a reward and points cost on a redemption", () => {
    const result = eventInputSchema.safeParse({ type: "redemption", customer, data: { reward: "Free Coffee" } });
    expect(result.error?.issues.map((i) => formatPath(i.path))).toEqual(["data.pointsCost"]);
    expect(eventInputSchema.parse({ type: "redemption", customer, data: { reward: "Free Coffee", pointsCost: "100" } }).data.pointsCost).toBe(100);
    // A reward that costs nothing is not a redemption, from the API as at the counter.
    const free = eventInputSchema.safeParse({ type: "redemption", customer, data: { reward: "Free Coffee", pointsCost: 0 } });
    expect(free.error?.issues.map((i) => [formatPath(i.path), i.message])).toEqual([["data.pointsCost", "Points cost must be at least 1"]]);
  });

  it("refuses an amount on a visit and needs a name for a custom event", () => {
    expect(eventInputSchema.safeParse({ type: "visit", customer, amount: 3 }).success).toBe(false);
    expect(eventInputSchema.safeParse({ type: "custom", customer }).error?.issues[0]?.path).toEqual(["customName"]);
  });

  it("needs some way to identify the customer", () => {
    expect(eventInputSchema.safeParse({ type: "visit", customer: { name: "Ann" } }).success).toBe(false);
  });

  it("refuses times without a zone and times in the future", () => {
    expect(eventInputSchema.safeParse({ type: "visit", customer, occurredAt: "2025-01-15T15:45:00" }).success).toBe(false);
    expect(eventInputSchema.safeParse({ type: "visit", customer, occurredAt: "2999-01-01T00:00:00Z" }).success).toBe(false);
    expect(eventInputSchema.parse({ type: "visit", customer, occurredAt: "2025-01-15T15:45:00Z" }).occurredAt?.toISOString()).toBe("2025-01-15T15:45:00.000Z");
  });

  it("formats paths the way API errors report them", () => {
    expect(formatPath([3, "amount"], "events")).toBe("events[3].amount");
    expect(formatPath(["data", "pointsCost"])).toBe("data.pointsCost");
  });
});
