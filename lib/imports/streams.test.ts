import { describe, expect, it } from "vitest";
import type { Outcome } from "./rows";
import { streamOf } from "./streams";

const event = (customer: Record<string, string>): Outcome => ({
  kind: "event",
  rows: [{ line: 2, cells: [] }],
  input: { type: "visit", customer, createCustomer: true, occurredAt: "2026-01-01T00:00:00.000Z", data: {}, idempotencyKey: "k" },
});

describe("streamOf", () => {
  it("sends every row of a customer to one stream, as the write path matches the customer", () => {
    expect(streamOf(event({ email: " Ana@Example.com" }), "email", 2)).toBe(streamOf(event({ email: "ana@example.com" }), "email", 2));
    expect(streamOf(event({ passSerial: "PC-1 " }), "passSerial", 3)).toBe(streamOf(event({ passSerial: "PC-1", name: "Ana" }), "passSerial", 3));
  });

  it("spreads customers over the streams, and rows in error by their line", () => {
    const counts = [0, 0];
    for (let i = 0; i < 10_000; i++) counts[streamOf(event({ passSerial: `PC-${i}` }), "passSerial", 2)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(4_500);
    const error = (line: number): Outcome => ({ kind: "errors", errors: [{ line, cells: [], reason: "x" }] });
    expect([streamOf(error(7), "passSerial", 2), streamOf(error(8), "passSerial", 2)]).toEqual([1, 0]);
    expect(streamOf(event({ passSerial: "PC-9" }), "passSerial", 1)).toBe(0);
  });
});
