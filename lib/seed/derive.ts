// After a bulk load, the rollups the write path would have maintained row by row are folded from
// every live event with the write path's own rollup SQL (lib/events/rollups.ts), one scan of the
// merchant's events per rollup. (Pass state is computed while generating: totals.ts.)
import type { Client } from "pg";
import { liveEventFactsOf, rollupStatements } from "../events/rollups";

/** The report rollups (migrations 20261202040000, 20261203040000), which the events triggers keep on live writes. */
export const REPORT_ROLLUP_TABLES = [
  "report_monthly_rollups", "report_hourly_rollups", "report_customer_months", "report_customer_counts", "report_customer_days",
  "report_return_gaps", "report_return_customers", "report_pending",
];

export async function deriveRollups(client: Client, merchantId: string, timeZone: string): Promise<void> {
  for (const statement of rollupStatements(merchantId, timeZone, liveEventFactsOf(merchantId), 1)) await client.query(statement.text, statement.values);
  // The load ran with the report triggers off; the same function the migration uses fills them.
  await client.query("SELECT report_rollups_rebuild($1)", [merchantId]);
}

/**
 * The events' foreign keys, checked for the whole load in one anti-join: used when the row-by-row
 * checks were switched off for speed, so the database's guarantees hold all the same.
 */
export async function verifyEventReferences(client: Client, merchantId: string): Promise<void> {
  const result = await client.query<{ customers: string; locations: string }>(
    `SELECT count(*) FILTER (WHERE c.id IS NULL) AS customers,
            count(*) FILTER (WHERE e.location_id IS NOT NULL AND l.id IS NULL) AS locations
     FROM events e
     LEFT JOIN customers c ON c.merchant_id = e.merchant_id AND c.id = e.customer_id
     LEFT JOIN locations l ON l.merchant_id = e.merchant_id AND l.id = e.location_id
     WHERE e.merchant_id = $1`,
    [merchantId],
  );
  const row = result.rows[0];
  if (row && (row.customers !== "0" || row.locations !== "0")) {
    throw new Error(`Demo data is inconsistent: ${row.customers} events without their customer, ${row.locations} with an unknown location`);
  }
  const passes = await client.query<{ orphans: string; missing: string }>(
    `SELECT (SELECT count(*) FROM customer_passes p WHERE p.merchant_id = $1
               AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.merchant_id = p.merchant_id AND c.id = p.customer_id)) AS orphans,
            (SELECT count(*) FROM customers c WHERE c.merchant_id = $1
               AND NOT EXISTS (SELECT 1 FROM customer_passes p WHERE p.merchant_id = c.merchant_id AND p.customer_id = c.id)) AS missing`,
    [merchantId],
  );
  const p = passes.rows[0];
  if (p && (p.orphans !== "0" || p.missing !== "0")) {
    throw new Error(`Demo data is inconsistent: ${p.orphans} passes without their customer, ${p.missing} customers without a pass`);
  }
}
