import { describe, expect, it } from "vitest";
import { detectDecimalSeparator, moneyDecimal, parseMoney, toCentsExact } from "./money";

const cents = (text: string, separator: "." | "," = ".") => {
  const result = parseMoney(text, separator);
  return result.ok ? result.cents : result.reason;
};

describe("money text to integer cents", () => {
  it("reads the shapes tills write", () => {
    expect(cents("$1,234.56")).toBe(123456);
    expect(cents("1.234,56", ",")).toBe(123456);
    expect(cents("1.234,56 €", ",")).toBe(123456);
    expect(cents("(12.00)")).toBe(-1200);
    expect(cents("-12.00")).toBe(-1200);
    expect(cents("12.00-")).toBe(-1200);
    expect(cents("1'234.50")).toBe(123450);
    expect(cents("USD 38.7")).toBe(3870);
    expect(cents("£0.5")).toBe(50);
    expect(cents("12,5", ",")).toBe(1250);
    expect(cents("1\u00a0234,56", ",")).toBe(123456);
  });

  it("rounds float artefacts and sub-cent amounts half up, exactly", () => {
    expect(cents("2.5499999999999998")).toBe(255);
    expect(cents("22.368")).toBe(2237);
    expect(cents("0.005")).toBe(1);
    expect(cents("-0.005")).toBe(-1);
    expect(toCentsExact(moneyDecimal("2.55")!.times(6))).toEqual({ ok: true, cents: 1530 });
  });

  it("refuses what is not money", () => {
    expect(cents("")).toMatch(/empty/);
    expect(cents("abc")).toMatch(/not an amount/);
    expect(cents("1.2.3,4")).toMatch(/not an amount/);
    expect(cents("12345678901234")).toMatch(/too large/);
  });

  it("decides the decimal separator from the whole column", () => {
    expect(detectDecimalSeparator(["1,234", "12,50", "3,00"])).toBe(",");
    expect(detectDecimalSeparator(["1,234", "12.50"])).toBe(".");
    expect(detectDecimalSeparator(["1.234.567", "10"])).toBe(",");
    expect(detectDecimalSeparator(["1,234"], ",")).toBe(",");
    expect(detectDecimalSeparator(["38.7", "28.9"])).toBe(".");
  });
});
