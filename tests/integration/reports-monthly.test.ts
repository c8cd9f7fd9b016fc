import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteCustomer } from "@/lib/customers/privacy";
import { recordEvents } from "@/lib/events/record";
import { monthlyFiguresDirect } from "@/lib/reports/direct";
import { addMonths } from "@/lib/reports/month";
import { foldPendingReports } from "@/lib/reports/fresh";
import { monthlySummary, resolveReportLocation } from "@/lib/reports/monthly";
import { reportFixture, zonedIso } from "../support/report-fixtures";

const MONTHS = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-10", "2025-11"];

async function expectRollupsEqualDirect(fixture: Awaited<ReturnType<typeof reportFixture>>) {
  for (const location of [null, ...fixture.locations]) {
    for (const month of MONTHS) {
      const summary = await monthlySummary(fixture.context, { month, location });
      const { month: _m, timeZone: _t, currency: _c, previous, ...figures } = summary;
      expect({ month, location: location?.name, ...figures }).toEqual({ month, location: location?.name, ...(await monthlyFiguresDirect(fixture.context, month, location?.id ?? null)) });
      expect(previous).toEqual(await monthlyFiguresDirect(fixture.context, addMonths(month, -1), location?.id ?? null));
    }
  }
}

describe("monthly summary from the report rollups", () => {
  for (const timeZone of ["America/New_York", "Asia/Tokyo", "Europe/London"]) {
    it(`equals a direct aggregate over the events in ${timeZone}, per location too`, async () => {
      const fixture = await reportFixture(timeZone);
      await expectRollupsEqualDirect(fixture);
    });
  }

  it("puts 23:30 on the last day and 00:30 on the first day in the merchant's months", async () => {
    const fixture = await reportFixture("America/New_York", { randomEvents: 0 });
    const jan = await monthlySummary(fixture.context, { month: "2025-01" });
    expect(jan).toMatchObject({ month: "2025-01", timeZone: "America/New_York", currency: "USD", purchases: 1, revenue: "10.50", averagePurchase: "10.50", activeCustomers: 1, newCustomers: 1, returningCustomers: 0 });
    const feb = await monthlySummary(fixture.context, { month: "2025-02" });
    // Customer 0 came back in February (at another location); the automation's events are not activity.
    // The visit at 23:30 on Feb 28 was voided.
    expect(feb).toMatchObject({ purchases: 3, revenue: "257.25", visits: 1, redemptions: 1, pointsRedeemed: 100, returningCustomers: 1 });
    expect(feb.byType).toMatchObject({ "custom:Birthday": 1, "custom:Referral": 1, pass_uninstalled: 1, notification_received: 1 });
    expect(feb.activeCustomers).toBe(4); // 0, 1, 2, 4 — not 5 (only a removed pass and an automation)
    const harbor = await resolveReportLocation(fixture.context, "harbor");
    const febHarbor = await monthlySummary(fixture.context, { month: "2025-02", location: harbor });
    // At Harbor, customer 0's first activity is in February: new there, although returning overall.
    expect(febHarbor).toMatchObject({ purchases: 2, revenue: "7.25", activeCustomers: 1, newCustomers: 1 });
  });

  it("moves a customer's first month when an earlier event is back-dated, and back when it is voided", async () => {
    const fixture = await reportFixture("Asia/Tokyo", { randomEvents: 0 });
    const { context } = fixture;
    const ref = { passSerial: fixture.customers[3]?.passSerial ?? "" }; // first active in March (DST visits)
    expect((await monthlySummary(context, { month: "2025-03" })).newCustomers).toBe(1);
    const [result] = await recordEvents(context, [{ type: "app_open", customer: ref, occurredAt: zonedIso("2024-12-31T23:59", "Asia/Tokyo") }], { kind: "import", importId: "00000000-0000-7000-8000-000000000001", label: "test" });
    if (result?.status !== "created") throw new Error("not recorded");
    expect((await monthlySummary(context, { month: "2024-12" })).newCustomers).toBe(1);
    expect((await monthlySummary(context, { month: "2025-03" })).newCustomers).toBe(0);
    await db.$executeRaw`UPDATE events SET voided_at = now(), void_reason = 'test' WHERE id = ${result.event.id}::uuid`;
    expect((await monthlySummary(context, { month: "2024-12" })).activeCustomers).toBe(0);
    await expectRollupsEqualDirect(fixture);
  });

  it("keeps monthly totals when a customer is deleted, while their events leave the per-customer rows", async () => {
    const fixture = await reportFixture("America/New_York", { seed: 11 });
    const before = await Promise.all(MONTHS.map((month) => monthlySummary(fixture.context, { month })));
    const victim = fixture.customers[0];
    if (!victim) throw new Error("no customer");
    await deleteCustomer(fixture.context, { customerId: victim.id, confirmation: "Fixture 0" });
    const after = await Promise.all(MONTHS.map((month) => monthlySummary(fixture.context, { month })));
    expect(after).toEqual(before);
    expect(await db.reportCustomerMonth.count({ where: { merchantId: fixture.context.merchantId, customerId: victim.id } })).toBe(0);
    expect(await db.reportCustomerDay.count({ where: { merchantId: fixture.context.merchantId, customerId: victim.id } })).toBe(0);
    // The direct aggregate no longer sees them; the rollups keep them as anonymous counts.
    const direct = await monthlyFiguresDirect(fixture.context, "2025-01", null);
    expect(direct.purchases).toBeLessThan(before[1]?.purchases ?? 0);
  });

  it("rebuilds to the same rollups the triggers kept", async () => {
    const fixture = await reportFixture("Europe/London", { seed: 3 });
    const m = fixture.context.merchantId;
    await foldPendingReports(fixture.context);
    const snapshot = async () => ({
      monthly: await db.$queryRaw`SELECT month, type::text, custom_name, location_key, count, amount::text, points_issued::text, points_redeemed::text FROM report_monthly_rollups WHERE merchant_id = ${m}::uuid AND count <> 0 ORDER BY 1, 2, 3, 4`,
      hourly: await db.$queryRaw`SELECT day, hour, type::text, location_key, count, amount::text FROM report_hourly_rollups WHERE merchant_id = ${m}::uuid AND count <> 0 ORDER BY 1, 2, 3, 4`,
      months: await db.$queryRaw`SELECT customer_id::text, scope, month, activity, purchases, spend::text FROM report_customer_months WHERE merchant_id = ${m}::uuid ORDER BY 1, 2, 3`,
      counts: await db.$queryRaw`SELECT scope, month, active, new FROM report_customer_counts WHERE merchant_id = ${m}::uuid AND (active <> 0 OR new <> 0) ORDER BY 1, 2`,
      days: await db.$queryRaw`SELECT customer_id::text, scope, day, count, prev_day FROM report_customer_days WHERE merchant_id = ${m}::uuid ORDER BY 1, 2, 3`,
      gaps: await db.$queryRaw`SELECT scope, month, gap, returns FROM report_return_gaps WHERE merchant_id = ${m}::uuid AND returns <> 0 ORDER BY 1, 2, 3`,
      returning: await db.$queryRaw`SELECT scope, month, visitors, back_within_30 FROM report_return_customers WHERE merchant_id = ${m}::uuid AND (visitors <> 0 OR back_within_30 <> 0) ORDER BY 1, 2`,
    });
    const kept = await snapshot();
    await db.$executeRaw`SELECT report_rollups_rebuild(${m}::uuid)`;
    expect(await snapshot()).toEqual(kept);
  });
});
