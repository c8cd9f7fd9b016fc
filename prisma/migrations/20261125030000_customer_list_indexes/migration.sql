-- Indexes for the customer list's sort orders, so the first page of a 1M-customer merchant reads
-- a few dozen index entries instead of sorting every customer. The trailing id keeps ties (many
-- customers share a visit count) in index order, so paging never needs a sort.

-- CreateIndex
CREATE INDEX "customers_merchant_id_name_id_idx" ON "customers"("merchant_id", "name", "id");

-- CreateIndex
CREATE INDEX "customers_merchant_id_visit_count_id_idx" ON "customers"("merchant_id", "visit_count", "id");

-- CreateIndex
CREATE INDEX "customers_merchant_id_points_balance_id_idx" ON "customers"("merchant_id", "points_balance", "id");

-- "Last seen, newest first, never-seen last" (the list's default order) is served by
-- customers_merchant_id_recent_idx from 20261125203000_customer_search_indexes.
