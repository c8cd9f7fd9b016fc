-- The pass keeps the points it has earned (the sum of the positive points of its live events),
-- beside the balance: "earned 1,000 points or more" (the engaged_members segment template) is then
-- one range of an index instead of a grouping of every customer's rollup rows. The pass rules keep
-- it (lib/events/pass-rules.ts); existing passes take it from the per-customer rollups, whose rows
-- are per type and every type's points have one sign (purchases and opening balances earn,
-- redemptions spend), so a row's positive part is exactly what that type earned.

-- AlterTable
ALTER TABLE "customer_passes" ADD COLUMN "points_earned" BIGINT NOT NULL DEFAULT 0;

UPDATE "customer_passes" p SET "points_earned" = r.earned
FROM (SELECT merchant_id, customer_id, sum(greatest(points, 0)) AS earned FROM "customer_rollups" WHERE points > 0 GROUP BY merchant_id, customer_id) r
WHERE p.merchant_id = r.merchant_id AND p.customer_id = r.customer_id;

-- CreateIndex
CREATE INDEX "customer_passes_merchant_id_points_earned_customer_id_idx" ON "customer_passes"("merchant_id", "points_earned", "customer_id");
