import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseTiers, type Tier } from "./rules";

const RATE = /^\d{1,6}(\.\d{1,4})?$/;
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
export const MAX_POINTS_PER_CURRENCY = 1000;

/**
 * Every check names its field, and none can throw: a malformed number fails its own format check
 * and the cross-field checks skip it (a DecimalError here used to surface as "Something went wrong").
 */
export const loyaltySettingsSchema = z
  .object({
    pointsPerCurrency: z
      .string()
      .trim()
      .regex(RATE, "Enter a number like 1, 2 or 0.5 (at most 4 decimals)")
      .refine((value) => !RATE.test(value) || new Decimal(value).gt(0), "Points per currency unit must be more than 0")
      .refine((value) => !RATE.test(value) || new Decimal(value).lte(MAX_POINTS_PER_CURRENCY), `At most ${MAX_POINTS_PER_CURRENCY.toLocaleString("en-US")} points per currency unit`),
    tiers: z.array(z.object({
      name: z.string().trim().min(1, "Give the tier a name").max(40, "At most 40 characters"),
      minSpend: z.string().trim().regex(MONEY, "Enter an amount like 500 or 499.99"),
    })).max(10, "At most 10 tiers"),
    /** Purchases above this ask staff to confirm; blank = no maximum. */
    maxPurchaseAmount: z
      .string()
      .trim()
      .nullish()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || (MONEY.test(value) && new Decimal(value).gt(0)), "Enter an amount like 500, or leave it blank"),
  })
  .superRefine((settings, ctx) => {
    const seen = new Map<string, number>();
    settings.tiers.forEach((tier, i) => {
      const key = tier.name.toLowerCase();
      if (key && seen.has(key)) ctx.addIssue({ code: "custom", path: ["tiers", i, "name"], message: `“${tier.name}” is already tier ${(seen.get(key) ?? 0) + 1}: tier names must be different` });
      else seen.set(key, i);
      const previous = settings.tiers[i - 1];
      if (i > 0 && previous && MONEY.test(tier.minSpend) && MONEY.test(previous.minSpend) && !new Decimal(tier.minSpend).gt(previous.minSpend)) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "minSpend"], message: `Must be more than ${previous.name || `tier ${i}`} (${previous.minSpend}): each tier starts above the one before` });
      }
    });
  });
export type LoyaltySettingsInput = z.input<typeof loyaltySettingsSchema>;

export interface LoyaltySettings {
  pointsPerCurrency: string;
  tiers: Tier[];
  maxPurchaseAmount: string | null;
}

export async function getLoyaltySettings(context: MerchantContext): Promise<LoyaltySettings> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { pointsPerCurrency: true, tiers: true, maxPurchaseAmount: true } });
  return {
    pointsPerCurrency: new Decimal(merchant.pointsPerCurrency.toString()).toString(),
    tiers: sortTiers(parseTiers(merchant.tiers)),
    maxPurchaseAmount: merchant.maxPurchaseAmount ? new Decimal(merchant.maxPurchaseAmount.toString()).toFixed(2) : null,
  };
}

function sortTiers(tiers: Tier[]): Tier[] {
  return [...tiers].sort((a, b) => new Decimal(a.minSpend).comparedTo(b.minSpend));
}

/**
 * Saves the points rule and tiers. Points apply to future purchases only (balances already
 * earned are kept); tiers are recomputed for every customer from lifetime spend in the same
 * transaction with one UPDATE, so nobody keeps a tier the new thresholds no longer give.
 * Returns how many customers changed tier.
 */
export async function saveLoyaltySettings(context: MerchantContext, input: LoyaltySettingsInput): Promise<{ settings: LoyaltySettings; tiersChanged: number }> {
  const data = loyaltySettingsSchema.parse(input);
  const tiers = sortTiers(data.tiers.map((t) => ({ name: t.name, minSpend: new Decimal(t.minSpend).toFixed(2) })));
  const { merchantId } = context;
  return db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { pointsPerCurrency: true, tiers: true, maxPurchaseAmount: true } });
    await tx.merchant.update({ where: { id: merchantId }, data: { pointsPerCurrency: data.pointsPerCurrency, tiers, maxPurchaseAmount: data.maxPurchaseAmount } });
    const tiersChanged = await tx.$executeRaw`
      UPDATE customer_passes c SET tier = x.tier, updated_at = now()
      FROM (${newTiersSql(merchantId, tiers)}) AS x
      WHERE c.merchant_id = ${merchantId}::uuid AND c.customer_id = x.customer_id AND c.tier IS DISTINCT FROM x.tier`;
    await writeAudit(
      { merchantId, userId: context.user.id, label: context.user.name },
      {
        action: "loyalty.updated",
        targetType: "merchant",
        targetId: merchantId,
        details: {
          from: { pointsPerCurrency: before.pointsPerCurrency.toString(), tiers: parseTiers(before.tiers), maxPurchaseAmount: before.maxPurchaseAmount?.toString() ?? null },
          to: { pointsPerCurrency: data.pointsPerCurrency, tiers, maxPurchaseAmount: data.maxPurchaseAmount },
          tiersChanged,
        },
      },
      tx,
    );
    return {
      settings: { pointsPerCurrency: new Decimal(data.pointsPerCurrency).toString(), tiers, maxPurchaseAmount: data.maxPurchaseAmount ? new Decimal(data.maxPurchaseAmount).toFixed(2) : null },
      tiersChanged,
    };
  });
}

/** Each customer's tier under these thresholds: the highest reached (same rule as tierFor()). */
function newTiersSql(merchantId: string, tiers: Tier[]): Prisma.Sql {
  return Prisma.sql`
    SELECT cu.customer_id, cu.tier AS old_tier, (
      SELECT t.value->>'name' FROM jsonb_array_elements(${JSON.stringify(tiers)}::jsonb) AS t(value)
      WHERE cu.lifetime_spend >= (t.value->>'minSpend')::numeric
      ORDER BY (t.value->>'minSpend')::numeric DESC LIMIT 1
    ) AS tier
    FROM customer_passes cu WHERE cu.merchant_id = ${merchantId}::uuid`;
}

/** How many customers saving these settings would move to another tier (shown before saving). */
export async function previewLoyaltySettings(context: MerchantContext, input: LoyaltySettingsInput): Promise<{ tiersChanged: number }> {
  const data = loyaltySettingsSchema.parse(input);
  const tiers = data.tiers.map((t) => ({ name: t.name, minSpend: new Decimal(t.minSpend).toFixed(2) }));
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (${newTiersSql(context.merchantId, tiers)}) x WHERE x.old_tier IS DISTINCT FROM x.tier`;
  return { tiersChanged: row?.n ?? 0 };
}
