import { describe, expect, it } from "vitest";
import { fillDayRange, lastLocalDays } from "./chart-data";

describe("the Overview's 30 days", () => {
  it("lists 30 local dates ending today, across a month end", () => {
    const days = lastLocalDays("2025-03-01", 30);
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2025-01-31");
    expect(days.at(-2)).toBe("2025-02-28");
    expect(days.at(-1)).toBe("2025-03-01");
  });
  it("keeps every day, zero days included, in order", () => {
    const days = ["2025-02-27", "2025-02-28", "2025-03-01"];
    expect(fillDayRange(days, [{ day: "2025-03-01", events: 73 }])).toEqual([
      { day: "2025-02-27", events: 0 }, { day: "2025-02-28", events: 0 }, { day: "2025-03-01", events: 73 },
    ]);
  });
});
