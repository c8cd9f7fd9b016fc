import { describe, expect, it } from "vitest";
import { formatPhone, normalizeEmail, normalizeExternalId, normalizePhone, normalizeSerial } from "./identifiers";

describe("identifier normalisation", () => {
  it("reads one phone however it is written", () => {
    for (const written of ["(646) 555-0458", "+1 646 555 0458", "6465550458", "646.555.0458", "+1\u200B6465550458"]) {
      expect(normalizePhone(written, "US")).toBe("+16465550458");
    }
    expect(normalizePhone("+1 (555) 010-9999", "US")).toBe(normalizePhone("5550109999", "US"));
    expect(normalizePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalizePhone("12", "US")).toBeNull();
    expect(normalizePhone("   ", "US")).toBeNull();
  });

  it("formats for people", () => {
    expect(formatPhone("+16465550458", "US")).toBe("(646) 555-0458");
    expect(formatPhone("+442079460958", "US")).toBe("+44 20 7946 0958");
  });

  it("folds serials, external ids and emails", () => {
    expect(normalizeSerial(" bb-7xlzynaq\u200B")).toBe("BB-7XLZYNAQ");
    expect(normalizeExternalId("pos-42\uFEFF")).toBe("POS-42");
    expect(normalizeEmail(" Ana@Example.COM ")).toBe("ana@example.com");
    expect(normalizeEmail("\u200B")).toBeNull();
  });
});
