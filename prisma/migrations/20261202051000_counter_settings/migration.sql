-- Settings the counter reads (issue #13): the merchant's pass serial format, an owner-set
-- largest usual purchase, archived locations, and a rewards catalogue.

-- AlterTable
ALTER TABLE "merchants" ADD COLUMN "pass_serial_prefix" TEXT NOT NULL DEFAULT 'PC',
ADD COLUMN "pass_serial_length" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN "max_purchase_amount" DECIMAL(12,2);

-- A merchant whose customers already carry serials keeps their prefix and length for new ones.
UPDATE "merchants" m SET "pass_serial_prefix" = s.prefix, "pass_serial_length" = s.len
FROM (
  SELECT DISTINCT ON (merchant_id) merchant_id, split_part(pass_serial, '-', 1) AS prefix, length(split_part(pass_serial, '-', 2)) AS len
  FROM customers WHERE pass_serial ~ '^[A-Z0-9]{1,6}-[A-Z0-9]{4,16}$'
  ORDER BY merchant_id, created_at
) s
WHERE s.merchant_id = m.id;

-- AlterTable
ALTER TABLE "locations" ADD COLUMN "archived_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "rewards" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "points_cost" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rewards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rewards_merchant_id_name_key" ON "rewards"("merchant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "rewards_merchant_id_id_key" ON "rewards"("merchant_id", "id");

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
