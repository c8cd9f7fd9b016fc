import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { detectDateOrder, parseDateTime, parseTime, toInstant } from "./dates";

const at = (text: string, values: string[], zone = "America/New_York") => {
  const result = parseDateTime(text, detectDateOrder(values));
  return result.ok ? toInstant(result.value, zone).toISOString() : result.reason;
};

describe("date order from all the values", () => {
  it("stays ambiguous until a day above 12 appears", () => {
    expect(detectDateOrder(["12/1/10 8:26", "12/2/10 9:00"])).toMatchObject({ ambiguous: true, fallback: "MDY" });
    expect(detectDateOrder(["12/1/10", "1/13/11"]).bySeparator["/"]).toBe("MDY");
    expect(detectDateOrder(["1/12/10", "13/1/11"]).bySeparator["/"]).toBe("DMY");
    expect(detectDateOrder(["12/1/10"], "DMY").fallback).toBe("DMY");
  });

  it("judges separator styles apart, and an undecided one takes the proven order", () => {
    const detection = detectDateOrder(["11-08-16", "6/16/2016"]);
    expect(detection.bySeparator).toEqual({ "-": null, "/": "MDY" });
    expect(detection.fallback).toBe("MDY");
    expect(at("11-08-16", ["11-08-16", "6/16/2016"])).toBe("2016-11-08T05:00:00.000Z");
  });

  it("reports contradicting values, and such a row fails on its own", () => {
    const values = ["1/13/2016", "2/14/2016", "13/1/2016"];
    const detection = detectDateOrder(values);
    expect(detection.conflicting).toEqual(["/"]);
    expect(parseDateTime("13/1/2016", detection)).toMatchObject({ ok: false });
    expect(parseDateTime("1/13/2016", detection)).toMatchObject({ ok: true });
  });
});

describe("parsing", () => {
  it("reads local times in the merchant's zone, offsets as given", () => {
    expect(at("12/1/10 8:26", ["12/1/10 8:26"])).toBe("2010-12-01T13:26:00.000Z");
    expect(at("12/1/10 8:26", ["12/1/10 8:26"], "Europe/London")).toBe("2010-12-01T08:26:00.000Z");
    expect(at("2024-03-01 10:15:00", [])).toBe("2024-03-01T15:15:00.000Z");
    expect(at("2024-03-01T10:15:00+01:00", [])).toBe("2024-03-01T09:15:00.000Z");
    expect(at("2024-03-01T10:15:00Z", [])).toBe("2024-03-01T10:15:00.000Z");
    expect(at("3/1/2024 1:05 PM", [])).toBe("2024-03-01T18:05:00.000Z");
    expect(at("2024/03/01", [])).toBe("2024-03-01T05:00:00.000Z");
  });

  it("refuses impossible dates with a reason", () => {
    expect(at("2/30/2024", [])).toMatch(/not a valid date read as month\/day\/year/);
    expect(at("hello", [])).toMatch(/not a date/);
    expect(at("", [])).toMatch(/empty/);
  });

  it("reads a separate time column", () => {
    expect(parseTime("18:11")).toEqual({ ok: true, h: 18, mi: 11, s: 0 });
    expect(parseTime("6:11:05 pm")).toEqual({ ok: true, h: 18, mi: 11, s: 5 });
    expect(parseTime("25:00")).toMatchObject({ ok: false });
  });

  it("reads local times exactly as TZDate does, through and around daylight-saving changes (remembered offsets per hour)", () => {
    const zones = ["America/New_York", "Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "America/Havana"];
    const days = [Date.UTC(2024, 2, 9), Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 6), Date.UTC(2024, 8, 7), Date.UTC(2024, 9, 26), Date.UTC(2024, 10, 2)];
    for (const zone of zones) {
      for (const day of days) {
        for (let t = day; t < day + 2 * 86_400_000; t += 7 * 60_000 + 13_000) {
          const d = new Date(t);
          const clock = { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: 0, offset: null };
          const expected = new TZDate(clock.y, clock.mo - 1, clock.d, clock.h, clock.mi, clock.s, 0, zone).toISOString();
          const got = toInstant(clock, zone).toISOString();
          if (got !== new Date(expected).toISOString()) expect({ zone, clock, got }).toEqual({ zone, clock, got: new Date(expected).toISOString() });
        }
      }
    }
  });
});
