import { describe, expect, it } from "vitest";
import { busiestTimes, eventsPerDay, monthlyTrend, returnIntervals, topCustomers } from "@/lib/reports/charts";
import { busiestTimesDirect, eventsPerDayDirect, monthlyTrendDirect, returnIntervalsDirect, topCustomersDirect } from "@/lib/reports/direct-charts";
import { reportFixture } from "../support/report-fixtures";

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
});
