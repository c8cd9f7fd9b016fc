import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { tierSql } from "@/lib/events/fold";
import { lockPassesWhere } from "@/lib/events/locks";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseTiers, tiersSchema, type Tier } from "./rules";

export const loyaltySettingsSchema = z.object({
  pointsPerCurrency: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,4})?$/, "Enter a number like 1, 2 or 0.5 (at most 4 decimals)")
    .refine((value) => new Decimal(value).lte(1000), "At most 1,000 points per currency unit"),
  tiers: tiersSchema.refine(
    (tiers) => new Set(tiers.map((t) => new Decimal(t.minSpend).toFixed(2))).size === tiers.length,
    "Two tiers cannot start at the same spend",
  ),
});
export type LoyaltySettingsInput = z.input<typeof loyaltySettingsSchema>;

export interface LoyaltySettings {
  pointsPerCurrency: string;
  tiers: Tier[];
}

export async function getLoyaltySettings(context: MerchantContext): Promise<LoyaltySettings> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { pointsPerCurrency: true, tiers: true } });
  return { pointsPerCurrency: new Decimal(merchant.pointsPerCurrency.toString()).toString(), tiers: sortTiers(parseTiers(merchant.tiers)) };
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
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { pointsPerCurrency: true, tiers: true } });
    await tx.merchant.update({ where: { id: merchantId }, data: { pointsPerCurrency: data.pointsPerCurrency, tiers } });
    // The tier rule as SQL, derived from the same thresholds as tierFor() (lib/events/fold.ts).
    const next = tierSql(tiers, Prisma.sql`c.lifetime_spend`);
    await lockPassesWhere(tx, merchantId, Prisma.sql`c.tier IS DISTINCT FROM ${next}`);
    const tiersChanged = await tx.$executeRaw`
      UPDATE customer_passes c SET tier = ${next}, updated_at = now()
      WHERE c.merchant_id = ${merchantId}::uuid AND c.tier IS DISTINCT FROM ${next}`;
    await writeAudit(
      { merchantId, userId: context.user.id, label: context.user.name },
      {
        action: "loyalty.updated",
        targetType: "merchant",
        targetId: merchantId,
        details: {
          from: { pointsPerCurrency: before.pointsPerCurrency.toString(), tiers: parseTiers(before.tiers) },
          to: { pointsPerCurrency: data.pointsPerCurrency, tiers },
          tiersChanged,
        },
      },
      tx,
    );
    return { settings: { pointsPerCurrency: new Decimal(data.pointsPerCurrency).toString(), tiers }, tiersChanged };
  });
}
