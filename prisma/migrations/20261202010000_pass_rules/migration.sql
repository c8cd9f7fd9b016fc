-- The pass rules in one place (lib/events/pass-rules.ts). Two of them now depend on when events
-- happened rather than the order they arrived in, so a void can restore the pass exactly:
-- * the pass status is the one set by the latest status-setting event (pass_installed,
--   pass_registered, pass_uninstalled; at the same instant an uninstall wins), and
--   "pass_status_at" remembers when that event happened;
-- * first/last seen are the customer's first and last ACTIVITY: every event except
--   notification_received and pass_uninstalled, and never one recorded by an automation.
-- Existing passes are brought in line with the rules from their live events.

-- AlterTable
ALTER TABLE "customer_passes" ADD COLUMN "pass_status_at" TIMESTAMPTZ(3);

UPDATE "customer_passes" p SET "pass_status" = s.status, "pass_status_at" = s.at
FROM (
  SELECT DISTINCT ON (merchant_id, customer_id) merchant_id, customer_id, occurred_at AS at,
         (CASE WHEN type = 'pass_uninstalled' THEN 'uninstalled' ELSE 'installed' END)::"PassStatus" AS status
  FROM "events"
  WHERE voided_at IS NULL AND type IN ('pass_installed', 'pass_registered', 'pass_uninstalled')
  ORDER BY merchant_id, customer_id, occurred_at DESC, (type = 'pass_uninstalled') DESC
) s
WHERE p.merchant_id = s.merchant_id AND p.customer_id = s.customer_id;

UPDATE "customer_passes" p SET "first_seen_at" = a.first_at, "last_seen_at" = a.last_at
FROM "customer_passes" q
LEFT JOIN (
  SELECT merchant_id, customer_id, min(occurred_at) AS first_at, max(occurred_at) AS last_at
  FROM "events"
  WHERE voided_at IS NULL AND type NOT IN ('notification_received', 'pass_uninstalled') AND source <> 'automation'
  GROUP BY merchant_id, customer_id
) a ON a.merchant_id = q.merchant_id AND a.customer_id = q.customer_id
WHERE p.merchant_id = q.merchant_id AND p.customer_id = q.customer_id
  AND (p.first_seen_at IS DISTINCT FROM a.first_at OR p.last_seen_at IS DISTINCT FROM a.last_at);
