import { describe, expect, it } from "vitest";
import { localDate, localDateStart, localDayStart, localMonth, localMonthRange, monthRange, shiftMonth, windowStart } from "./time";

describe("merchant time zone calendar", () => {
  it("puts a late-evening New York purchase on its local day, not the UTC one", () => {
    const instant = new Date("2025-02-01T03:30:00Z"); // 10:30 PM Jan 31 in New York
    expect(localDate(instant, "America/New_York")).toBe("2025-01-31");
    expect(localDate(instant, "Europe/London")).toBe("2025-02-01");
  });

  it("computes a local month across a DST-free and a DST month boundary", () => {
    const { start, end } = localMonthRange(new Date("2025-03-15T12:00:00Z"), "America/New_York");
    expect(start.toISOString()).toBe("2025-03-01T05:00:00.000Z"); // EST
    expect(end.toISOString()).toBe("2025-04-01T04:00:00.000Z"); // EDT
  });

  it("counts back whole local days", () => {
    const start = localDayStart(new Date("2025-07-10T01:00:00Z"), "Europe/London", 1);
    expect(start.toISOString()).toBe("2025-07-08T23:00:00.000Z");
  });

  it("rolls a window back from now in local calendar terms, across a DST change", () => {
    const now = new Date("2025-03-20T16:00:00Z"); // 12:00 EDT
    // 30 local days back is 12:00 EST on Feb 18: 30×24h + 1h, because the clocks moved on Mar 9.
    expect(windowStart(now, 30, "days", "America/New_York").toISOString()).toBe("2025-02-18T17:00:00.000Z");
    expect(windowStart(now, 1, "weeks", "America/New_York").toISOString()).toBe("2025-03-13T16:00:00.000Z");
    expect(windowStart(new Date("2025-03-31T12:00:00Z"), 1, "months", "Europe/London").toISOString()).toBe("2025-02-28T13:00:00.000Z");
  });

  it("names local months and their bounds", () => {
    expect(localMonth(new Date("2025-02-01T03:30:00Z"), "America/New_York")).toBe("2025-01");
    const { start, end } = monthRange("2025-03", "America/New_York");
    expect(start.toISOString()).toBe("2025-03-01T05:00:00.000Z");
    expect(end.toISOString()).toBe("2025-04-01T04:00:00.000Z");
    expect(localDateStart("2025-07-01", "Europe/London").toISOString()).toBe("2025-06-30T23:00:00.000Z");
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
  });
});
