// GET /api/v1/reports/monthly: answers only to a key, for that key's merchant, exactly the summary.
import { describe, expect, it } from "vitest";
import { getMonthlyReport } from "@/lib/api/routes";
import { monthlySummary } from "@/lib/reports/monthly";
import { apiRequest, createApiKey } from "../support/api-keys";
import { reportFixture } from "../support/report-fixtures";

describe("GET /api/v1/reports/monthly", () => {
  it("returns the month's summary with the previous month, money as decimal strings, per location too", async () => {
    const fixture = await reportFixture("America/New_York", { randomEvents: 0 });
    const { secret } = await createApiKey(fixture.context.merchantId);
    const response = await getMonthlyReport(apiRequest("/api/v1/reports/monthly?month=2025-02", secret));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual(JSON.parse(JSON.stringify(await monthlySummary(fixture.context, { month: "2025-02" }))));
    expect(body).toMatchObject({ month: "2025-02", timeZone: "America/New_York", currency: "USD", revenue: "257.25", previous: { revenue: "10.50" } });
    expect(Object.keys(body).sort()).toEqual([
      "activeCustomers", "averagePurchase", "byType", "checkIns", "currency", "month", "newCustomers", "pointsIssued", "pointsRedeemed",
      "previous", "purchases", "redemptions", "returningCustomers", "revenue", "timeZone", "totalEvents", "visits",
    ]);
    const harbor = await getMonthlyReport(apiRequest("/api/v1/reports/monthly?month=2025-02&location=Harbor", secret));
    expect(await harbor.json()).toMatchObject({ purchases: 2, revenue: "7.25" });
  });

  it("refuses a bad month or location (422) and answers only to a valid key (401)", async () => {
    const fixture = await reportFixture("Asia/Tokyo", { randomEvents: 0 });
    const { secret } = await createApiKey(fixture.context.merchantId);
    const bad = await getMonthlyReport(apiRequest("/api/v1/reports/monthly?month=2025-13", secret));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_error", path: "month" } });
    const mars = await getMonthlyReport(apiRequest("/api/v1/reports/monthly?location=Mars", secret));
    expect(mars.status).toBe(422);
    expect(await mars.json()).toMatchObject({ error: { path: "location" } });
    const none = await getMonthlyReport(new Request("http://localhost/api/v1/reports/monthly"));
    expect(none.status).toBe(401);
    const wrong = await getMonthlyReport(apiRequest("/api/v1/reports/monthly", "pc_live_not_a_real_key_0000000000"));
    expect(wrong.status).toBe(401);
  });

  it("defaults to the current month in the merchant's zone", async () => {
    const fixture = await reportFixture("Asia/Tokyo", { randomEvents: 0 });
    const { secret } = await createApiKey(fixture.context.merchantId);
    const body = (await (await getMonthlyReport(apiRequest("/api/v1/reports/monthly", secret))).json()) as { month: string };
    const tokyoMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(new Date());
    expect(body.month).toBe(tokyoMonth);
  });
});
