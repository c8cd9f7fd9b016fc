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
});
