// Deterministic randomness for the demo data: a tiny seeded PRNG (mulberry32) and the helpers the
// generator needs. Every customer gets its own stream derived from (seed, merchant, customer,
// purpose), so customers can be generated in any order, in two passes, and still come out the same.

export type Rng = () => number;

/** mulberry32: 32-bit state, fast, well spread. Fine for synthetic data, never for secrets. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds integers into one well-mixed 32-bit seed (murmur3's finaliser after each part). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Low and high 32 bits, so parts above 2^32 (timestamps, large seeds) count in full.
    for (const word of [part >>> 0, Math.floor(part / 4294967296) >>> 0]) {
      h = (h ^ word) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
    }
  }
  return h >>> 0;
}

/** A stream for one (seed, ...purpose) tuple. */
export function streamFor(...parts: number[]): Rng {
  return mulberry32(mixSeed(...parts));
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

/** Standard normal via Box–Muller (one value per call; the spare is dropped for simplicity). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Exponentially distributed value with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(Math.max(1 - rng(), 1e-12)) * mean;
}

/** Picks indexes in proportion to fixed weights, by binary search over cumulative sums. */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      sum += Math.max(0, weight);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): number {
    const target = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex = (byte: number) => HEX[byte & 0xff] as string;

/**
 * RFC 9562 UUIDv7 from a given instant and the PRNG (lib/ids.ts uses crypto randomness; the seed
 * must be reproducible). Ids sort by the instant, so rows land near the end of their indexes.
 */
export function seededUuidv7(ms: number, rng: Rng): string {
  const high = Math.floor(ms / 0x10000); // top 32 of the 48 timestamp bits
  const low = ms % 0x10000;
  const a = (rng() * 4294967296) >>> 0;
  const b = (rng() * 4294967296) >>> 0;
  const c = (rng() * 4294967296) >>> 0;
  return (
    hex(high >>> 24) + hex(high >>> 16) + hex(high >>> 8) + hex(high) + "-" +
    hex(low >>> 8) + hex(low) + "-" +
    hex(0x70 | ((a >>> 24) & 0x0f)) + hex(a >>> 16) + "-" +
    hex(0x80 | ((a >>> 8) & 0x3f)) + hex(a) + "-" +
    hex(b >>> 24) + hex(b >>> 16) + hex(b >>> 8) + hex(b) + hex(c >>> 8) + hex(c)
  );
}
