// THE rollup SQL: how a set of events folds into customer_rollups and daily_rollups. Record, void,
// the imports bulk mode, undo and the seed's full derive all call rollupStatements() with their own
// relation of events; nothing else writes rollups. (No "server-only": the seed runs it through pg.)
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventType } from "./registry";

/**
 * The columns a relation of events must offer to be folded: customer_id uuid, type "EventType",
 * occurred_at timestamptz, location_id uuid (null for none), amount numeric (null), points int.
 */
export type EventFacts = Prisma.Sql;

/** One event's facts for eventFactsOf(). */
export interface EventFact {
  customerId: string;
  type: EventType;
  occurredAt: Date;
  locationId: string | null;
  amount: string | null;
  points: number;
}

/** Events passed from code as one JSON parameter (see insertEventsSql), as a relation of facts. */
export function eventFactsOf(facts: EventFact[]): EventFacts {
  const json = JSON.stringify(facts.map((f) => ({ customer_id: f.customerId, type: f.type, occurred_at: f.occurredAt.toISOString(), location_id: f.locationId, amount: f.amount, points: f.points })));
  return Prisma.sql`SELECT * FROM json_to_recordset(${json}::json)
    AS x(customer_id uuid, type "EventType", occurred_at timestamptz, location_id uuid, amount numeric, points int)`;
}

/** Every live event of the merchant, as facts (the seed's derive after a bulk load). */
export function liveEventFactsOf(merchantId: string): EventFacts {
  return Prisma.sql`SELECT customer_id, type, occurred_at, location_id, amount, points FROM events
    WHERE merchant_id = ${merchantId}::uuid AND voided_at IS NULL`;
}

/**
 * The two upserts that fold `events` into the rollups, adding them (+1: recorded) or taking them
 * away (-1: voided; the events must already be marked voided or deleted, so the per-type first and
 * last times are re-read from what remains). Rows are grouped and sorted by key in SQL, so
 * concurrent writers lock rollup rows in the same order; the daily upsert comes last because its
 * rows are the hottest locks we take. The day is the merchant's local calendar day.
 * New rollup dimensions go here (and nowhere else).
 */
export function rollupStatements(merchantId: string, timeZone: string, events: EventFacts, sign: 1 | -1): Prisma.Sql[] {
  const adding = sign === 1;
  const perCustomer = Prisma.sql`
    INSERT INTO customer_rollups AS r (merchant_id, customer_id, type, count, amount, points, first_at, last_at)
    SELECT ${merchantId}::uuid, customer_id, type, ${sign}::int * count(*)::int, ${sign}::int * coalesce(sum(amount), 0), ${sign}::int * coalesce(sum(points), 0)::int,
           min(occurred_at), max(occurred_at)
    FROM (${events}) AS e GROUP BY customer_id, type ORDER BY customer_id, type
    ON CONFLICT (merchant_id, customer_id, type) DO UPDATE SET
      count = r.count + excluded.count,
      amount = r.amount + excluded.amount,
      points = r.points + excluded.points,
      first_at = CASE WHEN ${adding} THEN least(r.first_at, excluded.first_at)
        ELSE (SELECT min(l.occurred_at) FROM events l WHERE l.merchant_id = r.merchant_id AND l.customer_id = r.customer_id AND l.type = r.type AND l.voided_at IS NULL) END,
      last_at = CASE WHEN ${adding} THEN greatest(r.last_at, excluded.last_at)
        ELSE (SELECT max(l.occurred_at) FROM events l WHERE l.merchant_id = r.merchant_id AND l.customer_id = r.customer_id AND l.type = r.type AND l.voided_at IS NULL) END`;
  const daily = Prisma.sql`
    INSERT INTO daily_rollups AS r (merchant_id, day, type, location_key, count, amount, points)
    SELECT ${merchantId}::uuid, (occurred_at AT TIME ZONE ${timeZone})::date AS day, type, coalesce(location_id::text, '') AS location_key,
           ${sign}::int * count(*)::int, ${sign}::int * coalesce(sum(amount), 0), ${sign}::bigint * coalesce(sum(points), 0)
    FROM (${events}) AS e GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (merchant_id, day, type, location_key) DO UPDATE SET
      count = r.count + excluded.count, amount = r.amount + excluded.amount, points = r.points + excluded.points`;
  return [perCustomer, daily];
}
