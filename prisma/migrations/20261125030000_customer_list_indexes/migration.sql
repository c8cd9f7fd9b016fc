-- Indexes for the customer list's sort orders, so the first page of a 1M-customer merchant reads
-- a few dozen index entries instead of sorting every customer. The trailing id keeps ties (many
-- customers share a visit count) in index order, so paging never needs a sort.

-- CreateIndex
CREATE INDEX "customers_merchant_id_name_id_idx" ON "customers"("merchant_id", "name", "id");

-- CreateIndex
CREATE INDEX "customers_merchant_id_visit_count_id_idx" ON "customers"("merchant_id", "visit_count", "id");

-- CreateIndex
CREATE INDEX "customers_merchant_id_points_balance_id_idx" ON "customers"("merchant_id", "points_balance", "id");

-- CreateIndex (beyond schema.prisma: Prisma cannot declare NULLS LAST) "Last seen, newest first"
-- is the list's default order; never-seen customers belong at the end, not the top.
CREATE INDEX "customers_merchant_id_last_seen_desc_idx" ON "customers"("merchant_id", "last_seen_at" DESC NULLS LAST, "id" DESC);
