// The report triggers write "activity" in SQL; lib/events/activity.ts is the definition. Every
// type from every source, one event each: active in the month exactly when isActivity says so.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isActivity } from "@/lib/events/activity";
import { EVENT_TYPES } from "@/lib/events/registry";
import { monthlySummary } from "@/lib/reports/monthly";
import { createContext } from "../support/factories";

describe("active customers follow lib/events/activity.ts", () => {
  it("for every type and source", async () => {
    const context = await createContext("owner", { timeZone: "America/New_York" });
    const sources = ["manual", "api", "import", "automation"] as const;
    const cases = EVENT_TYPES.flatMap((type) => sources.map((source) => ({ type, source })));
    const customers = await Promise.all(cases.map((_, i) =>
      db.customer.create({ data: { merchantId: context.merchantId, passSerial: `ACT-${i}`, pass: { create: {} } }, select: { id: true } })));
    // One month per case, so each month's active count is that one event's verdict.
    await db.event.createMany({
      data: cases.map((c, i) => ({
        merchantId: context.merchantId, customerId: customers[i]?.id ?? "", type: c.type, customName: c.type === "custom" ? "X" : null,
        occurredAt: new Date(Date.UTC(2000 + Math.floor(i / 12), i % 12, 15, 12)), amount: c.type === "purchase" ? "1.00" : null, source: c.source,
      })),
    });
    for (const [i, c] of cases.entries()) {
      const month = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      const summary = await monthlySummary(context, { month });
      expect({ ...c, active: summary.activeCustomers, new: summary.newCustomers }).toEqual({ ...c, active: isActivity(c.type, c.source) ? 1 : 0, new: isActivity(c.type, c.source) ? 1 : 0 });
    }
  });
});
