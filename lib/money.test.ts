import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCents, toCents } from "./money";

describe("money in cents", () => {
  it("reads and writes amounts exactly", () => {
    expect(toCents("12.5")).toBe(1250);
    expect(toCents("0.05")).toBe(5);
    expect(toCents("1500")).toBe(150000);
    expect(toCents("-3.20")).toBe(-320);
    expect(formatCents(1250)).toBe("12.50");
    expect(formatCents(-5)).toBe("-0.05");
    expect(formatCents(0)).toBe("0.00");
    expect(() => toCents("1.005")).toThrow(new RangeError("Not a money amount: 1.005"));
    expect(() => toCents("abc")).toThrow(new RangeError("Not a money amount: abc"));
  });

  it("sums exactly what decimal arithmetic sums", () => {
    const amount = fc.tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 })).map(([w, c]) => `${w}.${String(c).padStart(2, "0")}`);
    fc.assert(fc.property(fc.array(amount, { maxLength: 50 }), (amounts) => {
      const cents = amounts.reduce((sum, a) => sum + toCents(a), 0);
      const exact = amounts.reduce((sum, a) => sum.plus(a), new Decimal(0));
      return formatCents(cents) === exact.toFixed(2);
    }));
  });
});
