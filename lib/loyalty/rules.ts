// Points and tiers: pure, exact (decimal.js, never JS floats), shared by the write path, the
// settings form and the seed.
import Decimal from "decimal.js";
import { z } from "zod";
import { toCents } from "@/lib/money";

export const moneyString = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? value.toString() : value.trim()))
  .refine((value) => /^\d{1,10}(\.\d{1,2})?$/.test(value), {
    message: "Amount must be a number ≥ 0 with at most 2 decimals (e.g. 12.50)",
  });

export const tierSchema = z.object({
  name: z.string().trim().min(1).max(40),
  minSpend: moneyString,
});
export const tiersSchema = z
  .array(tierSchema)
  .max(10)
  .refine((tiers) => new Set(tiers.map((t) => t.name.toLowerCase())).size === tiers.length, {
    message: "Tier names must be different",
  });
export type Tier = z.infer<typeof tierSchema>;

export const DEFAULT_TIERS: Tier[] = [
  { name: "Silver", minSpend: "500" },
  { name: "Gold", minSpend: "1500" },
];

/** Parses the merchant's stored tiers, falling back to none on malformed data. */
export function parseTiers(value: unknown): Tier[] {
  const parsed = tiersSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Points for a purchase: amount × points per currency unit, rounded down. */
export function pointsForPurchase(amount: Decimal.Value, pointsPerCurrency: Decimal.Value): number {
  const points = new Decimal(amount).times(pointsPerCurrency).floor();
  return points.isNegative() ? 0 : points.toNumber();
}

/** The highest tier whose threshold the lifetime spend reaches, or null below the first. */
export function tierFor(lifetimeSpend: Decimal.Value, tiers: Tier[]): string | null {
  // Thresholds have at most 2 decimals, so the spend's whole cents decide whether one is reached.
  return tierLookup(tiers)(toCents(new Decimal(lifetimeSpend).toFixed(2, Decimal.ROUND_FLOOR)));
}

/**
 * tierFor for many lookups (a batch of events): the thresholds are read once and the spend is in
 * cents (lib/money), so each lookup is a few integer comparisons.
 */
export function tierLookup(tiers: Tier[]): (spendCents: number) => string | null {
  const highestFirst = tierThresholds(tiers);
  return (spendCents) => highestFirst.find((tier) => spendCents >= tier.minCents)?.name ?? null;
}

/** Thresholds in cents, highest first: the one reading of the tier list (tierLookup and its SQL form, lib/events/fold.ts tierSql). */
export function tierThresholds(tiers: Tier[]): { name: string; minCents: number }[] {
  return tiers.map((tier) => ({ name: tier.name, minCents: toCents(tier.minSpend) })).sort((a, b) => b.minCents - a.minCents);
}

/** The next tier above the current spend and how much more is needed to reach it. */
export function nextTier(lifetimeSpend: Decimal.Value, tiers: Tier[]): { name: string; remaining: string; progress: number } | null {
  const spend = new Decimal(lifetimeSpend);
  const sorted = [...tiers].sort((a, b) => new Decimal(a.minSpend).comparedTo(b.minSpend));
  const next = sorted.find((tier) => spend.lt(tier.minSpend));
  if (!next) return null;
  const previousMin = sorted.filter((tier) => spend.gte(tier.minSpend)).at(-1)?.minSpend ?? "0";
  const span = new Decimal(next.minSpend).minus(previousMin);
  const progress = span.isZero() ? 1 : spend.minus(previousMin).div(span).toNumber();
  return { name: next.name, remaining: new Decimal(next.minSpend).minus(spend).toFixed(2), progress };
}
