import { describe, expect, it } from "vitest";
import { compare, figuresFrom } from "./figures";

describe("monthly figures", () => {
  it("sums types, revenue exactly and keeps custom events by name", () => {
    const f = figuresFrom(
      [
        { type: "purchase", customName: "", count: 3, amount: "0.30", pointsIssued: 0, pointsRedeemed: 0 },
        { type: "purchase", customName: "", count: 0, amount: "0.00", pointsIssued: 0, pointsRedeemed: 0 },
        { type: "visit", customName: "", count: 2, amount: "0", pointsIssued: 0, pointsRedeemed: 0 },
        { type: "redemption", customName: "", count: 1, amount: "0", pointsIssued: 0, pointsRedeemed: 100 },
        { type: "custom", customName: "Birthday", count: 4, amount: "0", pointsIssued: 40, pointsRedeemed: 0 },
      ],
      { active: 5, new: 2 },
    );
    expect(f.totalEvents).toBe(10);
    expect(f.revenue).toBe("0.30");
    expect(f.averagePurchase).toBe("0.10");
    expect(f.byType["custom:Birthday"]).toBe(4);
    expect(f.byType.check_in).toBe(0);
    expect(f.returningCustomers).toBe(3);
    expect(f.pointsIssued).toBe(40);
    expect(f.pointsRedeemed).toBe(100);
  });
  it("has no average purchase without purchases", () => {
    expect(figuresFrom([], { active: 0, new: 0 }).averagePurchase).toBeNull();
  });
  it("rounds the average half up to the cent", () => {
    const f = figuresFrom([{ type: "purchase", customName: "", count: 3, amount: "10.00", pointsIssued: 0, pointsRedeemed: 0 }], { active: 1, new: 1 });
    expect(f.averagePurchase).toBe("3.33");
  });
  it("compares with the previous month", () => {
    expect(compare(112, 100).label).toBe("+12%");
    expect(compare(97, 100).label).toBe("\u22123%");
    expect(compare(5, 0)).toEqual({ kind: "new", label: "new" });
    expect(compare(0, 0).label).toBe("");
    expect(compare("150.00", "100.00").label).toBe("+50%");
    expect(compare(null, "10").label).toBe("\u2212100%");
  });
});
