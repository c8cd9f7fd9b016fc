import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatCents, toCents } from "@/lib/money";
import type { EventType } from "./registry";

type Tx = Prisma.TransactionClient;

export interface RollupDelta {
  customerId: string;
  type: EventType;
  /** The merchant-local calendar day. */
  day: string;
  locationId: string | null;
  occurredAt: Date;
  /** +1 when recorded, -1 when voided. */
  sign: 1 | -1;
  amount: string | null;
  points: number;
}

/**
 * Folds a batch of recorded (or voided) events into the per-customer and daily rollups with one
 * statement each. Keys are sorted so concurrent batches lock rows in the same order.
 */
export async function applyRollups(tx: Tx, merchantId: string, deltas: RollupDelta[]): Promise<void> {
  for (const statement of rollupStatements(merchantId, deltas)) await tx.$executeRaw(statement);
}

/**
 * The two upserts of applyRollups (per-customer, then daily), for callers that fold them into one
 * statement with their other writes. Empty when there are no deltas.
 */
export function rollupStatements(merchantId: string, deltas: RollupDelta[]): Prisma.Sql[] {
  if (deltas.length === 0) return [];

  // Amounts in cents (lib/money): exact, and cheap for a 1,000-event batch.
  const perCustomer = new Map<string, { customerId: string; type: EventType; count: number; cents: number; points: number; first: Date; last: Date }>();
  const perDay = new Map<string, { day: string; type: EventType; locationKey: string; count: number; cents: number; points: number }>();
  for (const d of deltas) {
    const cents = d.amount === null ? 0 : toCents(d.amount) * d.sign;
    const ck = `${d.customerId}|${d.type}`;
    const c = perCustomer.get(ck) ?? { customerId: d.customerId, type: d.type, count: 0, cents: 0, points: 0, first: d.occurredAt, last: d.occurredAt };
    c.count += d.sign;
    c.cents += cents;
    c.points += d.points * d.sign;
    if (d.occurredAt < c.first) c.first = d.occurredAt;
    if (d.occurredAt > c.last) c.last = d.occurredAt;
    perCustomer.set(ck, c);
    const dk = `${d.day}|${d.type}|${d.locationId ?? ""}`;
    const day = perDay.get(dk) ?? { day: d.day, type: d.type, locationKey: d.locationId ?? "", count: 0, cents: 0, points: 0 };
    day.count += d.sign;
    day.cents += cents;
    day.points += d.points * d.sign;
    perDay.set(dk, day);
  }

  const customers = [...perCustomer.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  const adding = deltas[0]?.sign === 1;
  // Rows travel as one JSON parameter (see insertEventsSql).
  const customerRows = JSON.stringify(customers.map((c) => ({ c: c.customerId, t: c.type, n: c.count, a: formatCents(c.cents), p: c.points, f: c.first.toISOString(), l: c.last.toISOString() })));
  const perCustomerUpsert = Prisma.sql`
    INSERT INTO customer_rollups AS r (merchant_id, customer_id, type, count, amount, points, first_at, last_at)
    SELECT ${merchantId}::uuid, c, t::"EventType", n, a, p, f, l
    FROM json_to_recordset(${customerRows}::json) AS x(c uuid, t text, n int, a numeric, p bigint, f timestamptz, l timestamptz)
    ON CONFLICT (merchant_id, customer_id, type) DO UPDATE SET
      count = r.count + excluded.count,
      amount = r.amount + excluded.amount,
      points = r.points + excluded.points,
      first_at = CASE WHEN ${adding} THEN least(r.first_at, excluded.first_at) ELSE r.first_at END,
      last_at = CASE WHEN ${adding} THEN greatest(r.last_at, excluded.last_at) ELSE r.last_at END`;

  // Last on purpose: the daily row is the hottest lock we take.
  const days = [...perDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  const dailyUpsert = Prisma.sql`
    INSERT INTO daily_rollups AS r (merchant_id, day, type, location_key, count, amount, points)
    SELECT ${merchantId}::uuid, d, t::"EventType", k, n, a, p
    FROM unnest(${days.map((d) => d.day)}::date[], ${days.map((d) => d.type)}::text[], ${days.map((d) => d.locationKey)}::text[],
                ${days.map((d) => d.count)}::int[], ${days.map((d) => formatCents(d.cents))}::numeric[], ${days.map((d) => d.points)}::bigint[]) AS x(d, t, k, n, a, p)
    ON CONFLICT (merchant_id, day, type, location_key) DO UPDATE SET
      count = r.count + excluded.count, amount = r.amount + excluded.amount, points = r.points + excluded.points`;
  return [perCustomerUpsert, dailyUpsert];
}
