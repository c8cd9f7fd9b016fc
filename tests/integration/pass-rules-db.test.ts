// The pass rules against the database: void restores every field, the set-based fold (imports'
// bulk mode) leaves exactly what recordEvents leaves, and the seed's rollup derive agrees.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { foldInsertedEvents, type InsertedEvent } from "@/lib/events/fold";
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

  it("folding inserted rows (the imports bulk mode) leaves what recordEvents leaves", async () => {
    const context = await createContext("owner");
    const source = { kind: "import" as const, importId: uuidv7(), label: "Test" };
    const viaRecord = await newCustomer(context.merchantId, "Record");
    const viaFold = await newCustomer(context.merchantId, "Fold");
    const all = [...EVENTS, ...LATER];
    await recordEvents(context, all.map((e) => ({ ...e, customer: { id: viaRecord.id } })), source);

    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { id: true, timeZone: true, tiers: true } });
    await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<InsertedEvent[]>`
        INSERT INTO events (id, merchant_id, customer_id, type, occurred_at, amount, points, source)
        SELECT gen_random_uuid(), ${context.merchantId}::uuid, ${viaFold.id}::uuid, x.type::"EventType", x.at::timestamptz, x.amount::numeric,
               CASE WHEN x.type = 'purchase' THEN floor(x.amount::numeric)::int ELSE 0 END, 'import'
        FROM json_to_recordset(${JSON.stringify(all.map((e) => ({ type: e.type, at: e.occurredAt, amount: "amount" in e ? e.amount : null })))}::json) AS x(type text, at text, amount text)
        RETURNING customer_id::text, type::text AS type, source::text AS source, occurred_at, location_id::text, amount::text, points`;
      await foldInsertedEvents(tx, merchant, rows);
    });
    const a = await snapshot(context.merchantId, viaRecord.id);
    const b = await snapshot(context.merchantId, viaFold.id);
    expect(b).toEqual(a);
    const daily = await db.dailyRollup.findMany({ where: { merchantId: context.merchantId }, orderBy: [{ day: "asc" }, { type: "asc" }] });
    expect(daily.every((d) => d.count === 2)).toBe(true);
  });
});
