-- A customer's purchase points add up for ever (redemptions do not reduce them), so the per
-- customer total outgrows int4 long before any single pass balance does; an overflow there would
-- fail every later event of that customer. bigint, as daily_rollups.points already is.

-- AlterTable
ALTER TABLE "customer_rollups" ALTER COLUMN "points" SET DATA TYPE BIGINT;
