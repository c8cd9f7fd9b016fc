import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIERS, nextTier, parseTiers, pointsForPurchase, tierFor, tierLookup, type Tier } from "./rules";

describe("points", () => {
  it("earns the merchant's rate per unit spent, rounded down", () => {
    expect(pointsForPurchase("12.99", "1")).toBe(12);
    expect(pointsForPurchase("0.99", "1")).toBe(0);
    expect(pointsForPurchase("60.99", "2")).toBe(121);
    expect(pointsForPurchase("10.00", "0.5")).toBe(5);
    expect(pointsForPurchase("0.10", "10")).toBe(1); // exact: 0.1 × 10 is 1, not 0.9999…
    expect(pointsForPurchase("100", "0")).toBe(0);
  });
});

describe("tiers", () => {
  const tiers: Tier[] = [{ name: "Gold", minSpend: "1500" }, { name: "Silver", minSpend: "500" }];

  it("gives the highest threshold reached, whatever the order of the list", () => {
    expect(tierFor("499.99", tiers)).toBeNull();
    expect(tierFor("500.00", tiers)).toBe("Silver");
    expect(tierFor("1499.99", tiers)).toBe("Silver");
    expect(tierFor("1500", tiers)).toBe("Gold");
    expect(tierFor("0", [])).toBeNull();
  });

  it("tierLookup (cents, for batches) gives the highest threshold reached", () => {
    const tierList = fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 5 })
      .map((mins) => mins.map((min, i) => ({ name: `T${i}`, minCents: min, minSpend: (min / 100).toFixed(2) })));
    fc.assert(fc.property(tierList, fc.integer({ min: 0, max: 2_000_000 }), (list, cents) => {
      const reached = list.filter((t) => cents >= t.minCents).sort((a, b) => b.minCents - a.minCents)[0];
      return tierLookup(list)(cents) === (reached?.name ?? null) && tierFor((cents / 100).toFixed(2), list) === (reached?.name ?? null);
    }));
    expect(tierFor("499.999", tiers)).toBeNull(); // a fraction of a cent does not reach a threshold
  });

  it("shows the next tier and the progress towards it", () => {
    expect(nextTier("250", DEFAULT_TIERS)).toMatchObject({ name: "Silver", remaining: "250.00" });
    expect(nextTier("1000", DEFAULT_TIERS)).toMatchObject({ name: "Gold", remaining: "500.00" });
    expect(nextTier("1500", DEFAULT_TIERS)).toBeNull();
  });

  it("falls back to no tiers on malformed stored settings", () => {
    expect(parseTiers([{ name: "Silver", minSpend: "500" }])).toHaveLength(1);
    expect(parseTiers("nonsense")).toEqual([]);
    expect(parseTiers([{ name: "A", minSpend: "1" }, { name: "a", minSpend: "2" }])).toEqual([]); // duplicate names
  });
});
