// The report deltas queue (migration 20261203040000): writes only queue, reads fold first, the job
// folds every queue, folds of one merchant take turns, and 'sync' keeps the old in-statement fold.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteCustomer } from "@/lib/customers/privacy";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import { monthlyFiguresDirect } from "@/lib/reports/direct";
import { foldAllPendingReports } from "@/lib/reports/fold-job";
import { foldPendingReports } from "@/lib/reports/fresh";
import { monthlySummary } from "@/lib/reports/monthly";
import { createContext } from "../support/factories";
import { zonedIso } from "../support/report-fixtures";

async function queued(merchantId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM report_pending WHERE merchant_id = ${merchantId}::uuid`;
  return Number(row?.n ?? 0);
}

async function merchantWithEvents(n: number) {
  const context = await createContext("owner", { timeZone: "Asia/Tokyo" });
  const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Queue", passSerial: `Q-${context.merchantId.slice(0, 8)}`, pass: { create: {} } }, select: { passSerial: true } });
  const manual = { kind: "manual" as const, userId: context.user.id, userName: context.user.name };
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [r] = await recordEvents(context, [{ type: "purchase", customer: { passSerial: customer.passSerial }, amount: "2.50", occurredAt: zonedIso(`2025-03-${String(1 + i).padStart(2, "0")}T23:30`, "Asia/Tokyo") }], manual);
    if (r?.status === "created") ids.push(r.event.id);
  }
  return { context, ids };
}

describe("the report deltas queue", () => {
  it("is filled by writes and voids, and emptied by the first read, which is exact", async () => {
    const { context, ids } = await merchantWithEvents(4);
    await voidEvent(context, { eventId: ids[0] ?? "", reason: "Entered twice" });
    expect(await queued(context.merchantId)).toBe(5);
    const { month: _m, timeZone: _t, currency: _c, previous: _p, ...figures } = await monthlySummary(context, { month: "2025-03" });
    expect(await queued(context.merchantId)).toBe(0);
    expect(figures).toEqual(await monthlyFiguresDirect(context, "2025-03", null));
    expect(figures).toMatchObject({ purchases: 3, revenue: "7.50", activeCustomers: 1, newCustomers: 1 });
  });

  it("is folded for every merchant by the job", async () => {
    const a = await merchantWithEvents(2);
    const b = await merchantWithEvents(3);
    expect(await foldAllPendingReports()).toBeGreaterThanOrEqual(5);
    expect([await queued(a.context.merchantId), await queued(b.context.merchantId)]).toEqual([0, 0]);
    expect((await monthlySummary(b.context, { month: "2025-03" })).purchases).toBe(3);
  });

  it("folds each delta once when folds of one merchant run at once", async () => {
    const { context } = await merchantWithEvents(6);
    const folded = await Promise.all(Array.from({ length: 4 }, () => foldPendingReports(context)));
    expect(folded.reduce((a, b) => a + b, 0)).toBe(6);
    expect((await monthlySummary(context, { month: "2025-03" })).purchases).toBe(6);
  });

  it("folds in the writing statement under punchcard.report_rollups = 'sync'", async () => {
    const { context } = await merchantWithEvents(0);
    const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Sync", passSerial: `S-${context.merchantId.slice(0, 8)}`, pass: { create: {} } }, select: { id: true } });
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL punchcard.report_rollups = 'sync'`;
      await tx.$executeRaw`INSERT INTO events (merchant_id, id, customer_id, type, source, occurred_at, amount, points, data)
        VALUES (${context.merchantId}::uuid, gen_random_uuid(), ${customer.id}::uuid, 'purchase', 'manual', ${new Date("2025-03-10T03:00:00Z")}, 4.00, 0, '{}')`;
    });
    expect(await queued(context.merchantId)).toBe(0);
    const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(count), 0)::bigint AS n FROM report_monthly_rollups WHERE merchant_id = ${context.merchantId}::uuid`;
    expect(Number(row?.n)).toBe(1);
  });

  it("is folded by a customer's deletion first, so their queued events stay in the monthly totals", async () => {
    const { context } = await merchantWithEvents(3);
    expect(await queued(context.merchantId)).toBe(3);
    const [customer] = await db.customer.findMany({ where: { merchantId: context.merchantId }, select: { id: true } });
    await deleteCustomer(context, { customerId: customer?.id ?? "", confirmation: "Queue" });
    expect(await queued(context.merchantId)).toBe(0);
    expect(await db.reportCustomerMonth.count({ where: { merchantId: context.merchantId } })).toBe(0);
    expect(await monthlySummary(context, { month: "2025-03" })).toMatchObject({ purchases: 3, revenue: "7.50", activeCustomers: 1, newCustomers: 1 });
  });
});
