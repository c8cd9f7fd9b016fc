import { describe, expect, it } from "vitest";
import { countOf, NOUNS, pluralWord } from "./plural";

describe("counted words", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(countOf(1, NOUNS.visit)).toBe("1 visit");
    expect(countOf(0, NOUNS.visit)).toBe("0 visits");
    expect(countOf(2, NOUNS.purchase)).toBe("2 purchases");
    expect(countOf(12_500, NOUNS.customer)).toBe("12,500 customers");
    expect(pluralWord(1, NOUNS.entry)).toBe("entry");
    expect(pluralWord(1.5, NOUNS.point)).toBe("points");
  });
});
