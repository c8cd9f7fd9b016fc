import { describe, expect, it } from "vitest";
import { csvCell, csvRow, exportFileName } from "./csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTabbed", "'\tTabbed"],
    ["\rcr", "\"'\rcr\""],
  ])("neutralises formula start %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves ordinary text, numbers and empties alone", () => {
    expect(csvCell("Ada Lovelace")).toBe("Ada Lovelace");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("261.50")).toBe("261.50");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell("Smith, Jo")).toBe("\"Smith, Jo\"");
    expect(csvCell("say \"hi\"")).toBe("\"say \"\"hi\"\"\"");
    expect(csvCell("two\nlines")).toBe("\"two\nlines\"");
  });
});

describe("csvRow", () => {
  it("joins cells and ends with CRLF", () => {
    expect(csvRow(["a", 1, null, "=x"])).toBe("a,1,,'=x\r\n");
  });
});

describe("exportFileName", () => {
  it("keeps header-safe characters only", () => {
    expect(exportFileName("Brew & Bean customers", "2026-11-25", "csv")).toBe("brew-bean-customers-2026-11-25.csv");
    expect(exportFileName("\"; evil", "2026-11-25", "json")).toBe("evil-2026-11-25.json");
  });
});
