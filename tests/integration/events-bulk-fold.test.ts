// The bulk mode inserts a chunk and folds it in one statement; when an idempotency key is taken by a
// concurrent writer between the chunk's read of existing keys and its insert, that statement is
// undone to its savepoint and the attempt redone with the key taken. Either way the passes and both
// rollups equal what the events say.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordEventsBulk } from "@/lib/events/bulk";
import { recordEvents } from "@/lib/events/record";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 120_000 });

const at = (minutes: number) => new Date(Date.UTC(2025, 4, 1, 9, 0) + minutes * 60_000).toISOString();

/** Passes and both rollups, by pass serial: equal between two merchants that recorded the same events. */
const folded = async (merchantId: string) => ({
  passes: await db.$queryRaw<unknown[]>`
    SELECT c.pass_serial, p.points_balance, p.visit_count, p.lifetime_spend::text, p.tier, p.pass_status::text, p.first_seen_at, p.last_seen_at
    FROM customer_passes p JOIN customers c ON c.id = p.customer_id WHERE p.merchant_id = ${merchantId}::uuid ORDER BY 1`,
  customer: await db.$queryRaw<unknown[]>`
    SELECT c.pass_serial, r.type::text, r.count, r.amount::text, r.points, r.first_at, r.last_at
    FROM customer_rollups r JOIN customers c ON c.id = r.customer_id WHERE r.merchant_id = ${merchantId}::uuid ORDER BY 1, 2`,
  daily: await db.$queryRaw<unknown[]>`
    SELECT day, type::text, location_key, count, amount::text, points FROM daily_rollups WHERE merchant_id = ${merchantId}::uuid ORDER BY 1, 2, 3`,
});

describe("the bulk mode's one-statement fold", () => {
  it("folds a whole chunk with its insert", async () => {
    const context = await createContext("owner");
    const inputs = [
      { type: "purchase", customer: { passSerial: "F-1" }, createCustomer: true, occurredAt: at(0), amount: "12.00", idempotencyKey: "k-1" },
      { type: "visit", customer: { passSerial: "F-1" }, occurredAt: at(5), idempotencyKey: "k-2" },
      { type: "purchase", customer: { passSerial: "F-2" }, createCustomer: true, occurredAt: at(6), amount: "3.50", idempotencyKey: "k-3" },
    ];
    const results = await db.$transaction((tx) => recordEventsBulk(context, inputs, { kind: "api", apiKeyId: context.user.id, apiKeyName: "till" }, tx));
    expect(results.map((r) => r.status)).toEqual(["created", "created", "created"]);
    const reference = await createContext("owner");
    await recordEvents(reference, inputs, { kind: "api", apiKeyId: reference.user.id, apiKeyName: "till" });
    expect(await folded(context.merchantId)).toEqual(await folded(reference.merchantId));
  });

  it("redoes the chunk without the key taken between the read and the insert", async () => {
    const context = await createContext("owner");
    const source = { kind: "api" as const, apiKeyId: context.user.id, apiKeyName: "till" };
    await recordEvents(context, [{ type: "visit", customer: { passSerial: "R-1" }, createCustomer: true, occurredAt: at(-10) }], source);
    const taken = { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(0), amount: "20.00", idempotencyKey: "race-1" };
    // A concurrent writer holds the key, uncommitted, while the chunk reads the existing keys.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const holding = new Promise<void>((resolve) => (inserted = resolve));
    const writer = db.$transaction(async (tx) => {
      await recordEvents(context, [taken], source, { tx });
      inserted();
      await released;
    }, { timeout: 60_000 });
    await holding;
    const chunk = db.$transaction((tx) => recordEventsBulk(context, [
      taken,
      { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(1), amount: "5.00", idempotencyKey: "race-2" },
    ], source, tx), { timeout: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the chunk is now waiting on the key
    release();
    await writer;
    const results = await chunk;
    expect(results.map((r) => r.status)).toEqual(["duplicate", "created"]);
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(3);
    // The same three events, one after the other.
    const reference = await createContext("owner");
    const own = { kind: "api" as const, apiKeyId: reference.user.id, apiKeyName: "till" };
    await recordEvents(reference, [{ type: "visit", customer: { passSerial: "R-1" }, createCustomer: true, occurredAt: at(-10) }], own);
    await recordEvents(reference, [taken], own);
    await recordEvents(reference, [{ type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(1), amount: "5.00", idempotencyKey: "race-2" }], own);
    expect(await folded(context.merchantId)).toEqual(await folded(reference.merchantId));
  });
});
