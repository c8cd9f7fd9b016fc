// Single events recorded through the API's group commit must add up exactly as if sent one by one.
import { describe, expect, it } from "vitest";
import { postEvents } from "@/lib/api/routes";
import { db } from "@/lib/db";
import { apiRequest, createApiKey } from "../support/api-keys";
import { createMerchant } from "../support/factories";

describe("POST /api/v1/events under concurrency", () => {
  it("keeps balances, visits and rollups exact for 60 concurrent single events on one pass", async () => {
    const merchant = await createMerchant();
    const { secret } = await createApiKey(merchant.id, { rateLimitPerSecond: 10_000 });
    const customer = await db.customer.create({ data: { merchantId: merchant.id, passSerial: `C-${crypto.randomUUID()}`, pass: { create: {} } } });
    const ref = { passSerial: customer.passSerial };
    const post = (body: unknown, key?: string) =>
      postEvents(apiRequest("/api/v1/events", secret, { method: "POST", body: JSON.stringify(body), headers: key ? { "Idempotency-Key": key } : {} }));
    const responses = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => post({ type: "purchase", customer: ref, amount: "2.50" }, `p-${i}`)),
      ...Array.from({ length: 30 }, () => post({ type: "visit", customer: ref })),
    ]);
    expect(responses.map((r) => r.status)).toEqual(Array(60).fill(201));
    const after = await db.customerPass.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(after).toMatchObject({ pointsBalance: 60, visitCount: 30 }); // 30 × floor(2.50)
    expect(after.lifetimeSpend.toFixed(2)).toBe("75.00");
    const rollups = await db.customerRollup.findMany({ where: { merchantId: merchant.id, customerId: customer.id }, orderBy: { type: "asc" } });
    expect(rollups.map((r) => [r.type, r.count])).toEqual([["purchase", 30], ["visit", 30]]);
    const daily = await db.dailyRollup.aggregate({ where: { merchantId: merchant.id }, _sum: { count: true } });
    expect(daily._sum.count).toBe(60);
  });

  it("answers 40 concurrent retries of one key with one 201 and 39 replays of the same event", async () => {
    const merchant = await createMerchant();
    const { secret } = await createApiKey(merchant.id, { rateLimitPerSecond: 10_000 });
    const customer = await db.customer.create({ data: { merchantId: merchant.id, passSerial: `C-${crypto.randomUUID()}`, pass: { create: {} } } });
    const body = JSON.stringify({ type: "purchase", customer: { passSerial: customer.passSerial }, amount: "9.00" });
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => postEvents(apiRequest("/api/v1/events", secret, { method: "POST", body, headers: { "Idempotency-Key": "same" } }))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(39).fill(200), 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { event: { id: string } }).event.id)));
    expect(ids.size).toBe(1);
    expect(await db.event.count({ where: { merchantId: merchant.id } })).toBe(1);
  });
});
