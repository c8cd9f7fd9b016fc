-- Report rollups (issue #12), kept by statement-level triggers on events, so every writer
-- (recordEvents, voidEvent, imports' bulk writer, undo) keeps them exact without calling anything.
-- Local months, days and hours are the merchant's (merchants.time_zone). Voided events count for
-- nothing. There is deliberately no DELETE trigger: deleting a customer removes their events and
-- their per-customer rows (foreign keys below) but leaves every merchant total as it was, as the
-- deletion promises (lib/customers/privacy.ts).
-- "Activity" is lib/events/activity.ts: every type except notification_received and
-- pass_uninstalled, never an event recorded by an automation.

-- Per merchant x local month x type x custom name x location: the monthly summary and the 12-month charts.
CREATE TABLE "report_monthly_rollups" (
    "merchant_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "type" "EventType" NOT NULL,
    "custom_name" TEXT NOT NULL DEFAULT '',
    "location_key" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "points_issued" BIGINT NOT NULL DEFAULT 0,
    "points_redeemed" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "report_monthly_rollups_pkey" PRIMARY KEY ("merchant_id","month","type","custom_name","location_key")
);

-- Per merchant x local day x local hour x type x location: daily breakdown and busiest times.
CREATE TABLE "report_hourly_rollups" (
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour" SMALLINT NOT NULL,
    "type" "EventType" NOT NULL,
    "location_key" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "report_hourly_rollups_pkey" PRIMARY KEY ("merchant_id","day","hour","type","location_key")
);

-- Per customer x scope x local month: activity and purchases. scope is '*' (all locations) or a
-- location id. Active, new and returning customers and the top customers come from here.
CREATE TABLE "report_customer_months" (
    "merchant_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "activity" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,
    "spend" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "report_customer_months_pkey" PRIMARY KEY ("merchant_id","customer_id","scope","month")
);
CREATE INDEX "report_customer_months_top_idx" ON "report_customer_months"("merchant_id", "scope", "month", "spend" DESC);
ALTER TABLE "report_customer_months" ADD CONSTRAINT "report_customer_months_customer_fkey"
    FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "customers"("merchant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per merchant x scope x local month: distinct active customers and those whose first activity
-- (in that scope) falls in the month. Returning = active - new. Anonymous, so it survives deletion.
CREATE TABLE "report_customer_counts" (
    "merchant_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "active" INTEGER NOT NULL DEFAULT 0,
    "new" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_customer_counts_pkey" PRIMARY KEY ("merchant_id","scope","month")
);

-- Per customer x scope x local day with a visit, check-in or purchase, and the customer's previous
-- such day: the "how often customers return" chart.
CREATE TABLE "report_customer_days" (
    "merchant_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "prev_day" DATE,

    CONSTRAINT "report_customer_days_pkey" PRIMARY KEY ("merchant_id","customer_id","scope","day")
);
CREATE INDEX "report_customer_days_month_idx" ON "report_customer_days"("merchant_id", "scope", "day") INCLUDE ("customer_id", "prev_day");
ALTER TABLE "report_customer_days" ADD CONSTRAINT "report_customer_days_customer_fkey"
    FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "customers"("merchant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One changed event, signed: +1 recorded (or un-voided), -1 voided (or the old side of an edit).
CREATE TYPE "report_event_delta" AS (
    merchant_id UUID, customer_id UUID, type "EventType", custom_name TEXT, location_id UUID,
    occurred_at TIMESTAMPTZ, source "EventSource", amount NUMERIC, points INTEGER, sign INTEGER
);

-- Folds signed event deltas into every report rollup. Rows are written in key order, so concurrent
-- batches lock them in the same order.
CREATE FUNCTION "report_rollups_apply"(deltas "report_event_delta"[]) RETURNS void LANGUAGE plpgsql AS $fn$
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
END
$fn$;

-- The trigger: inserted events count +1; an update counts the old row -1 and the new row +1 when
-- anything a report reads changed (voiding, or an edit of the type, time, amount, points, location).
CREATE FUNCTION "report_rollups_on_events"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  deltas report_event_delta[];
BEGIN
  -- Bulk loaders that rebuild the rollups afterwards (report_rollups_rebuild) switch this off.
  IF current_setting('punchcard.report_rollups', true) = 'off' THEN RETURN NULL; END IF;
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
  IF cardinality(deltas) > 0 THEN PERFORM report_rollups_apply(deltas); END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "events_report_rollups_insert" AFTER INSERT ON "events"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_on_events();
CREATE TRIGGER "events_report_rollups_update" AFTER UPDATE ON "events"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_on_events();

-- Recomputes one merchant's report rollups from its events, set-based: for migrations and bulk
-- loads. Customers deleted earlier are no longer in the events, so run it before deletions matter
-- (new databases, demo data), never as a repair on a live merchant.
CREATE FUNCTION "report_rollups_rebuild"(p_merchant UUID) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tz text := (SELECT time_zone FROM merchants WHERE id = p_merchant);
BEGIN
  DELETE FROM report_monthly_rollups WHERE merchant_id = p_merchant;
  DELETE FROM report_hourly_rollups WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_months WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_counts WHERE merchant_id = p_merchant;
  DELETE FROM report_customer_days WHERE merchant_id = p_merchant;

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
END
$fn$;

SELECT report_rollups_rebuild(id) FROM merchants;
