-- Segment recency from the per-customer rollups (lib/segments/compile-columns.ts): "a purchase in
-- the last 30 days" is "last purchase ≥ 30 days ago" and "has purchased, but not in the last 60
-- days" is "last purchase < 60 days ago", a range of this index instead of a scan of every event in
-- the window (or of all events, for "not in"). first_at / last_at are exact under voids and import
-- undo (lib/events/rollups.ts re-reads them from the live events that remain). INCLUDE makes both
-- index-only; first_at answers "first purchase this week". Only the migration can say INCLUDE.

-- CreateIndex
CREATE INDEX IF NOT EXISTS "customer_rollups_recency_idx" ON "customer_rollups"("merchant_id", "type", "last_at") INCLUDE ("customer_id", "count", "first_at");
