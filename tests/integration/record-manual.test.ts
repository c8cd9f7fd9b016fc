import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findRecentDuplicate, DUPLICATE_WINDOW_MS } from "@/lib/events/duplicates";
import { recordManualEvent } from "@/lib/events/manual";
import { lastLocationId } from "@/lib/locations/queries";
import { createContext } from "../support/factories";

async function setup() {
  const context = await createContext("staff", { timeZone: "America/New_York" });
  const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Ada", passSerial: `S-${Math.random()}`, pass: { create: {} } } });
  const location = await db.location.create({ data: { merchantId: context.merchantId, name: "Downtown" } });
  return { context, customer, location };
}

describe("findRecentDuplicate", () => {
  it("matches the same customer + type + amount entered within two minutes only", async () => {
    const { context, customer } = await setup();
    const first = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "12.50" });
    expect(first.status).toBe("created");
    const soon = new Date(Date.now() + 60_000);
    const later = new Date(Date.now() + DUPLICATE_WINDOW_MS + 1_000);
    const base = { customerId: customer.id, type: "purchase" as const };
    expect(await findRecentDuplicate(context, { ...base, amount: "12.5" }, soon)).toMatchObject({ recordedBy: context.user.name });
    expect(await findRecentDuplicate(context, { ...base, amount: "12.51" }, soon)).toBeNull();
    expect(await findRecentDuplicate(context, { ...base, type: "visit" }, soon)).toBeNull();
    expect(await findRecentDuplicate(context, { ...base, amount: "12.50" }, later)).toBeNull();
    const other = await createContext("staff");
    expect(await findRecentDuplicate(other, { ...base, amount: "12.50" }, soon)).toBeNull();
  });
});

describe("recordManualEvent", () => {
  it("asks before recording a repeat, records it when confirmed, and remembers the location", async () => {
    const { context, customer, location } = await setup();
    const input = { customerId: customer.id, type: "visit" as const, locationId: location.id };
    const first = await recordManualEvent(context, input);
    expect(first).toMatchObject({ status: "created", pass: { visitCount: 1 }, event: { location: "Downtown", source: "manual" } });
    expect(await lastLocationId(context)).toBe(location.id);
    const again = await recordManualEvent(context, input);
    expect(again.status).toBe("possible_duplicate");
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(1);
    const confirmed = await recordManualEvent(context, { ...input, confirmDuplicate: true });
    expect(confirmed).toMatchObject({ status: "created", pass: { visitCount: 2 } });
  });

  it("reads a back-dated time in the merchant's zone and refuses future times", async () => {
    const { context, customer } = await setup();
    const result = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "$20", occurredAtLocal: "2025-01-15T10:45", data: { items: "2", orderId: "" }, confirmUnusual: true });
    if (result.status !== "created") throw new Error(JSON.stringify(result));
    expect(result.event.occurredAt).toBe("2025-01-15T15:45:00.000Z");
    expect(result.event.amount).toBe("20.00");
    expect(result.event.data).toEqual({ items: 2 });
    expect(result.pass.pointsBalance).toBe(20);
    const future = new Date(Date.now() + 60 * 60_000);
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", dateStyle: "short", timeStyle: "short" }).format(future).replace(" ", "T");
    await expect(recordManualEvent(context, { customerId: customer.id, type: "visit", occurredAtLocal: local })).rejects.toMatchObject({ code: "VALIDATION", path: "occurredAt" });
  });

  it("reports the write path's errors with their field", async () => {
    const { context, customer } = await setup();
    const missing = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "" });
    expect(missing).toMatchObject({ status: "error", error: { code: "validation_error", path: "amount" } });
    const broke = await recordManualEvent(context, { customerId: customer.id, type: "redemption", data: { reward: "Cake", pointsCost: "50" } });
    expect(broke).toMatchObject({ status: "error", error: { code: "insufficient_points", path: "data.pointsCost" } });
    const other = await createContext("staff");
    const foreign = await recordManualEvent(other, { customerId: customer.id, type: "visit" });
    expect(foreign).toMatchObject({ status: "error", error: { code: "customer_not_found" } });
  });
});
