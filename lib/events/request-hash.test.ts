import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestHash } from "./record";

// The first implementation. Hashes it produced are stored with events, so requestHash must keep
// producing exactly the same text for every JSON input.
function firstRequestHash(input: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "idempotencyKey").sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash("sha256").update(JSON.stringify(canonical(input))).digest("hex");
}

describe("requestHash", () => {
  it("matches the stored hashes of the first implementation for any JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => requestHash(value) === firstRequestHash(value)), { numRuns: 2000 });
  });

  it("ignores key order and idempotency keys at any depth, and nothing else", () => {
    const a = { type: "purchase", amount: "12.50", customer: { passSerial: "PC-1" }, idempotencyKey: "k1", data: { items: 2 } };
    const b = { data: { items: 2 }, idempotencyKey: "k2", customer: { passSerial: "PC-1" }, amount: "12.50", type: "purchase" };
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash({ ...a, amount: "12.5" })).not.toBe(requestHash(a));
    expect(requestHash({ ...a, occurredAt: undefined })).toBe(requestHash(a));
    expect(requestHash({ list: [1, undefined, "x"] })).toBe(firstRequestHash({ list: [1, undefined, "x"] }));
  });
});
