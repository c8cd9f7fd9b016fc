-- Customer search that ignores accents and case in every word (issue #13): one normalised
-- search column, computed by the database itself, so no writer (counter, API, imports, seed) can
-- forget to keep it; phones stored in E.164.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could be changed), so it cannot appear in a generated
-- column or an index. This wrapper names the dictionary explicitly and pins search_path, which is
-- the documented way to use it there. Apostrophes go too, so "obrien" finds O'Brien.
CREATE OR REPLACE FUNCTION punchcard_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  SET search_path FROM CURRENT
  AS $$ SELECT regexp_replace(lower(unaccent('unaccent'::regdictionary, value)), '[''’`]', '', 'g') $$;

-- The old expression index is replaced by the column's index below; dropping it first keeps the
-- phone rewrite from maintaining it.
DROP INDEX IF EXISTS "customers_search_trgm_idx";

-- Phones in one form, E.164 ("+12125550570"), as the app writes them from now on
-- (lib/customers/identifiers.ts normalizePhone). Numbers written with their country code are
-- rewritten here; a number without one is left as typed (its country is unknown to SQL) and is
-- still found by its digits.
UPDATE "customers" SET "phone" = '+' || regexp_replace("phone", '\D', '', 'g')
WHERE "phone" ~ '^\s*(\+|00)' AND "phone" <> '+' || regexp_replace("phone", '\D', '', 'g')
  AND length(regexp_replace("phone", '\D', '', 'g')) BETWEEN 7 AND 15;
UPDATE "customers" SET "phone" = '+' || substr(regexp_replace("phone", '\D', '', 'g'), 3)
WHERE "phone" ~ '^\+00';

-- " name email phone-digits serial": the leading space makes every word start after a space, so
-- "% mar%" is a word-prefix match (ranked first) and "%mar%" a substring match, both answered by
-- the trigram index.
ALTER TABLE "customers" ADD COLUMN "search_text" TEXT NOT NULL GENERATED ALWAYS AS (
  ' ' || coalesce(punchcard_fold("name"), '') || ' ' || coalesce(lower("email"), '') || ' ' ||
  coalesce(regexp_replace("phone", '\D', '', 'g'), '') || ' ' || lower("pass_serial")
) STORED;

CREATE INDEX "customers_search_text_trgm_idx" ON "customers" USING GIN ("search_text" gin_trgm_ops);
