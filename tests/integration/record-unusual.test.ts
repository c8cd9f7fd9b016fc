// The counter's checks on entries that are probably typos (issue #13, items 5–7).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordManualEvent } from "@/lib/events/manual";
import { toLocalInput } from "@/lib/local-datetime";
import { createContext } from "../support/factories";

async function setup() {
  const context = await createContext("staff", { timeZone: "America/New_York" });
  const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Ada", passSerial: `S-${Math.random()}`, pass: { create: {} } } });
  return { context, customer };
}

describe("recordManualEvent: unusual amounts and dates", () => {
  it("asks before a purchase far above the shop's usual ones, and records it when confirmed", async () => {
    const { context, customer } = await setup();
    const at = (i: number) => toLocalInput(new Date(Date.now() - (i + 1) * 3_600_000), "America/New_York");
    // 25 ordinary purchases (the check needs enough history), each a different amount and hour.
    for (let i = 0; i < 25; i++) {
      const r = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: `${4 + i}.50`, occurredAtLocal: at(24 - i), confirmDuplicate: true });
      expect(r.status).toBe("created");
    }
    const input = { customerId: customer.id, type: "purchase" as const, amount: "900000" };
    const asked = await recordManualEvent(context, input);
    expect(asked).toMatchObject({ status: "needs_confirmation", reasons: [{ code: "amount_above_usual" }] });
    expect(await recordManualEvent(context, { ...input, amount: "250" })).toMatchObject({ status: "created" });
    expect(await recordManualEvent(context, { ...input, confirmUnusual: true })).toMatchObject({ status: "created", event: { amount: "900000.00" } });
  });

  it("asks above the owner's maximum even without history", async () => {
    const { context, customer } = await setup();
    await db.merchant.update({ where: { id: context.merchantId }, data: { maxPurchaseAmount: "200" } });
    const r = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "200.01" });
    expect(r).toMatchObject({ status: "needs_confirmation", reasons: [{ code: "amount_above_maximum" }] });
    expect(await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "200" })).toMatchObject({ status: "created" });
  });

  it("asks before a date more than 90 days back or before the first event", async () => {
    const { context, customer } = await setup();
    const old = await recordManualEvent(context, { customerId: customer.id, type: "visit", occurredAtLocal: "2023-05-02T12:00" });
    expect(old).toMatchObject({ status: "needs_confirmation", reasons: [{ code: "date_long_ago" }] });
    expect(await recordManualEvent(context, { customerId: customer.id, type: "visit", occurredAtLocal: "2023-05-02T12:00", confirmUnusual: true })).toMatchObject({ status: "created" });
    // Now the first event is in 2023: a date before it asks, with its own reason.
    const before = await recordManualEvent(context, { customerId: customer.id, type: "visit", occurredAtLocal: "2022-01-01T09:00" });
    expect(before).toMatchObject({ status: "needs_confirmation", reasons: [{ code: "date_before_first_event" }] });
    const recent = toLocalInput(new Date(Date.now() - 3 * 86_400_000), "America/New_York");
    expect(await recordManualEvent(context, { customerId: customer.id, type: "visit", occurredAtLocal: recent, confirmDuplicate: true })).toMatchObject({ status: "created" });
  });

  it("refuses a redemption that costs 0 points and records a lone check-out without a visit length", async () => {
    const { context, customer } = await setup();
    const zero = await recordManualEvent(context, { customerId: customer.id, type: "redemption", data: { reward: "Free Coffee", pointsCost: "0" } });
    expect(zero).toMatchObject({ status: "error", error: { path: "data.pointsCost" } });
    const lone = await recordManualEvent(context, { customerId: customer.id, type: "check_out" });
    expect(lone).toMatchObject({ status: "created" });
    expect(lone.status === "created" && lone.event.data.durationMinutes).toBeUndefined();
  });
});
