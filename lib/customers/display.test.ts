import { describe, expect, it } from "vitest";
import { describeEventData, formatDuration, localDateStart, monthLabel, recentMonths, visitDurationMinutes } from "./display";

describe("describeEventData", () => {
  it("puts known fields in words and first", () => {
    expect(describeEventData({ table: "7", items: 4, reward: "Free Coffee" })).toEqual(["Items: 4", "Reward: Free Coffee", "Table: 7"]);
    expect(describeEventData({ pointsCost: 50, loyalty_tier_note: true })).toEqual(["Points cost: 50", "Loyalty tier note: true"]);
  });
  it("hides duration and handles odd data", () => {
    expect(describeEventData({ durationMinutes: 30 })).toEqual([]);
    expect(describeEventData(null)).toEqual([]);
    expect(describeEventData([1, 2])).toEqual([]);
    expect(describeEventData({ nested: { a: 1 } })).toEqual(['Nested: {"a":1}']);
  });
});

describe("durations", () => {
  it("formats hours and minutes", () => {
    expect(formatDuration(75)).toBe("1 h 15 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(0)).toBe("0 min");
  });
  it("prefers the event's own duration, else pairs with the check-in", () => {
    const out = new Date("2025-03-01T11:15:00Z");
    expect(visitDurationMinutes({ durationMinutes: 20 }, out, null)).toBe(20);
    expect(visitDurationMinutes({}, out, new Date("2025-03-01T10:00:00Z"))).toBe(75);
    expect(visitDurationMinutes({}, out, null)).toBeNull();
  });
});

describe("months in the merchant's zone", () => {
  it("counts the month an instant falls in locally", () => {
    // 03:30 UTC on Feb 1 is still January 31 in New York.
    const { keys, start } = recentMonths(new Date("2025-02-01T03:30:00Z"), "America/New_York", 12);
    expect(keys.at(-1)).toBe("2025-01");
    expect(keys[0]).toBe("2024-02");
    expect(start.toISOString()).toBe("2024-02-01T05:00:00.000Z");
    expect(monthLabel("2025-01")).toBe("Jan 2025");
  });
  it("parses local days, refusing impossible dates", () => {
    expect(localDateStart("2025-07-04", "America/New_York")?.toISOString()).toBe("2025-07-04T04:00:00.000Z");
    expect(localDateStart("2025-07-04", "America/New_York", 1)?.toISOString()).toBe("2025-07-05T04:00:00.000Z");
    expect(localDateStart("2025-02-30", "UTC")).toBeNull();
    expect(localDateStart("yesterday", "UTC")).toBeNull();
  });
});
