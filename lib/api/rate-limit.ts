// Per-key token buckets in process memory: rate = the key's rate_limit_per_second, burst = 2×.
// Limits are therefore per app instance: N instances behind a load balancer allow up to N× the
// rate. That is fine for protecting one instance; a shared limit would need Redis or Postgres.

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request will be allowed again (only when refused). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** `now` in milliseconds; injectable so tests need no timers. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  take(key: string, ratePerSecond: number): RateDecision {
    const rate = Math.max(1, ratePerSecond);
    const burst = 2 * rate;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
  }
}

/** The bench raises every key's limit with PUNCHCARD_API_RATE_LIMIT_OVERRIDE; never set in production. */
export function effectiveRate(keyRate: number, override = process.env.PUNCHCARD_API_RATE_LIMIT_OVERRIDE): number {
  const parsed = override ? Number(override) : NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : keyRate;
}
