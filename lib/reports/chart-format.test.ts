import { describe, expect, it } from "vitest";
import { axisCount, axisMoney, dayLong, dayTick, heatLevel, hourLabel, isEmptySeries, money, monthLong, monthTick, percent, seriesSummary, tooltipLine, weekdayLabel } from "./chart-format";

describe("chart formatters", () => {
  it("ticks counts and money compactly, in the merchant's currency", () => {
    expect(axisCount(0)).toBe("0");
    expect(axisCount(950)).toBe("950");
    expect(axisCount(1250)).toBe("1.3K");
    expect(axisMoney("USD")(950)).toBe("$950");
    expect(axisMoney("USD")(156789)).toBe("$156.8K");
    expect(axisMoney("GBP")(1200)).toBe("£1.2K");
  });
  it("formats exact money from decimal strings", () => {
    expect(money("156789.00", "USD")).toBe("$156,789.00");
    expect(money("0.10", "GBP")).toBe("£0.10");
    expect(money(null, "USD")).toBe("—");
  });
  it("writes tooltips the way people read them", () => {
    expect(tooltipLine("Events", "73")).toBe("Events: 73");
  });
  it("labels days, months, hours and weekdays", () => {
    expect(dayTick("2025-01-05")).toBe("Jan 5");
    expect(dayLong("2025-01-15")).toBe("Wed, Jan 15, 2025");
    expect(monthTick("2025-01")).toBe("Jan ’25");
    expect(monthLong("2024-12")).toBe("December 2024");
    expect(hourLabel(0)).toBe("12 am");
    expect(hourLabel(12)).toBe("12 pm");
    expect(hourLabel(17)).toBe("5 pm");
    expect(weekdayLabel(1)).toBe("Mon");
    expect(weekdayLabel(7)).toBe("Sun");
  });
  it("says when a series is empty and summarises it for screen readers", () => {
    const rows = [{ d: "Jan 1", n: 0 }, { d: "Jan 2", n: 5 }, { d: "Jan 3", n: 2 }];
    expect(isEmptySeries([], (r: { n: number }) => r.n)).toBe(true);
    expect(isEmptySeries(rows.map((r) => ({ ...r, n: 0 })), (r) => r.n)).toBe(true);
    expect(seriesSummary("Events per day", rows, (r) => r.n, (r) => r.d)).toBe("Events per day: total 7; highest Jan 2 with 5.");
    expect(seriesSummary("Average", rows, (r) => r.n, (r) => r.d, String, false)).toBe("Average: highest Jan 2 with 5.");
    expect(seriesSummary("Events per day", [], (r: { n: number }) => r.n, () => "")).toBe("Events per day: no data.");
  });
  it("shares and heat levels", () => {
    expect(percent(64, 100)).toBe("64%");
    expect(percent(5, 100)).toBe("5.0%");
    expect(percent(1, 0)).toBe("—");
    expect(heatLevel(25, 100)).toBe(0.5);
    expect(heatLevel(0, 0)).toBe(0);
  });
});
