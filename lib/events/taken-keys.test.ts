import { describe, expect, it } from "vitest";
import { takenKeyOutcome } from "./taken-keys";

const holder = { customerId: "c-1", type: "purchase" as const, customName: null };
const message = (outcome: ReturnType<typeof takenKeyOutcome>) => (outcome === "duplicate" ? outcome : outcome.message);

describe("takenKeyOutcome (an import row whose key an event holds under another body)", () => {
  it("is a duplicate for the same customer and type", () => {
    expect(takenKeyOutcome("O-1", holder, { type: "purchase" }, "c-1")).toBe("duplicate");
  });

  it("names the order id and why otherwise", () => {
    expect(message(takenKeyOutcome("O-1", holder, { type: "purchase" }, "c-2"))).toBe("Order id O-1 is already recorded for another customer.");
    expect(message(takenKeyOutcome("O-1", holder, { type: "purchase" }, { code: "customer_not_found", message: "No customer matches pass serial X." }))).toBe("Order id O-1 is already recorded for another customer.");
    expect(message(takenKeyOutcome("O-1", { ...holder, type: "visit" }, { type: "purchase" }, "c-1"))).toBe("Order id O-1 is already recorded as a visit.");
    expect(message(takenKeyOutcome("O-1", { ...holder, type: "app_open" }, { type: "purchase" }, "c-1"))).toBe("Order id O-1 is already recorded as an app opened.");
    expect(takenKeyOutcome("O-1", holder, { type: "purchase" }, "c-2")).toMatchObject({ code: "idempotency_conflict", path: "idempotencyKey" });
  });

  it("compares custom events by name", () => {
    const refund = { customerId: "c-1", type: "custom" as const, customName: "refund" };
    expect(takenKeyOutcome("O-1", refund, { type: "custom", customName: "refund" }, "c-1")).toBe("duplicate");
    expect(message(takenKeyOutcome("O-1", refund, { type: "custom", customName: "voucher" }, "c-1"))).toBe("Order id O-1 is already recorded as “refund”.");
    expect(message(takenKeyOutcome("O-1", holder, { type: "custom", customName: "refund" }, "c-1"))).toBe("Order id O-1 is already recorded as a purchase.");
  });

  it("does not show a key derived from the row's content as an order id, and keeps a resolution error that says more", () => {
    expect(message(takenKeyOutcome("import:abc", holder, { type: "purchase" }, "c-2"))).toBe("This row is already recorded for another customer.");
    const deleted = { code: "customer_deleted" as const, message: "This customer asked to be deleted." };
    expect(takenKeyOutcome("O-1", holder, { type: "purchase" }, deleted)).toBe(deleted);
  });
});
