import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteCustomer } from "@/lib/customers/privacy";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import { busiestTimes, eventsPerDay, monthlyTrend, returnIntervals, topCustomers } from "@/lib/reports/charts";
import { busiestTimesDirect, eventsPerDayDirect, monthlyTrendDirect, returnIntervalsDirect, topCustomersDirect } from "@/lib/reports/direct-charts";
import { reportFixture, zonedIso } from "../support/report-fixtures";

describe("report charts from the rollups", () => {
  for (const timeZone of ["America/New_York", "Asia/Tokyo"]) {
    it(`equal direct aggregates over the events in ${timeZone}, per location too`, async () => {
      const fixture = await reportFixture(timeZone, { seed: 5, randomEvents: 160 });
      const { context } = fixture;
      for (const location of [null, ...fixture.locations.map((l) => l.id)]) {
        for (const month of ["2025-01", "2025-02", "2025-03", "2025-05", "2025-11"]) {
          const where = { month, location };
          expect({ ...where, days: await eventsPerDay(context, month, location) }).toEqual({ ...where, days: await eventsPerDayDirect(context, month, location) });
          expect({ ...where, heat: await busiestTimes(context, month, location) }).toEqual({ ...where, heat: await busiestTimesDirect(context, month, location) });
          expect({ ...where, returns: await returnIntervals(context, month, location) }).toEqual({ ...where, returns: await returnIntervalsDirect(context, month, location) });
          expect({ ...where, top: await topCustomers(context, month, location) }).toEqual({ ...where, top: await topCustomersDirect(context, month, location) });
        }
        expect(await monthlyTrend(context, "2025-06", location)).toEqual(await monthlyTrendDirect(context, "2025-06", location));
      }
    });
  }

  it("zero-fills every day of the month and every one of the 12 months", async () => {
    const fixture = await reportFixture("America/New_York", { randomEvents: 0 });
    const days = await eventsPerDay(fixture.context, "2025-02", null);
    expect(days).toHaveLength(28);
    expect(days[0]).toMatchObject({ day: "2025-02-01", purchase: 1, visit: 1 });
    expect(days[5]?.total).toBe(0);
    const trend = await monthlyTrend(fixture.context, "2025-03", null);
    expect(trend.map((t) => t.month)).toEqual(["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);
    expect(trend[0]).toMatchObject({ purchases: 0, revenue: "0.00", averagePurchase: null });
  });

  it("keeps the return rollups exact through back-dated visits, their voids and a deletion", async () => {
    const timeZone = "America/New_York";
    const fixture = await reportFixture(timeZone, { seed: 11, randomEvents: 80 });
    const { context } = fixture;
    const months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-11"];
    const scopes = [null, ...fixture.locations.map((l) => l.id)];
    const all = () => Promise.all(scopes.flatMap((location) => months.map((month) => returnIntervals(context, month, location))));
    const expectDirect = async (step: string) => {
      for (const location of scopes) {
        for (const month of months) {
          const where = { step, month, location };
          expect({ ...where, returns: await returnIntervals(context, month, location) }).toEqual({ ...where, returns: await returnIntervalsDirect(context, month, location) });
        }
      }
    };
    // Back-dated between customer 3's DST visits (Mar 9 and Mar 30), at 23:30 on a month's last day
    // (local; the next UTC day), and one in a month with none before: every later gap moves.
    const manual = { kind: "manual" as const, userId: context.user.id, userName: context.user.name };
    const ref = { passSerial: fixture.customers[3]?.passSerial ?? "" };
    const results = await recordEvents(context, [
      { type: "visit", customer: ref, occurredAt: zonedIso("2025-03-20T12:00", timeZone), location: "Downtown" },
      { type: "purchase", customer: ref, amount: "2.00", occurredAt: zonedIso("2025-02-28T23:30", timeZone), location: "Harbor" },
      { type: "check_in", customer: ref, occurredAt: zonedIso("2024-12-01T00:30", timeZone) },
    ], manual);
    await expectDirect("back-dated");
    for (const r of results) if (r.status === "created") await voidEvent(context, { eventId: r.event.id, reason: "Entered twice" });
    await expectDirect("voided");

    // Deleting a customer takes their visit days away but leaves the anonymous return counts.
    const before = await all();
    await deleteCustomer(context, { customerId: fixture.customers[3]?.id ?? "", confirmation: "Fixture 3" });
    expect(await db.reportCustomerDay.count({ where: { merchantId: context.merchantId, customerId: fixture.customers[3]?.id ?? "" } })).toBe(0);
    expect(await all()).toEqual(before);
  });
});
