import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const origin = "https://punchcard.example.com";

describe("#10.2 the callback after sign-in stays on our site", () => {
  it("refuses paths that leave the origin however they are spelled", () => {
    for (const raw of ["/\\evil.example/phish", "/\t/evil.example", "/\\\\evil.example", "//evil.example", "https://evil.example/", "/\\/evil.example", "javascript:alert(1)", "http://punchcard.example.com/x", " /\\evil.example"]) {
      expect(safeCallbackUrl(raw, origin), JSON.stringify(raw)).toBe("/");
    }
  });

  it("keeps our own paths, with their query and hash", () => {
    expect(safeCallbackUrl("/customers?tier=Gold#top", origin)).toBe("/customers?tier=Gold#top");
    expect(safeCallbackUrl("https://punchcard.example.com/record", origin)).toBe("/record");
    expect(safeCallbackUrl(undefined, origin)).toBe("/");
  });
});
