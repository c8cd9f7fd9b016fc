import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldPendingReports } from "./fresh";
import { figuresFrom, type MonthlyFigures, type TypeRow } from "./figures";
import { addMonths, monthOf, monthStartDay, parseMonth } from "./month";

export interface MonthlySummary extends MonthlyFigures {
  month: string;
  timeZone: string;
  currency: string;
  previous: MonthlyFigures;
}

export interface ReportLocation {
  id: string;
  name: string;
}

/** A location filter from a URL or API parameter: its id or its name (any case). */
export async function resolveReportLocation(scope: MerchantScope, value: string | null | undefined): Promise<ReportLocation | null> {
  const wanted = value?.trim();
  if (!wanted) return null;
  const locations = await db.location.findMany({ where: { merchantId: scope.merchantId }, select: { id: true, name: true } });
  const found = locations.find((l) => l.id === wanted || l.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new AppError("validation_error", `No location named “${wanted}”. Known: ${locations.map((l) => l.name).join(", ") || "none"}.`, { path: "location" });
  return found;
}

/** The month a report shows: the one asked for, or the current month in the merchant's zone. */
export function reportMonth(scope: MerchantScope, value: unknown, now = new Date()): string {
  if (value === undefined || value === null || value === "") return monthOf(now, scope.merchant.timeZone);
  const parsed = parseMonth(value);
  if (!parsed) throw new AppError("validation_error", "month must look like 2025-01.", { path: "month" });
  return String(value).trim();
}

/**
 * The month at a glance, read from the report rollups the events triggers keep exact (a handful of
 * rows per month, whatever the number of events), with the previous month for comparison. One
 * round trip for both months (the four small reads it used to be cost more in the pool than in
 * PostgreSQL: 15.7 ms at 10M events against a 10 ms target).
 */
export async function monthlySummary(scope: MerchantScope, options: { month: string; location?: ReportLocation | null }): Promise<MonthlySummary> {
  const { month } = options;
  const previousMonth = addMonths(month, -1);
  await foldPendingReports(scope);
  const both = await figuresForMonths(scope.merchantId, [month, previousMonth], options.location?.id ?? null);
  return { month, timeZone: scope.merchant.timeZone, currency: scope.merchant.currency, ...both[0], previous: both[1] };
}

interface RollupJson { month: string; type: string; custom_name: string; count: number; amount: string; issued: number; redeemed: number }

async function figuresForMonths(merchantId: string, months: [string, string], locationId: string | null): Promise<[MonthlyFigures, MonthlyFigures]> {
  const days = months.map(monthStartDay);
  const locationFilter = locationId ? Prisma.sql`AND location_key = ${locationId}` : Prisma.empty;
  const [row] = await db.$queryRaw<{ rows: RollupJson[] | null; counts: { month: string; active: number; new: number }[] | null }[]>`
    SELECT
      (SELECT json_agg(t) FROM (
         SELECT to_char(month, 'YYYY-MM-DD') AS month, type::text AS type, custom_name, sum(count)::bigint AS count, sum(amount)::text AS amount,
                sum(points_issued)::bigint AS issued, sum(points_redeemed)::bigint AS redeemed
         FROM report_monthly_rollups
         WHERE merchant_id = ${merchantId}::uuid AND month IN (${days[0]}::date, ${days[1]}::date) ${locationFilter}
         GROUP BY 1, 2, 3) t) AS rows,
      (SELECT json_agg(json_build_object('month', to_char(month, 'YYYY-MM-DD'), 'active', active, 'new', new)) FROM report_customer_counts
       WHERE merchant_id = ${merchantId}::uuid AND scope = ${locationId ?? "*"} AND month IN (${days[0]}::date, ${days[1]}::date)) AS counts`;
  const figures = (day: string | undefined): MonthlyFigures => {
    const typeRows: TypeRow[] = (row?.rows ?? []).filter((r) => r.month === day).map((r) => ({
      type: r.type, customName: r.custom_name, count: Number(r.count), amount: new Prisma.Decimal(r.amount).toFixed(2), pointsIssued: Number(r.issued), pointsRedeemed: Number(r.redeemed),
    }));
    const counts = (row?.counts ?? []).find((c) => c.month === day);
    return figuresFrom(typeRows, counts ? { active: counts.active, new: counts.new } : { active: 0, new: 0 });
  };
  return [figures(days[0]), figures(days[1])];
}

/** The merchant's first month with events (null: none yet), so older months can say so. */
export async function firstReportMonth(scope: MerchantScope): Promise<string | null> {
  await foldPendingReports(scope);
  const [row] = await db.$queryRaw<{ month: Date | null }[]>`
    SELECT min(month) AS month FROM report_monthly_rollups WHERE merchant_id = ${scope.merchantId}::uuid AND count > 0`;
  return row?.month ? row.month.toISOString().slice(0, 7) : null;
}
