-- The "how often customers return" chart from anonymous rollups (issue #12: every chart <= 200 ms at
-- 10M events). Until now it counted a month of report_customer_days rows per read (319 ms on the
-- 10M seed). Now two small tables per merchant x scope x local month hold the same figures:
--   report_return_gaps: how many visit days in the month came `gap` days after the customer's
--     previous visit day (the raw gap, so the chart's buckets stay in lib/reports/chart-data.ts);
--   report_return_customers: customers with a visit day in the month, and those of them with one
--     that came at most 30 days after their previous visit day.
-- report_rollups_apply keeps them exact: for every customer and scope a batch touches, it takes away
-- what their visit days from the month of the earliest touched day onwards contributed, changes the
-- visit days (as before), and adds what those days contribute now (voids, undo and back-dated events
-- included). Like report_customer_counts they are anonymous: deleting a customer leaves them as
-- they were (the deletion's promise for monthly totals), while the customer's visit days go.

CREATE TABLE "report_return_gaps" (
    "merchant_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "gap" INTEGER NOT NULL,
    "returns" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_return_gaps_pkey" PRIMARY KEY ("merchant_id","scope","month","gap")
);

CREATE TABLE "report_return_customers" (
    "merchant_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "visitors" INTEGER NOT NULL DEFAULT 0,
    "back_within_30" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_return_customers_pkey" PRIMARY KEY ("merchant_id","scope","month")
);

-- Adds (sign 1) or takes away (sign -1) what the visit days of the customers and scopes in `deltas`
-- contribute to the return rollups, from the local month of each one's earliest touched day on
-- (a changed day moves the next day's gap, and the month's "back within 30" is per customer-month).
CREATE FUNCTION "report_returns_fold"(deltas "report_event_delta"[], p_sign INTEGER) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  WITH k AS (
    SELECT x.merchant_id, x.customer_id, s.scope, date_trunc('month', min((x.occurred_at AT TIME ZONE m.time_zone)::date))::date AS from_month
    FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
    CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT x.location_id::text WHERE x.location_id IS NOT NULL) s(scope)
    WHERE x.type IN ('visit', 'check_in', 'purchase')
    GROUP BY 1, 2, 3
  ),
  days AS (
    SELECT cd.merchant_id, cd.customer_id, cd.scope, date_trunc('month', cd.day)::date AS month, cd.day - cd.prev_day AS gap
    FROM k JOIN report_customer_days cd
      ON cd.merchant_id = k.merchant_id AND cd.customer_id = k.customer_id AND cd.scope = k.scope AND cd.day >= k.from_month
  ),
  gaps AS (
    INSERT INTO report_return_gaps AS r (merchant_id, scope, month, gap, returns)
    SELECT merchant_id, scope, month, gap, p_sign * count(*)::int FROM days WHERE gap IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (merchant_id, scope, month, gap) DO UPDATE SET returns = r.returns + excluded.returns
  )
  INSERT INTO report_return_customers AS r (merchant_id, scope, month, visitors, back_within_30)
  SELECT merchant_id, scope, month, p_sign * count(*)::int, p_sign * (count(*) FILTER (WHERE back))::int
  FROM (SELECT merchant_id, customer_id, scope, month, coalesce(bool_or(gap <= 30), false) AS back FROM days GROUP BY 1, 2, 3, 4) t
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (merchant_id, scope, month) DO UPDATE SET
    visitors = r.visitors + excluded.visitors, back_within_30 = r.back_within_30 + excluded.back_within_30;
END
$fn$;

-- One merchant's return rollups from its visit days, set-based (rebuilds and this migration).
CREATE FUNCTION "report_returns_derive"(p_merchant UUID) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM report_return_gaps WHERE merchant_id = p_merchant;
  DELETE FROM report_return_customers WHERE merchant_id = p_merchant;
  INSERT INTO report_return_gaps (merchant_id, scope, month, gap, returns)
  SELECT p_merchant, scope, date_trunc('month', day)::date, day - prev_day, count(*)
  FROM report_customer_days WHERE merchant_id = p_merchant AND prev_day IS NOT NULL
  GROUP BY 2, 3, 4;
  INSERT INTO report_return_customers (merchant_id, scope, month, visitors, back_within_30)
  SELECT p_merchant, scope, month, count(*), count(*) FILTER (WHERE back)
  FROM (
    SELECT customer_id, scope, date_trunc('month', day)::date AS month, coalesce(bool_or(day - prev_day <= 30), false) AS back
    FROM report_customer_days WHERE merchant_id = p_merchant GROUP BY 1, 2, 3
  ) t
  GROUP BY 2, 3;
END
$fn$;

-- report_rollups_apply as in 20261202040000_report_rollups, with the two report_returns_fold calls
-- around the visit-days part.
CREATE OR REPLACE FUNCTION "report_rollups_apply"(deltas "report_event_delta"[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  removing boolean := EXISTS (SELECT 1 FROM unnest(deltas) x WHERE x.sign < 0);
BEGIN
  INSERT INTO report_monthly_rollups AS r (merchant_id, month, type, custom_name, location_key, count, amount, points_issued, points_redeemed)
  SELECT x.merchant_id, date_trunc('month', x.occurred_at AT TIME ZONE m.time_zone)::date, x.type,
         CASE WHEN x.type = 'custom' THEN coalesce(x.custom_name, '') ELSE '' END, coalesce(x.location_id::text, ''),
         sum(x.sign), coalesce(sum(x.amount * x.sign), 0), sum(greatest(x.points, 0) * x.sign), sum(-least(x.points, 0) * x.sign)
  FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (merchant_id, month, type, custom_name, location_key) DO UPDATE SET
    count = r.count + excluded.count, amount = r.amount + excluded.amount,
    points_issued = r.points_issued + excluded.points_issued, points_redeemed = r.points_redeemed + excluded.points_redeemed;

  INSERT INTO report_hourly_rollups AS r (merchant_id, day, hour, type, location_key, count, amount)
  SELECT x.merchant_id, (x.occurred_at AT TIME ZONE m.time_zone)::date, extract(hour FROM x.occurred_at AT TIME ZONE m.time_zone)::smallint,
         x.type, coalesce(x.location_id::text, ''), sum(x.sign), coalesce(sum(x.amount * x.sign), 0)
  FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (merchant_id, day, hour, type, location_key) DO UPDATE SET
    count = r.count + excluded.count, amount = r.amount + excluded.amount;

  -- Customer months and, from how they change, the active and new counts. `before` reads the rows
  -- as they were when this statement started; `up` returns them as they are now.
  WITH d AS (
    SELECT x.merchant_id, x.customer_id, s.scope, date_trunc('month', x.occurred_at AT TIME ZONE m.time_zone)::date AS month,
           coalesce(sum(x.sign) FILTER (WHERE x.type NOT IN ('notification_received', 'pass_uninstalled') AND x.source <> 'automation'), 0)::int AS act,
           coalesce(sum(x.sign) FILTER (WHERE x.type = 'purchase'), 0)::int AS pur,
           coalesce(sum(x.amount * x.sign) FILTER (WHERE x.type = 'purchase'), 0) AS spend
    FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
    CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT x.location_id::text WHERE x.location_id IS NOT NULL) s(scope)
    WHERE x.type = 'purchase' OR (x.type NOT IN ('notification_received', 'pass_uninstalled') AND x.source <> 'automation')
    GROUP BY 1, 2, 3, 4
  ),
  keys AS (SELECT DISTINCT merchant_id, customer_id, scope FROM d),
  before AS (
    SELECT cm.merchant_id, cm.customer_id, cm.scope, cm.month, cm.activity
    FROM report_customer_months cm JOIN keys k USING (merchant_id, customer_id, scope)
  ),
  up AS (
    INSERT INTO report_customer_months AS r (merchant_id, customer_id, scope, month, activity, purchases, spend)
    SELECT merchant_id, customer_id, scope, month, act, pur, spend FROM d ORDER BY 1, 2, 3, 4
    ON CONFLICT (merchant_id, customer_id, scope, month) DO UPDATE SET
      activity = r.activity + excluded.activity, purchases = r.purchases + excluded.purchases, spend = r.spend + excluded.spend
    RETURNING r.merchant_id, r.customer_id, r.scope, r.month, r.activity
  ),
  after AS (
    SELECT b.* FROM before b
    WHERE NOT EXISTS (SELECT 1 FROM up u WHERE u.merchant_id = b.merchant_id AND u.customer_id = b.customer_id AND u.scope = b.scope AND u.month = b.month)
    UNION ALL
    SELECT * FROM up
  ),
  old_first AS (SELECT merchant_id, customer_id, scope, min(month) AS month FROM before WHERE activity > 0 GROUP BY 1, 2, 3),
  new_first AS (SELECT merchant_id, customer_id, scope, min(month) AS month FROM after WHERE activity > 0 GROUP BY 1, 2, 3),
  changes AS (
    SELECT u.merchant_id, u.scope, u.month,
           (u.activity > 0)::int - (coalesce(b.activity, 0) > 0)::int AS active, 0 AS new
    FROM up u LEFT JOIN before b USING (merchant_id, customer_id, scope, month)
    UNION ALL
    SELECT o.merchant_id, o.scope, o.month, 0, -1 FROM old_first o
    WHERE NOT EXISTS (SELECT 1 FROM new_first n WHERE n.merchant_id = o.merchant_id AND n.customer_id = o.customer_id AND n.scope = o.scope AND n.month = o.month)
    UNION ALL
    SELECT n.merchant_id, n.scope, n.month, 0, 1 FROM new_first n
    WHERE NOT EXISTS (SELECT 1 FROM old_first o WHERE o.merchant_id = n.merchant_id AND o.customer_id = n.customer_id AND o.scope = n.scope AND o.month = n.month)
  )
  INSERT INTO report_customer_counts AS r (merchant_id, scope, month, active, new)
  SELECT merchant_id, scope, month, sum(active), sum(new) FROM changes
  GROUP BY 1, 2, 3 HAVING sum(active) <> 0 OR sum(new) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (merchant_id, scope, month) DO UPDATE SET active = r.active + excluded.active, new = r.new + excluded.new;

  -- The return rollups: take away what the touched customers' visit months contributed...
  PERFORM report_returns_fold(deltas, -1);

  -- Visit days (visit, check-in or purchase) and each one's previous visit day.
  WITH d AS (
    SELECT x.merchant_id, x.customer_id, s.scope, (x.occurred_at AT TIME ZONE m.time_zone)::date AS day, sum(x.sign)::int AS n
    FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
    CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT x.location_id::text WHERE x.location_id IS NOT NULL) s(scope)
    WHERE x.type IN ('visit', 'check_in', 'purchase')
    GROUP BY 1, 2, 3, 4
  )
  INSERT INTO report_customer_days AS r (merchant_id, customer_id, scope, day, count, prev_day)
  SELECT d.merchant_id, d.customer_id, d.scope, d.day, d.n,
         (SELECT max(p.day) FROM report_customer_days p
          WHERE p.merchant_id = d.merchant_id AND p.customer_id = d.customer_id AND p.scope = d.scope AND p.day < d.day)
  FROM d ORDER BY 1, 2, 3, 4
  ON CONFLICT (merchant_id, customer_id, scope, day) DO UPDATE SET count = r.count + excluded.count;

  IF removing THEN
    DELETE FROM report_customer_months cm
    USING (SELECT DISTINCT merchant_id, customer_id FROM unnest(deltas)) k
    WHERE cm.merchant_id = k.merchant_id AND cm.customer_id = k.customer_id AND cm.activity = 0 AND cm.purchases = 0;
    DELETE FROM report_customer_days cd
    USING (SELECT DISTINCT merchant_id, customer_id FROM unnest(deltas)) k
    WHERE cd.merchant_id = k.merchant_id AND cd.customer_id = k.customer_id AND cd.count <= 0;
  END IF;

  -- A day added before (or removed between) existing visit days changes the next day's previous
  -- day: recompute prev_day from the earliest day this batch touched onwards.
  WITH k AS (
    SELECT x.merchant_id, x.customer_id, s.scope, min((x.occurred_at AT TIME ZONE m.time_zone)::date) AS from_day
    FROM unnest(deltas) x JOIN merchants m ON m.id = x.merchant_id
    CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT x.location_id::text WHERE x.location_id IS NOT NULL) s(scope)
    WHERE x.type IN ('visit', 'check_in', 'purchase')
    GROUP BY 1, 2, 3
  ),
  recalc AS (
    SELECT cd.merchant_id, cd.customer_id, cd.scope, cd.day,
           (SELECT max(p.day) FROM report_customer_days p
            WHERE p.merchant_id = cd.merchant_id AND p.customer_id = cd.customer_id AND p.scope = cd.scope AND p.day < cd.day) AS prev
    FROM k JOIN report_customer_days cd
      ON cd.merchant_id = k.merchant_id AND cd.customer_id = k.customer_id AND cd.scope = k.scope AND cd.day >= k.from_day
  )
  UPDATE report_customer_days r SET prev_day = recalc.prev
  FROM recalc
  WHERE r.merchant_id = recalc.merchant_id AND r.customer_id = recalc.customer_id AND r.scope = recalc.scope AND r.day = recalc.day
    AND r.prev_day IS DISTINCT FROM recalc.prev;

  -- ...and add what they contribute now.
  PERFORM report_returns_fold(deltas, 1);
END
$fn$;

-- report_rollups_rebuild as before, now deriving the return rollups too.
CREATE OR REPLACE FUNCTION "report_rollups_rebuild"(p_merchant UUID) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tz text := (SELECT time_zone FROM merchants WHERE id = p_merchant);
BEGIN
  DELETE FROM report_monthly_rollups WHERE merchant_id = p_merchant;
  DELETE FROM report_hourly_rollups WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_months WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_counts WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_days WHERE merchant_id = p_merchant;
  DELETE FROM report_return_gaps WHERE merchant_id = p_merchant;
  DELETE FROM report_return_customers WHERE merchant_id = p_merchant;
  -- Queued deltas are in the events this recomputes from.
  DELETE FROM report_pending WHERE merchant_id = p_merchant;

  INSERT INTO report_monthly_rollups (merchant_id, month, type, custom_name, location_key, count, amount, points_issued, points_redeemed)
  SELECT merchant_id, date_trunc('month', occurred_at AT TIME ZONE tz)::date, type,
         CASE WHEN type = 'custom' THEN coalesce(custom_name, '') ELSE '' END, coalesce(location_id::text, ''),
         count(*), coalesce(sum(amount), 0), sum(greatest(points, 0)), sum(-least(points, 0))
  FROM events WHERE merchant_id = p_merchant AND voided_at IS NULL
  GROUP BY 1, 2, 3, 4, 5;

  INSERT INTO report_hourly_rollups (merchant_id, day, hour, type, location_key, count, amount)
  SELECT merchant_id, (occurred_at AT TIME ZONE tz)::date, extract(hour FROM occurred_at AT TIME ZONE tz)::smallint,
         type, coalesce(location_id::text, ''), count(*), coalesce(sum(amount), 0)
  FROM events WHERE merchant_id = p_merchant AND voided_at IS NULL
  GROUP BY 1, 2, 3, 4, 5;

  INSERT INTO report_customer_months (merchant_id, customer_id, scope, month, activity, purchases, spend)
  SELECT e.merchant_id, e.customer_id, s.scope, date_trunc('month', e.occurred_at AT TIME ZONE tz)::date,
         count(*) FILTER (WHERE e.type NOT IN ('notification_received', 'pass_uninstalled') AND e.source <> 'automation'),
         count(*) FILTER (WHERE e.type = 'purchase'), coalesce(sum(e.amount) FILTER (WHERE e.type = 'purchase'), 0)
  FROM events e
  CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT e.location_id::text WHERE e.location_id IS NOT NULL) s(scope)
  WHERE e.merchant_id = p_merchant AND e.voided_at IS NULL
    AND (e.type = 'purchase' OR (e.type NOT IN ('notification_received', 'pass_uninstalled') AND e.source <> 'automation'))
  GROUP BY 1, 2, 3, 4;

  INSERT INTO report_customer_counts (merchant_id, scope, month, active, new)
  SELECT p_merchant, scope, month, count(*) FILTER (WHERE activity > 0), count(*) FILTER (WHERE is_first)
  FROM (
    SELECT scope, month, activity,
           activity > 0 AND month = min(month) FILTER (WHERE activity > 0) OVER (PARTITION BY customer_id, scope) AS is_first
    FROM report_customer_months WHERE merchant_id = p_merchant
  ) t
  GROUP BY scope, month HAVING count(*) FILTER (WHERE activity > 0) > 0;

  INSERT INTO report_customer_days (merchant_id, customer_id, scope, day, count, prev_day)
  SELECT p_merchant, customer_id, scope, day, n, lag(day) OVER (PARTITION BY customer_id, scope ORDER BY day)
  FROM (
    SELECT e.customer_id, s.scope, (e.occurred_at AT TIME ZONE tz)::date AS day, count(*)::int AS n
    FROM events e
    CROSS JOIN LATERAL (SELECT '*'::text UNION ALL SELECT e.location_id::text WHERE e.location_id IS NOT NULL) s(scope)
    WHERE e.merchant_id = p_merchant AND e.voided_at IS NULL AND e.type IN ('visit', 'check_in', 'purchase')
    GROUP BY 1, 2, 3
  ) t;

  PERFORM report_returns_derive(p_merchant);
END
$fn$;

-- Backfill from the visit days already kept (set-based, one pass per merchant).
SELECT report_returns_derive(id) FROM merchants;

-- Off the write path (issue #12: with the rollups folded inside every recording statement, single
-- POSTs ran at 464/s against 606/s without them). The events triggers now only queue the signed
-- deltas, one report_pending row per merchant and statement; report_rollups_fold(merchant) folds a
-- merchant's queue in one batch (many events share a day, month or customer row), and every
-- report read calls it first (lib/reports/fresh.ts), so figures stay exact and current when read;
-- a job folds every queue each minute so queues stay short without readers.
-- `SET punchcard.report_rollups = 'sync'` keeps the old behaviour (fold in the statement), for
-- the benchmark's before/after; 'off' still skips them (bulk loads that rebuild afterwards).
CREATE TABLE "report_pending" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY,
    "merchant_id" UUID NOT NULL,
    "deltas" "report_event_delta"[] NOT NULL,

    CONSTRAINT "report_pending_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "report_pending_merchant_idx" ON "report_pending"("merchant_id", "id");

-- Folds what is queued for one merchant. The advisory lock makes folds of one merchant take turns
-- (a fold that waited finds the queue emptied or holds only newer rows). Every deleter of
-- customers (lib/customers/privacy.ts, import undo) folds first, before it locks a customer: a
-- queued delta of a deleted customer would have no customer to fold into, and a fold waiting on a
-- customer row that deleter holds while the deleter waits for the fold lock would deadlock.
-- A long queue (an import nobody read reports during) is folded 500 statements' worth at a time,
-- so one batch's arrays stay a bounded size.
CREATE FUNCTION "report_rollups_fold"(p_merchant UUID) RETURNS INTEGER LANGUAGE plpgsql AS $fn$
DECLARE
  batch report_event_delta[];
  folded integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_rollups_fold:' || p_merchant::text, 0));
  LOOP
    WITH taken AS (
      DELETE FROM report_pending WHERE id IN (SELECT id FROM report_pending WHERE merchant_id = p_merchant ORDER BY id LIMIT 500)
      RETURNING deltas
    )
    SELECT array_agg(d) INTO batch FROM taken CROSS JOIN LATERAL unnest(taken.deltas) d;
    EXIT WHEN batch IS NULL;
    PERFORM report_rollups_apply(batch);
    folded := folded + cardinality(batch);
  END LOOP;
  RETURN folded;
END
$fn$;

CREATE OR REPLACE FUNCTION "report_rollups_on_events"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  mode text := coalesce(current_setting('punchcard.report_rollups', true), '');
  deltas report_event_delta[];
BEGIN
  -- Bulk loaders that rebuild the rollups afterwards (report_rollups_rebuild) switch this off.
  IF mode = 'off' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(
      SELECT ROW(n.merchant_id, n.customer_id, n.type, n.custom_name, n.location_id, n.occurred_at, n.source, n.amount, n.points, 1)::report_event_delta
      FROM new_rows n WHERE n.voided_at IS NULL);
  ELSE
    deltas := ARRAY(
      SELECT ROW(c.merchant_id, c.customer_id, c.type, c.custom_name, c.location_id, c.occurred_at, c.source, c.amount, c.points, c.sign)::report_event_delta
      FROM (
        SELECT o.*, -1 AS sign FROM old_rows o WHERE o.voided_at IS NULL
        UNION ALL
        SELECT n.*, 1 AS sign FROM new_rows n WHERE n.voided_at IS NULL
      ) c
      WHERE EXISTS (
        SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.id = c.id AND (o.voided_at IS NULL, o.customer_id, o.type, o.custom_name, o.location_id, o.occurred_at, o.source, o.amount, o.points)
          IS DISTINCT FROM (n.voided_at IS NULL, n.customer_id, n.type, n.custom_name, n.location_id, n.occurred_at, n.source, n.amount, n.points)));
  END IF;
  IF cardinality(deltas) = 0 THEN RETURN NULL; END IF;
  IF mode = 'sync' THEN
    PERFORM report_rollups_apply(deltas);
  ELSE
    INSERT INTO report_pending (merchant_id, deltas)
    SELECT (d).merchant_id, array_agg(d) FROM unnest(deltas) d GROUP BY 1;
  END IF;
  RETURN NULL;
END
$fn$;
