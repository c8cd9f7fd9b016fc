import { describe, expect, it } from "vitest";
import { effectiveRate, TokenBuckets } from "./rate-limit";

describe("TokenBuckets", () => {
  it("allows a burst of twice the rate, then refuses with Retry-After", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const decisions = Array.from({ length: 25 }, () => buckets.take("key", 10));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(decisions[20]).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 100; // 0.1 s at 10/s refills one token
    expect(buckets.take("key", 10).allowed).toBe(true);
    expect(buckets.take("key", 10).allowed).toBe(false);
  });

  it("refills at the rate and never above the burst", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    for (let i = 0; i < 4; i++) buckets.take("k", 2);
    now += 60_000;
    const allowed = Array.from({ length: 10 }, () => buckets.take("k", 2)).filter((d) => d.allowed);
    expect(allowed).toHaveLength(4);
  });

  it("keeps keys apart", () => {
    const buckets = new TokenBuckets(() => 0);
    buckets.take("a", 1);
    buckets.take("a", 1);
    expect(buckets.take("a", 1).allowed).toBe(false);
    expect(buckets.take("b", 1).allowed).toBe(true);
  });

  it("answers whole seconds, rounded up, for slow keys", () => {
    const buckets = new TokenBuckets(() => 0);
    buckets.take("slow", 1);
    buckets.take("slow", 1);
    expect(buckets.take("slow", 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe("effectiveRate", () => {
  it("uses the override only when it is a positive number", () => {
    expect(effectiveRate(100, undefined)).toBe(100);
    expect(effectiveRate(100, "5000")).toBe(5000);
    expect(effectiveRate(100, "nope")).toBe(100);
    expect(effectiveRate(100, "0")).toBe(100);
  });
});
