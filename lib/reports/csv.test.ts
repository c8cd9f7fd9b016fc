import { describe, expect, it } from "vitest";
import { monthlyReportCsv } from "./csv";
import { figuresFrom } from "./figures";

describe("monthly report CSV", () => {
  it("writes the summary beside the previous month, then every day", () => {
    const current = figuresFrom([{ type: "purchase", customName: "", count: 2, amount: "25.50", pointsIssued: 25, pointsRedeemed: 0 }, { type: "custom", customName: "=Birthday", count: 1, amount: "0", pointsIssued: 0, pointsRedeemed: 0 }], { active: 2, new: 1 });
    const previous = figuresFrom([], { active: 0, new: 0 });
    const csv = monthlyReportCsv({
      merchantName: "Brew & Bean", monthLabel: "January 2025", previousLabel: "December 2024", location: null, currency: "USD", timeZone: "America/New_York",
      current, previous, days: [{ day: "2025-01-01", events: 3, purchases: 2, revenue: "25.50", visits: 0, checkIns: 0, redemptions: 0 }],
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Brew & Bean — January 2025 summary");
    expect(lines).toContain("Figure,January 2025,December 2024");
    expect(lines).toContain("Revenue,25.50,0.00");
    expect(lines).toContain("Average purchase,12.75,");
    expect(lines).toContain("Events: Custom: =Birthday,1,0");
    expect(lines).toContain("2025-01-01,3,2,25.50,0,0,0");
  });
});
