import { describe, expect, it } from "vitest";
import { getCustomerProfile, customerMonthlySummary, customerTotals } from "@/lib/customers/profile";
import { customerHistory } from "@/lib/customers/history";
import { createContext } from "../support/factories";
import { addEvents, createCustomer } from "../support/customer-fixtures";

async function storyFixture() {
  const context = await createContext("owner", { timeZone: "America/New_York" });
  const customer = await createCustomer(context, { name: "Ada Lovelace" });
  await addEvents(context, customer.id, [
    { type: "purchase", at: "2025-01-10T15:00:00Z", amount: "100.00", points: 100, data: { items: 4 } },
    { type: "visit", at: "2025-01-11T14:00:00Z" },
    // 22:30 on January 31 in New York: January, although February in UTC.
    { type: "purchase", at: "2025-02-01T03:30:00Z", amount: "61.50", points: 61 },
    { type: "purchase", at: "2025-02-01T05:30:00Z", amount: "50.00", points: 50 },
    { type: "purchase", at: "2025-03-05T12:00:00Z", amount: "50.00", points: 50, voided: true },
    { type: "purchase", at: "2025-03-06T12:00:00Z", amount: "50.00", points: 50 },
    { type: "check_in", at: "2025-03-06T14:00:00Z" },
    { type: "check_out", at: "2025-03-06T15:15:00Z" },
    { type: "check_out", at: "2025-03-06T16:00:00Z" },
    { type: "redemption", at: "2025-03-07T14:00:00Z", points: -50, data: { reward: "Free Coffee", pointsCost: 50 } },
  ]);
  return { context, customer };
}

describe("customer totals and monthly summary", () => {
  it("totals are exact and leave voided events out", async () => {
    const { context, customer } = await storyFixture();
    expect(await customerTotals(context, customer.id)).toEqual({
      events: 9, purchases: 4, spend: "261.50", averagePurchase: "65.38", visits: 2, redemptions: 1, pointsEarned: 261, pointsSpent: 50,
    });
    const profile = await getCustomerProfile(context, customer.id);
    expect(profile?.lifetimeSpend).toBe("261.50");
    expect(profile?.nextTier).toEqual({ name: "Silver", remaining: "238.50", progress: 0.523 });
  });

  it("puts events in the merchant's local months, last 12 months, empty ones included", async () => {
    const { context, customer } = await storyFixture();
    const months = await customerMonthlySummary(context, customer.id, new Date("2025-03-15T12:00:00Z"));
    expect(months).toHaveLength(12);
    expect(months[0]?.month).toBe("2024-04");
    const by = Object.fromEntries(months.map((m) => [m.month, m]));
    expect(by["2025-01"]).toEqual({ month: "2025-01", events: 3, purchases: 2, spend: "161.50", visits: 1, redemptions: 0 });
    expect(by["2025-02"]).toEqual({ month: "2025-02", events: 1, purchases: 1, spend: "50.00", visits: 0, redemptions: 0 });
    expect(by["2025-03"]).toEqual({ month: "2025-03", events: 5, purchases: 1, spend: "50.00", visits: 1, redemptions: 1 });
    expect(by["2024-12"]?.events).toBe(0);
  });
});

describe("customer history", () => {
  it("pages newest first by keyset and pairs check-outs with their check-in", async () => {
    const { context, customer } = await storyFixture();
    const first = await customerHistory(context, customer.id, {}, 4);
    expect(first.events.map((e) => e.type)).toEqual(["redemption", "check_out", "check_out", "check_in"]);
    expect(first.events[0]?.data).toEqual({ reward: "Free Coffee", pointsCost: 50 });
    // The later check-out follows another check-out: no open check-in, so no length (input cannot forge one).
    expect(first.events[1]?.durationMinutes ?? null).toBeNull(); // no open check-in: no length, and none can be sent
    expect(first.events[2]?.durationMinutes).toBe(75);
    expect(first.olderCursor).not.toBeNull();
    const second = await customerHistory(context, customer.id, { before: first.olderCursor ?? undefined }, 4);
    expect(second.events.map((e) => e.occurredAt.toISOString())).toEqual([
      "2025-03-06T12:00:00.000Z", "2025-03-05T12:00:00.000Z", "2025-02-01T05:30:00.000Z", "2025-02-01T03:30:00.000Z",
    ]);
    expect(second.events[1]?.voided?.reason).toBe("Entered twice");
    const third = await customerHistory(context, customer.id, { before: second.olderCursor ?? undefined }, 4);
    expect(third.events).toHaveLength(2);
    expect(third.olderCursor).toBeNull();
    expect(third.events[1]?.sourceLabel).toBe(context.user.name); // the write path always names who entered a manual event
  });

  it("filters by type and by local date range", async () => {
    const { context, customer } = await storyFixture();
    const purchases = await customerHistory(context, customer.id, { type: "purchase" });
    expect(purchases.events).toHaveLength(5);
    const feb1 = await customerHistory(context, customer.id, { from: "2025-02-01", to: "2025-02-01" });
    expect(feb1.events.map((e) => e.occurredAt.toISOString())).toEqual(["2025-02-01T05:30:00.000Z"]);
    const jan = await customerHistory(context, customer.id, { from: "2025-01-01", to: "2025-01-31" });
    expect(jan.events).toHaveLength(3);
  });

  it("names the staff member who recorded an event", async () => {
    const context = await createContext("owner");
    const customer = await createCustomer(context);
    await addEvents(context, customer.id, [{ type: "visit", at: "2025-05-01T12:00:00Z" }, { type: "visit", at: "2025-05-02T12:00:00Z", source: "import" }]);
    const page = await customerHistory(context, customer.id, {});
    expect(page.events.map((e) => e.sourceLabel)).toEqual(["Import", context.user.name]);
  });
});

describe("another merchant's customer", () => {
  it("is simply not found", async () => {
    const { customer } = await storyFixture();
    const other = await createContext("owner");
    expect(await getCustomerProfile(other, customer.id)).toBeNull();
    expect(await getCustomerProfile(other, "not-a-uuid")).toBeNull();
    expect((await customerHistory(other, customer.id, {})).events).toEqual([]);
    expect((await customerTotals(other, customer.id)).events).toBe(0);
  });
});
