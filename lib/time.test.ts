import { describe, expect, it } from "vitest";
import { localDate, localDayStart, localMonthRange } from "./time";

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
});
