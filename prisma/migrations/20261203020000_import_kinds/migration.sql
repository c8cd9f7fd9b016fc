-- The customers-only import kind (a contact list, optionally with opening balances) next to the
-- events kind, a count of existing customers it updated, and the dry run's whole-file summary
-- (errors by reason, points awarded, customers whose tier changes). The imports table is small:
-- adding columns with constant defaults is metadata-only in PostgreSQL 11+.
ALTER TABLE imports
  ADD COLUMN kind text NOT NULL DEFAULT 'events' CHECK (kind IN ('events', 'customers')),
  ADD COLUMN customers_updated integer NOT NULL DEFAULT 0,
  ADD COLUMN summary jsonb;
