import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { VISIT_TYPES } from "@/lib/events/registry";
import { nextTier, parseTiers } from "@/lib/loyalty/rules";
import { recentMonths } from "./display";
import { passSelect, withPass, type PassFields } from "./pass";

export const customerProfileSelect = {
  id: true, name: true, email: true, phone: true, externalId: true, passSerial: true, createdAt: true, pass: { select: passSelect },
} satisfies Prisma.CustomerSelect;

export type CustomerProfile = Omit<Prisma.CustomerGetPayload<{ select: typeof customerProfileSelect }>, "pass"> & PassFields & {
  nextTier: { name: string; remaining: string; progress: number } | null;
};

/**
 * One customer of the scope's merchant with their progress to the next tier, or null — also for
 * another merchant's customer id or a malformed id, so callers answer 404 either way.
 */
export async function getCustomerProfile(scope: MerchantScope, customerId: string): Promise<CustomerProfile | null> {
  if (!z.uuid().safeParse(customerId).success) return null;
  const [customer, merchant] = await Promise.all([
    db.customer.findFirst({ where: { merchantId: scope.merchantId, id: customerId }, select: customerProfileSelect }),
    db.merchant.findUnique({ where: { id: scope.merchantId }, select: { tiers: true } }),
  ]);
  if (!customer) return null;
  const profile = withPass(customer);
  return { ...profile, nextTier: nextTier(profile.lifetimeSpend, parseTiers(merchant?.tiers)) };
}

export interface CustomerTotals {
  events: number;
  purchases: number;
  /** Exact decimal strings. */
  spend: string;
  averagePurchase: string | null;
  visits: number;
  redemptions: number;
  pointsEarned: number;
  pointsSpent: number;
}

// Visits count the same event types that add to the pass's visit count (the write path's rule).
const VISIT_TYPE_LIST = [...VISIT_TYPES];

/** Totals from the customer's events (voided ones excluded), exact to the cent. */
export async function customerTotals(scope: MerchantScope, customerId: string): Promise<CustomerTotals> {
  const [row] = await db.$queryRaw<{ events: number; purchases: number; spend: string; visits: number; redemptions: number; earned: bigint; spent: bigint }[]>`
    SELECT count(*)::int AS events,
           count(*) FILTER (WHERE type = 'purchase')::int AS purchases,
           coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0)::text AS spend,
           count(*) FILTER (WHERE type::text = ANY(${VISIT_TYPE_LIST}))::int AS visits,
           count(*) FILTER (WHERE type = 'redemption')::int AS redemptions,
           coalesce(sum(points) FILTER (WHERE points > 0), 0)::bigint AS earned,
           coalesce(-sum(points) FILTER (WHERE points < 0), 0)::bigint AS spent
    FROM events
    WHERE merchant_id = ${scope.merchantId}::uuid AND customer_id = ${customerId}::uuid AND voided_at IS NULL`;
  const spend = new Decimal(row?.spend ?? 0);
  const purchases = row?.purchases ?? 0;
  return {
    events: row?.events ?? 0,
    purchases,
    spend: spend.toFixed(2),
    averagePurchase: purchases > 0 ? spend.div(purchases).toFixed(2) : null,
    visits: row?.visits ?? 0,
    redemptions: row?.redemptions ?? 0,
    pointsEarned: Number(row?.earned ?? 0),
    pointsSpent: Number(row?.spent ?? 0),
  };
}

export interface CustomerMonth {
  /** "YYYY-MM" in the merchant's zone. */
  month: string;
  events: number;
  purchases: number;
  spend: string;
  visits: number;
  redemptions: number;
}

/** This customer's last 12 months (merchant-local months, oldest first, empty months included). */
export async function customerMonthlySummary(scope: MerchantScope, customerId: string, now = new Date()): Promise<CustomerMonth[]> {
  const timeZone = scope.merchant.timeZone;
  const { keys, start } = recentMonths(now, timeZone, 12);
  const rows = await db.$queryRaw<CustomerMonth[]>`
    SELECT to_char(date_trunc('month', occurred_at AT TIME ZONE ${timeZone}), 'YYYY-MM') AS month,
           count(*)::int AS events,
           count(*) FILTER (WHERE type = 'purchase')::int AS purchases,
           coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0)::text AS spend,
           count(*) FILTER (WHERE type::text = ANY(${VISIT_TYPE_LIST}))::int AS visits,
           count(*) FILTER (WHERE type = 'redemption')::int AS redemptions
    FROM events
    WHERE merchant_id = ${scope.merchantId}::uuid AND customer_id = ${customerId}::uuid
      AND voided_at IS NULL AND occurred_at >= ${start}
    GROUP BY 1`;
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return keys.map((month) => {
    const r = byMonth.get(month);
    return {
      month,
      events: r?.events ?? 0,
      purchases: r?.purchases ?? 0,
      spend: new Decimal(r?.spend ?? 0).toFixed(2),
      visits: r?.visits ?? 0,
      redemptions: r?.redemptions ?? 0,
    };
  });
}
