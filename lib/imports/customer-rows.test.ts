import { describe, expect, it } from "vitest";
import { parseContactRow, parsePoints, type CustomersMapping } from "./customer-rows";

const header = ["Card", "Email", "Phone", "Points"];
const mapping: CustomersMapping = { kind: "customers", passSerialColumn: "Card", emailColumn: "Email", phoneColumn: "Phone", pointsColumn: "Points" };
const row = (...cells: string[]) => ({ line: 2, cells });

describe("contact list rows", () => {
  it("normalises identifiers as the write path stores them", () => {
    expect(parseContactRow(mapping, header, row(" OLD-1\u200b ", "Ana@Example.COM", "(646) 555-0101", "1,250"), "US")).toMatchObject({
      passSerial: "OLD-1", email: "ana@example.com", phone: "+16465550101", openingPoints: 1250,
    });
    expect(parseContactRow(mapping, header, row("", "", "020 7946 0958", ""), "GB")).toMatchObject({ phone: "+442079460958", openingPoints: null });
  });

  it("reports what is wrong with a row", () => {
    expect(parseContactRow(mapping, header, row("", "", "", "5"), "US")).toMatch(/No customer/);
    expect(parseContactRow(mapping, header, row("A B", "", "", ""), "US")).toMatch(/not a pass serial/);
    expect(parseContactRow(mapping, header, row("A", "nope", "", ""), "US")).toMatch(/not an email/);
    expect(parseContactRow(mapping, header, row("A", "", "12", ""), "US")).toMatch(/not a phone number/);
    expect(parseContactRow(mapping, header, row("A", "", "", "-3"), "US")).toMatch(/cannot be negative/);
    expect(parseContactRow(mapping, header, row("A", "", "", "2.5"), "US")).toMatch(/whole number/);
  });

  it("reads points with thousands separators", () => {
    expect([parsePoints("1 250"), parsePoints("1.250"), parsePoints("40"), parsePoints("40.00"), parsePoints(""), parsePoints("abc")]).toEqual([1250, 1250, 40, 40, null, "invalid"]);
  });
});
