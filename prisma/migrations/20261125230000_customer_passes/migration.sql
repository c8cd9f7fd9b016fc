-- The pass state moves out of "customers" into its own narrow table.
--
-- Every recorded event updates the pass (points, visits, spend, tier, last seen). In "customers"
-- that update could never be HOT (the list's sort indexes cover those columns), so each one wrote
-- a new entry into all 14 of the table's indexes, the trigram search index among them: 800
-- customers' passes took ≈ 42 ms, most of the database time of a 1,000-event batch. Here the same
-- update touches 5 small indexes (≈ 10 ms), and "customers" (who the customer is) is written only
-- when their details change.

-- CreateTable
CREATE TABLE "customer_passes" (
    "merchant_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "pass_status" "PassStatus" NOT NULL DEFAULT 'not_installed',
    "points_balance" INTEGER NOT NULL DEFAULT 0,
    "visit_count" INTEGER NOT NULL DEFAULT 0,
    "lifetime_spend" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "tier" TEXT,
    "first_seen_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_passes_pkey" PRIMARY KEY ("merchant_id","customer_id")
);

INSERT INTO "customer_passes" ("merchant_id", "customer_id", "pass_status", "points_balance", "visit_count", "lifetime_spend", "tier", "first_seen_at", "last_seen_at", "updated_at")
SELECT "merchant_id", "id", "pass_status", "points_balance", "visit_count", "lifetime_spend", "tier", "first_seen_at", "last_seen_at", "updated_at" FROM "customers";

-- AddForeignKey
ALTER TABLE "customer_passes" ADD CONSTRAINT "customer_passes_merchant_id_customer_id_fkey" FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "customers"("merchant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The customer list's sort orders (lib/customers/list.ts). The trailing customer_id keeps ties in
-- index order, so paging never sorts.
-- CreateIndex
CREATE INDEX "customer_passes_merchant_id_points_balance_customer_id_idx" ON "customer_passes"("merchant_id", "points_balance", "customer_id");

-- CreateIndex
CREATE INDEX "customer_passes_merchant_id_visit_count_customer_id_idx" ON "customer_passes"("merchant_id", "visit_count", "customer_id");

-- CreateIndex
CREATE INDEX "customer_passes_merchant_id_lifetime_spend_customer_id_idx" ON "customer_passes"("merchant_id", "lifetime_spend", "customer_id");

-- Most recently seen first, never-seen last (the list's default order and the record screen's
-- search order); read backwards it is "least recently seen first, never-seen first". It also
-- answers the "seen / not seen in N days" filters.
CREATE INDEX "customer_passes_merchant_id_recent_idx" ON "customer_passes" ("merchant_id", "last_seen_at" DESC NULLS LAST, "customer_id" DESC);

-- DropIndex
DROP INDEX "customers_merchant_id_last_seen_at_idx";
DROP INDEX "customers_merchant_id_lifetime_spend_idx";
DROP INDEX "customers_merchant_id_visit_count_id_idx";
DROP INDEX "customers_merchant_id_points_balance_id_idx";
DROP INDEX "customers_merchant_id_recent_idx";

-- AlterTable
ALTER TABLE "customers" DROP COLUMN "pass_status",
DROP COLUMN "points_balance",
DROP COLUMN "visit_count",
DROP COLUMN "lifetime_spend",
DROP COLUMN "tier",
DROP COLUMN "first_seen_at",
DROP COLUMN "last_seen_at";
