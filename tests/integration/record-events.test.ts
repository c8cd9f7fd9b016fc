import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import type { EventSourceRef, RecordResult } from "@/lib/events/types";
import { suppressionHash } from "@/lib/customers/suppression";
import { createContext, createUser } from "../support/factories";

function created(result: RecordResult | undefined) {
  if (result?.status !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result;
}

async function setup(role: "owner" | "staff" = "owner") {
  const context = await createContext(role);
  const source: EventSourceRef = { kind: "manual", userId: context.user.id, userName: context.user.name };
  const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Ada", passSerial: `S-${Date.now()}-${Math.random()}`, pass: { create: {} } } });
  return { context, source, customer };
}

describe("recordEvents", () => {
  it("earns points by the merchant's rule, counts visits, tracks spend and tier, updates rollups", async () => {
    const { context, source, customer } = await setup();
    await db.merchant.update({ where: { id: context.merchantId }, data: { pointsPerCurrency: "2", tiers: [{ name: "Silver", minSpend: "100" }, { name: "Gold", minSpend: "250" }] } });
    const ref = { passSerial: customer.passSerial };
    const results = await recordEvents(context, [
      { type: "purchase", customer: ref, amount: "60.99", occurredAt: "2025-01-31T23:30:00-05:00" },
      { type: "purchase", customer: ref, amount: "49.01", occurredAt: "2025-02-01T04:30:00Z" },
      { type: "visit", customer: ref },
      { type: "check_in", customer: ref },
    ], source);
    expect(created(results[0]).event.points).toBe(121); // floor(60.99 × 2)
    expect(created(results[1]).pass).toMatchObject({ pointsBalance: 219, lifetimeSpend: "110.00", tier: "Silver" });
    const after = await db.customerPass.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(after.pointsBalance).toBe(219);
    expect(after.visitCount).toBe(2);
    expect(after.lifetimeSpend.toFixed(2)).toBe("110.00");
    expect(after.tier).toBe("Silver");

    // Both purchases fall on Jan 31 in New York, although the second is Feb 1 in UTC.
    const daily = await db.dailyRollup.findMany({ where: { merchantId: context.merchantId, type: "purchase" } });
    expect(daily).toHaveLength(1);
    expect(daily[0]?.day.toISOString().slice(0, 10)).toBe("2025-01-31");
    expect(daily[0]?.amount.toFixed(2)).toBe("110.00");
    expect(daily[0]?.count).toBe(2);
    const perCustomer = await db.customerRollup.findUniqueOrThrow({ where: { merchantId_customerId_type: { merchantId: context.merchantId, customerId: customer.id, type: "purchase" } } });
    expect(perCustomer).toMatchObject({ count: 2, points: 219n });
  });

  it("refuses a redemption above the balance and deducts one within it", async () => {
    const { context, source, customer } = await setup();
    const ref = { passSerial: customer.passSerial };
    await recordEvents(context, [{ type: "purchase", customer: ref, amount: 120 }], source);
    const [tooMuch] = await recordEvents(context, [{ type: "redemption", customer: ref, data: { reward: "Cake", pointsCost: 500 } }], source);
    expect(tooMuch).toMatchObject({ status: "error", error: { code: "insufficient_points", path: "data.pointsCost" } });
    const [ok] = await recordEvents(context, [{ type: "redemption", customer: ref, data: { reward: "Free Coffee", pointsCost: 100 } }], source);
    expect(created(ok).pass.pointsBalance).toBe(20);
    expect(await db.event.count({ where: { customerId: customer.id, type: "redemption" } })).toBe(1);
  });

  it("keeps no new customer when their only event is refused", async () => {
    const { context, source } = await setup();
    const serial = `NEW-R-${Date.now()}`;
    const [refused] = await recordEvents(context, [{ type: "redemption", customer: { passSerial: serial }, createCustomer: true, data: { reward: "Cake", pointsCost: 10 } }], source);
    expect(refused).toMatchObject({ status: "error", error: { code: "insufficient_points" } });
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: serial } })).toBe(0);
    // A batch that also records a visit for them keeps the customer.
    const results = await recordEvents(context, [
      { type: "redemption", customer: { passSerial: serial }, createCustomer: true, data: { reward: "Cake", pointsCost: 10 } },
      { type: "visit", customer: { passSerial: serial }, createCustomer: true },
    ], source);
    expect(results.map((r) => r.status)).toEqual(["error", "created"]);
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: serial } })).toBe(1);
  });

  it("records the valid events of a batch and reports the invalid ones by index", async () => {
    const { context, source, customer } = await setup();
    const ref = { passSerial: customer.passSerial };
    const results = await recordEvents(context, [
      { type: "visit", customer: ref },
      { type: "purchase", customer: ref, amount: "1.234" },
      { type: "visit", customer: { passSerial: "nope" } },
      { type: "visit", customer: ref, location: "Moon base" },
    ], source);
    expect(results.map((r) => r.status)).toEqual(["created", "error", "error", "error"]);
    expect(results[1]).toMatchObject({ error: { code: "validation_error", path: "amount" } });
    expect(results[2]).toMatchObject({ error: { code: "customer_not_found", path: "customer" } });
    expect(results[3]).toMatchObject({ error: { code: "unknown_location", path: "location" } });
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("replays an idempotency key with the original event and refuses it with a different body", async () => {
    const { context, source, customer } = await setup();
    const event = { type: "purchase", customer: { passSerial: customer.passSerial }, amount: "5.00", idempotencyKey: "till-7-receipt-1" };
    const first = created((await recordEvents(context, [event], source))[0]);
    const [again] = await recordEvents(context, [event], source);
    expect(again).toMatchObject({ status: "duplicate", event: { id: first.event.id }, pass: { pointsBalance: 5 } });
    const [conflict] = await recordEvents(context, [{ ...event, amount: "6.00" }], source);
    expect(conflict).toMatchObject({ status: "error", error: { code: "idempotency_conflict" } });
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("scopes idempotency keys to the merchant", async () => {
    const a = await setup();
    const b = await setup();
    const key = `shared-${Date.now()}`;
    const [ra] = await recordEvents(a.context, [{ type: "visit", customer: { passSerial: a.customer.passSerial }, idempotencyKey: key }], a.source);
    const [rb] = await recordEvents(b.context, [{ type: "visit", customer: { passSerial: b.customer.passSerial }, idempotencyKey: key }], b.source);
    expect(ra?.status).toBe("created");
    expect(rb?.status).toBe("created");
  });

  it("cannot touch another merchant's customer", async () => {
    const a = await setup();
    const b = await setup();
    const [result] = await recordEvents(a.context, [{ type: "visit", customer: { id: b.customer.id } }], a.source);
    expect(result).toMatchObject({ status: "error", error: { code: "customer_not_found" } });
    const [bySerial] = await recordEvents(a.context, [{ type: "visit", customer: { passSerial: b.customer.passSerial }, createCustomer: true }], a.source);
    // Creates a separate customer in merchant A; B's pass is untouched.
    expect(bySerial?.status).toBe("created");
    expect((await db.customerPass.findFirstOrThrow({ where: { customerId: b.customer.id } })).visitCount).toBe(0);
  });

  it("keeps balances exact under 50 concurrent purchases for one customer", async () => {
    const { context, source, customer } = await setup();
    const ref = { passSerial: customer.passSerial };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => recordEvents(context, [{ type: "purchase", customer: ref, amount: "3.75" }, { type: "visit", customer: ref }], source)),
    );
    expect(results.flat().every((r) => r.status === "created")).toBe(true);
    const after = await db.customerPass.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(after.pointsBalance).toBe(150); // 50 × floor(3.75)
    expect(after.visitCount).toBe(50);
    expect(after.lifetimeSpend.toFixed(2)).toBe("187.50");
    const rollup = await db.customerRollup.findUniqueOrThrow({ where: { merchantId_customerId_type: { merchantId: context.merchantId, customerId: customer.id, type: "purchase" } } });
    expect(rollup.count).toBe(50);
    expect(rollup.amount.toFixed(2)).toBe("187.50");
  });

  it("creates an unknown customer once even when asked concurrently", async () => {
    const { context, source } = await setup();
    const serial = `NEW-${Date.now()}`;
    await Promise.all(Array.from({ length: 10 }, () => recordEvents(context, [{ type: "visit", customer: { passSerial: serial, name: "Neo" }, createCustomer: true }], source)));
    const customers = await db.customer.findMany({ where: { merchantId: context.merchantId, passSerial: serial }, include: { pass: true } });
    expect(customers).toHaveLength(1);
    expect(customers[0]?.pass?.visitCount).toBe(10);
  });

  it("derives a check-out's duration from the open check-in", async () => {
    const { context, source, customer } = await setup();
    const ref = { passSerial: customer.passSerial };
    await recordEvents(context, [{ type: "check_in", customer: ref, occurredAt: "2025-03-01T10:00:00Z" }], source);
    const [out] = await recordEvents(context, [{ type: "check_out", customer: ref, occurredAt: "2025-03-01T11:15:00Z" }], source);
    expect(created(out).event.data.durationMinutes).toBe(75);
  });

  it("refuses events for a customer who asked to be deleted", async () => {
    const { context, source } = await setup();
    await db.customerSuppression.create({ data: { merchantId: context.merchantId, kind: "email", identifierHash: suppressionHash(context.merchantId, "email", "Gone@Example.com") } });
    const [result] = await recordEvents(context, [{ type: "visit", customer: { email: "gone@example.com" }, createCustomer: true }], source);
    expect(result).toMatchObject({ status: "error", error: { code: "customer_deleted" } });
    expect(await db.customer.count({ where: { merchantId: context.merchantId, email: "gone@example.com" } })).toBe(0);
  });
});

describe("voidEvent", () => {
  it("reverses the pass and rollups, keeps the event marked voided, and audits who and why", async () => {
    const { context, source, customer } = await setup();
    const ref = { passSerial: customer.passSerial };
    const [purchase] = await recordEvents(context, [{ type: "purchase", customer: ref, amount: "520.00" }, { type: "visit", customer: ref }], source);
    const { pass } = await voidEvent(context, { eventId: created(purchase).event.id, reason: "Rang up twice" });
    expect(pass).toMatchObject({ pointsBalance: 0, lifetimeSpend: "0.00", tier: null, visitCount: 1 });
    const event = await db.event.findUniqueOrThrow({ where: { id: created(purchase).event.id } });
    expect(event.voidReason).toBe("Rang up twice");
    const daily = await db.dailyRollup.findMany({ where: { merchantId: context.merchantId, type: "purchase" } });
    expect(daily.reduce((n, d) => n + d.count, 0)).toBe(0);
    expect(daily[0]?.amount.toFixed(2)).toBe("0.00");
    await expect(voidEvent(context, { eventId: event.id, reason: "again" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditLog.count({ where: { merchantId: context.merchantId, action: "event.voided", targetId: event.id } })).toBe(1);
  });

  it("lets staff void only their own events, and nobody void another merchant's", async () => {
    const { context, source, customer } = await setup();
    const staff = await createUser(context.merchantId, "staff");
    const staffContext = { ...context, user: { id: staff.id, name: staff.name, email: staff.email, role: "staff" as const } };
    const [byOwner] = await recordEvents(context, [{ type: "visit", customer: { passSerial: customer.passSerial } }], source);
    await expect(voidEvent(staffContext, { eventId: created(byOwner).event.id, reason: "oops" })).rejects.toMatchObject({ code: "forbidden" });
    const other = await setup();
    await expect(voidEvent(other.context, { eventId: created(byOwner).event.id, reason: "oops" })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.event.findUniqueOrThrow({ where: { id: created(byOwner).event.id } })).voidedAt).toBeNull();
  });
});

describe("recordEvents leaves nothing half-done", () => {
  it("does not create a customer for an event refused for its location", async () => {
    const context = await createContext("owner");
    const source: EventSourceRef = { kind: "manual", userId: context.user.id, userName: context.user.name };
    const serial = `LOC-${Date.now()}`;
    const [result] = await recordEvents(context, [{ type: "visit", customer: { passSerial: serial }, createCustomer: true, location: "Moon base" }], source);
    expect(result).toMatchObject({ status: "error", error: { code: "unknown_location" } });
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: serial } })).toBe(0);
  });
});
