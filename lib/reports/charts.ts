import "server-only";
// The Reports page's chart data, each from the report rollups (bounded by the month or the twelve
// months shown, not by the number of events).
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketOf, fillDays, fillHeatGrid, fillMonths, fillReturns, type DayRow, type HeatGrid, type MonthTrendRow, type ReturnDistribution } from "./chart-data";
import type { DailyBreakdownRow } from "./csv";
import { foldPendingReports } from "./fresh";
import { addMonths, monthDays, monthStartDay } from "./month";

const dateKey = (d: Date) => d.toISOString().slice(0, 10);
const locationKey = (locationId: string | null) => (locationId ? Prisma.sql`AND location_key = ${locationId}` : Prisma.empty);

/** Events per local day of the month, stacked by type. */
export async function eventsPerDay(scope: MerchantScope, month: string, locationId: string | null): Promise<DayRow[]> {
  await foldPendingReports(scope);
  const from = monthStartDay(month);
  const to = monthStartDay(addMonths(month, 1));
  const rows = await db.$queryRaw<{ day: Date; type: string; count: bigint }[]>`
    SELECT day, type::text, sum(count)::bigint AS count FROM report_hourly_rollups
    WHERE merchant_id = ${scope.merchantId}::uuid AND day >= ${from}::date AND day < ${to}::date ${locationKey(locationId)}
    GROUP BY 1, 2`;
  return fillDays(month, rows.map((r) => ({ day: dateKey(r.day), type: r.type, count: Number(r.count) })));
}

/** Purchases, revenue, average purchase and the pass funnel for the 12 months ending with `month`. */
export async function monthlyTrend(scope: MerchantScope, month: string, locationId: string | null): Promise<MonthTrendRow[]> {
  await foldPendingReports(scope);
  const from = monthStartDay(addMonths(month, -11));
  const to = monthStartDay(month);
  const rows = await db.$queryRaw<{ month: Date; type: string; count: bigint; amount: Prisma.Decimal }[]>`
    SELECT month, type::text, sum(count)::bigint AS count, sum(amount) AS amount FROM report_monthly_rollups
    WHERE merchant_id = ${scope.merchantId}::uuid AND month >= ${from}::date AND month <= ${to}::date
      AND type IN ('purchase', 'pass_installed', 'pass_registered', 'pass_uninstalled') ${locationKey(locationId)}
    GROUP BY 1, 2`;
  return fillMonths(month, 12, rows.map((r) => ({ month: dateKey(r.month).slice(0, 7), type: r.type, count: Number(r.count), amount: r.amount.toFixed(2) })));
}

export interface BusiestTimes {
  visits: HeatGrid;
  purchases: HeatGrid;
}

/** Visits (visit, check-in) and purchases by local weekday × hour in the month. */
export async function busiestTimes(scope: MerchantScope, month: string, locationId: string | null): Promise<BusiestTimes> {
  await foldPendingReports(scope);
  const from = monthStartDay(month);
  const to = monthStartDay(addMonths(month, 1));
  const rows = await db.$queryRaw<{ dow: number; hour: number; purchases: bigint; visits: bigint }[]>`
    SELECT extract(isodow FROM day)::int AS dow, hour::int AS hour,
           coalesce(sum(count) FILTER (WHERE type = 'purchase'), 0)::bigint AS purchases,
           coalesce(sum(count) FILTER (WHERE type IN ('visit', 'check_in')), 0)::bigint AS visits
    FROM report_hourly_rollups
    WHERE merchant_id = ${scope.merchantId}::uuid AND day >= ${from}::date AND day < ${to}::date
      AND type IN ('purchase', 'visit', 'check_in') ${locationKey(locationId)}
    GROUP BY 1, 2`;
  return {
    visits: fillHeatGrid(rows.map((r) => ({ isoWeekday: r.dow, hour: r.hour, count: Number(r.visits) }))),
    purchases: fillHeatGrid(rows.map((r) => ({ isoWeekday: r.dow, hour: r.hour, count: Number(r.purchases) }))),
  };
}

/**
 * How often customers return: for each visit day in the month (a local day with a visit, check-in
 * or purchase), the days since the customer's previous visit day; and the share of the month's
 * visiting customers who came back within 30 days of a previous visit. Read from the anonymous
 * return rollups (migration 20261203040000: a few hundred gap rows and one customer row a month),
 * bucketed here so the buckets live only in chart-data.ts.
 */
export async function returnIntervals(scope: MerchantScope, month: string, locationId: string | null): Promise<ReturnDistribution> {
  await foldPendingReports(scope);
  const day = monthStartDay(month);
  const scopeKey = locationId ?? "*";
  const [row] = await db.$queryRaw<{ gaps: { gap: number; returns: number }[] | null; visitors: number | null; back: number | null }[]>`
    SELECT (SELECT json_agg(json_build_object('gap', gap, 'returns', returns)) FROM report_return_gaps
            WHERE merchant_id = ${scope.merchantId}::uuid AND scope = ${scopeKey} AND month = ${day}::date AND returns <> 0) AS gaps,
           c.visitors, c.back_within_30 AS back
    FROM (SELECT 1) one LEFT JOIN report_return_customers c
      ON c.merchant_id = ${scope.merchantId}::uuid AND c.scope = ${scopeKey} AND c.month = ${day}::date`;
  const rows = (row?.gaps ?? []).map((g) => ({ bucket: bucketOf(g.gap), returns: g.returns }));
  return fillReturns(rows, row?.visitors ?? 0, row?.back ?? 0);
}

export interface TopCustomer {
  id: string;
  name: string | null;
  passSerial: string;
  purchases: number;
  spend: string;
}

/** The month's customers by spend (deleted customers are gone from this list, as promised). */
export async function topCustomers(scope: MerchantScope, month: string, locationId: string | null, limit = 10): Promise<TopCustomer[]> {
  await foldPendingReports(scope);
  const rows = await db.$queryRaw<{ id: string; name: string | null; pass_serial: string; purchases: number; spend: Prisma.Decimal }[]>`
    SELECT c.id::text, c.name, c.pass_serial, m.purchases, m.spend
    FROM report_customer_months m JOIN customers c ON c.merchant_id = m.merchant_id AND c.id = m.customer_id
    WHERE m.merchant_id = ${scope.merchantId}::uuid AND m.scope = ${locationId ?? "*"} AND m.month = ${monthStartDay(month)}::date AND m.spend > 0
    ORDER BY m.spend DESC, c.id LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, name: r.name, passSerial: r.pass_serial, purchases: r.purchases, spend: r.spend.toFixed(2) }));
}

/** Per local day: events, purchases, revenue, visits, check-ins and redemptions (the CSV's breakdown). */
export async function dailyBreakdown(scope: MerchantScope, month: string, locationId: string | null): Promise<DailyBreakdownRow[]> {
  await foldPendingReports(scope);
  const from = monthStartDay(month);
  const to = monthStartDay(addMonths(month, 1));
  const rows = await db.$queryRaw<{ day: Date; events: bigint; purchases: bigint; revenue: Prisma.Decimal; visits: bigint; check_ins: bigint; redemptions: bigint }[]>`
    SELECT day, sum(count)::bigint AS events,
           coalesce(sum(count) FILTER (WHERE type = 'purchase'), 0)::bigint AS purchases, coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0) AS revenue,
           coalesce(sum(count) FILTER (WHERE type = 'visit'), 0)::bigint AS visits, coalesce(sum(count) FILTER (WHERE type = 'check_in'), 0)::bigint AS check_ins,
           coalesce(sum(count) FILTER (WHERE type = 'redemption'), 0)::bigint AS redemptions
    FROM report_hourly_rollups
    WHERE merchant_id = ${scope.merchantId}::uuid AND day >= ${from}::date AND day < ${to}::date ${locationKey(locationId)}
    GROUP BY day`;
  const byDay = new Map(rows.map((r) => [dateKey(r.day), r]));
  return monthDays(month).map((day) => {
    const r = byDay.get(day);
    return {
      day, events: Number(r?.events ?? 0), purchases: Number(r?.purchases ?? 0), revenue: (r?.revenue ?? new Prisma.Decimal(0)).toFixed(2),
      visits: Number(r?.visits ?? 0), checkIns: Number(r?.check_ins ?? 0), redemptions: Number(r?.redemptions ?? 0),
    };
  });
}
