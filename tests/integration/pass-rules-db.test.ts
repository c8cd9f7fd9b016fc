// The pass rules against the database: voids restore every field of the pass and the rollups.
// (The imports bulk mode against recordEvents: tests/integration/events-bulk.test.ts and
// imports.test.ts.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import { uuidv7 } from "@/lib/ids";
import { createContext } from "../support/factories";

async function newCustomer(merchantId: string, name: string) {
  return db.customer.create({ data: { merchantId, name, passSerial: `S-${uuidv7()}`, pass: { create: {} } } });
}

async function snapshot(merchantId: string, customerId: string) {
  const pass = await db.customerPass.findUniqueOrThrow({ where: { merchantId_customerId: { merchantId, customerId } }, omit: { updatedAt: true, customerId: true } });
  const rollups = await db.customerRollup.findMany({ where: { merchantId, customerId, count: { not: 0 } }, orderBy: { type: "asc" }, omit: { customerId: true } });
  return { pass: { ...pass, lifetimeSpend: pass.lifetimeSpend.toFixed(2) }, rollups: rollups.map((r) => ({ ...r, amount: r.amount.toFixed(2) })) };
}

const EVENTS = [
  { type: "pass_installed", occurredAt: "2025-03-01T10:00:00Z" },
  { type: "purchase", amount: "520.00", occurredAt: "2025-03-02T10:00:00Z" },
  { type: "visit", occurredAt: "2025-03-03T10:00:00Z" },
] as const;
const LATER = [
  { type: "pass_uninstalled", occurredAt: "2025-03-10T10:00:00Z" },
  { type: "purchase", amount: "30.00", occurredAt: "2025-02-20T10:00:00Z" },
  { type: "check_in", occurredAt: "2025-03-09T10:00:00Z" },
  { type: "notification_received", occurredAt: "2025-03-12T10:00:00Z" },
] as const;

describe("the pass rules in the database", () => {
  it("voids in any order return the pass and the customer's rollups exactly to where they were", async () => {
    const context = await createContext("owner");
    const source = { kind: "manual" as const, userId: context.user.id, userName: context.user.name };
    const customer = await newCustomer(context.merchantId, "Ada");
    await recordEvents(context, EVENTS.map((e) => ({ ...e, customer: { id: customer.id } })), source);
    const before = await snapshot(context.merchantId, customer.id);
    expect(before.pass).toMatchObject({ passStatus: "installed", tier: "Silver", visitCount: 1, lastSeenAt: new Date("2025-03-03T10:00:00Z") });

    const results = await recordEvents(context, LATER.map((e) => ({ ...e, customer: { id: customer.id } })), source);
    const after = await snapshot(context.merchantId, customer.id);
    // The notification is not activity; the uninstall is the latest status.
    expect(after.pass).toMatchObject({ passStatus: "uninstalled", lastSeenAt: new Date("2025-03-09T10:00:00Z"), firstSeenAt: new Date("2025-02-20T10:00:00Z") });
    for (const index of [2, 0, 3, 1]) {
      const result = results[index];
      if (result?.status !== "created") throw new Error("not recorded");
      await voidEvent(context, { eventId: result.event.id, reason: "Test void" });
    }
    expect(await snapshot(context.merchantId, customer.id)).toEqual(before);
  });
});
