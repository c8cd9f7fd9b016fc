import { describe, expect, it } from "vitest";
import { addMonths, daysInMonth, monthDays, monthInstants, monthLabel, monthOf, monthsEndingWith, parseMonth } from "./month";

describe("report months", () => {
  it("parses only YYYY-MM", () => {
    expect(parseMonth("2025-01")).toEqual({ year: 2025, month: 1 });
    for (const bad of ["2025-13", "2025-1", "25-01", "2025-01-01", "", null, 202501]) expect(parseMonth(bad)).toBeNull();
  });
  it("steps across years and lists months oldest first", () => {
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(monthsEndingWith("2025-02", 3)).toEqual(["2024-12", "2025-01", "2025-02"]);
  });
  it("knows month lengths, leap years included", () => {
    expect(daysInMonth("2024-02")).toBe(29);
    expect(daysInMonth("2025-02")).toBe(28);
    expect(monthDays("2025-04")).toHaveLength(30);
    expect(monthDays("2025-04")[0]).toBe("2025-04-01");
  });
  it("labels months the way people write them", () => {
    expect(monthLabel("2025-01")).toBe("January 2025");
    expect(monthLabel("2025-01", "short")).toBe("Jan 2025");
  });
  it("places instants in the merchant's month, not UTC's", () => {
    // 23:30 on Jan 31 in New York is Feb 1 in UTC.
    expect(monthOf(new Date("2025-02-01T04:30:00Z"), "America/New_York")).toBe("2025-01");
    // 00:30 on Feb 1 in Tokyo is Jan 31 in UTC.
    expect(monthOf(new Date("2025-01-31T15:30:00Z"), "Asia/Tokyo")).toBe("2025-02");
    const { start, end } = monthInstants("2025-03", "America/New_York");
    expect(start.toISOString()).toBe("2025-03-01T05:00:00.000Z");
    expect(end.toISOString()).toBe("2025-04-01T04:00:00.000Z"); // DST began on Mar 9
  });
});
