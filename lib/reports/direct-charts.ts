import "server-only";
// Chart data computed straight from the events table: the reference for tests and the benchmark.
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketOf, fillDays, fillHeatGrid, fillMonths, fillReturns, type DayRow, type MonthTrendRow, type ReturnDistribution } from "./chart-data";
import type { BusiestTimes, TopCustomer } from "./charts";
import { addMonths, monthInstants } from "./month";

const loc = (locationId: string | null) => (locationId ? Prisma.sql`AND e.location_id = ${locationId}::uuid` : Prisma.empty);

export async function eventsPerDayDirect(scope: MerchantScope, month: string, locationId: string | null): Promise<DayRow[]> {
  const tz = scope.merchant.timeZone;
  const { start, end } = monthInstants(month, tz);
  const rows = await db.$queryRaw<{ day: string; type: string; count: bigint }[]>`
    SELECT to_char(e.occurred_at AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, e.type::text, count(*)::bigint AS count FROM events e
    WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL AND e.occurred_at >= ${start} AND e.occurred_at < ${end} ${loc(locationId)}
    GROUP BY 1, 2`;
  return fillDays(month, rows.map((r) => ({ ...r, count: Number(r.count) })));
}

export async function monthlyTrendDirect(scope: MerchantScope, month: string, locationId: string | null): Promise<MonthTrendRow[]> {
  const tz = scope.merchant.timeZone;
  const start = monthInstants(addMonths(month, -11), tz).start;
  const end = monthInstants(month, tz).end;
  const rows = await db.$queryRaw<{ month: string; type: string; count: bigint; amount: Prisma.Decimal | null }[]>`
    SELECT to_char(e.occurred_at AT TIME ZONE ${tz}, 'YYYY-MM') AS month, e.type::text, count(*)::bigint AS count, sum(e.amount) AS amount FROM events e
    WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL AND e.occurred_at >= ${start} AND e.occurred_at < ${end}
      AND e.type IN ('purchase', 'pass_installed', 'pass_registered', 'pass_uninstalled') ${loc(locationId)}
    GROUP BY 1, 2`;
  return fillMonths(month, 12, rows.map((r) => ({ month: r.month, type: r.type, count: Number(r.count), amount: (r.amount ?? new Prisma.Decimal(0)).toFixed(2) })));
}

export async function busiestTimesDirect(scope: MerchantScope, month: string, locationId: string | null): Promise<BusiestTimes> {
  const tz = scope.merchant.timeZone;
  const { start, end } = monthInstants(month, tz);
  const rows = await db.$queryRaw<{ dow: number; hour: number; purchases: bigint; visits: bigint }[]>`
    SELECT extract(isodow FROM e.occurred_at AT TIME ZONE ${tz})::int AS dow, extract(hour FROM e.occurred_at AT TIME ZONE ${tz})::int AS hour,
           count(*) FILTER (WHERE e.type = 'purchase')::bigint AS purchases, count(*) FILTER (WHERE e.type IN ('visit', 'check_in'))::bigint AS visits
    FROM events e
    WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL AND e.occurred_at >= ${start} AND e.occurred_at < ${end}
      AND e.type IN ('purchase', 'visit', 'check_in') ${loc(locationId)}
    GROUP BY 1, 2`;
  return {
    visits: fillHeatGrid(rows.map((r) => ({ isoWeekday: r.dow, hour: r.hour, count: Number(r.visits) }))),
    purchases: fillHeatGrid(rows.map((r) => ({ isoWeekday: r.dow, hour: r.hour, count: Number(r.purchases) }))),
  };
}

export async function returnIntervalsDirect(scope: MerchantScope, month: string, locationId: string | null): Promise<ReturnDistribution> {
  const tz = scope.merchant.timeZone;
  const { start, end } = monthInstants(month, tz);
  const rows = await db.$queryRaw<{ customer_id: string; gap: number | null }[]>`
    WITH days AS (
      SELECT DISTINCT e.customer_id, (e.occurred_at AT TIME ZONE ${tz})::date AS day FROM events e
      WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL AND e.type IN ('visit', 'check_in', 'purchase')
        AND e.occurred_at < ${end} AND e.customer_id IN (
          SELECT customer_id FROM events e WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL
            AND e.type IN ('visit', 'check_in', 'purchase') AND e.occurred_at >= ${start} AND e.occurred_at < ${end} ${loc(locationId)})
        ${loc(locationId)}
    ), gaps AS (
      SELECT customer_id, day, day - lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap FROM days
    )
    SELECT customer_id::text, gap FROM gaps WHERE day >= (${start}::timestamptz AT TIME ZONE ${tz})::date`;
  const counts = new Map<number, number>();
  const customers = new Map<string, boolean>();
  for (const r of rows) {
    customers.set(r.customer_id, (customers.get(r.customer_id) ?? false) || (r.gap !== null && r.gap <= 30));
    if (r.gap === null) continue;
    const b = bucketOf(r.gap);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return fillReturns([...counts].map(([bucket, returns]) => ({ bucket, returns })), customers.size, [...customers.values()].filter(Boolean).length);
}

export async function topCustomersDirect(scope: MerchantScope, month: string, locationId: string | null, limit = 10): Promise<TopCustomer[]> {
  const { start, end } = monthInstants(month, scope.merchant.timeZone);
  const rows = await db.$queryRaw<{ id: string; name: string | null; pass_serial: string; purchases: bigint; spend: Prisma.Decimal }[]>`
    SELECT c.id::text, c.name, c.pass_serial, count(*)::bigint AS purchases, sum(e.amount) AS spend
    FROM events e JOIN customers c ON c.merchant_id = e.merchant_id AND c.id = e.customer_id
    WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.voided_at IS NULL AND e.type = 'purchase'
      AND e.occurred_at >= ${start} AND e.occurred_at < ${end} ${loc(locationId)}
    GROUP BY c.id, c.name, c.pass_serial HAVING sum(e.amount) > 0
    ORDER BY spend DESC, c.id LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, name: r.name, passSerial: r.pass_serial, purchases: Number(r.purchases), spend: r.spend.toFixed(2) }));
}
