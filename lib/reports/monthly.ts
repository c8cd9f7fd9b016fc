import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * rows per month, whatever the number of events), with the previous month for comparison.
 */
export async function monthlySummary(scope: MerchantScope, options: { month: string; location?: ReportLocation | null }): Promise<MonthlySummary> {
  const { month } = options;
  const previousMonth = addMonths(month, -1);
  const [current, previous] = await Promise.all([
    figuresForMonth(scope.merchantId, month, options.location?.id ?? null),
    figuresForMonth(scope.merchantId, previousMonth, options.location?.id ?? null),
  ]);
  return { month, timeZone: scope.merchant.timeZone, currency: scope.merchant.currency, ...current, previous };
}

async function figuresForMonth(merchantId: string, month: string, locationId: string | null): Promise<MonthlyFigures> {
  const day = monthStartDay(month);
  const locationFilter = locationId ? Prisma.sql`AND location_key = ${locationId}` : Prisma.empty;
  const [rows, counts] = await Promise.all([
    db.$queryRaw<{ type: string; custom_name: string; count: bigint; amount: Prisma.Decimal; issued: bigint; redeemed: bigint }[]>`
      SELECT type::text, custom_name, sum(count)::bigint AS count, sum(amount) AS amount,
             sum(points_issued)::bigint AS issued, sum(points_redeemed)::bigint AS redeemed
      FROM report_monthly_rollups
      WHERE merchant_id = ${merchantId}::uuid AND month = ${day}::date ${locationFilter}
      GROUP BY 1, 2`,
    db.$queryRaw<{ active: number; new: number }[]>`
      SELECT active, new FROM report_customer_counts
      WHERE merchant_id = ${merchantId}::uuid AND scope = ${locationId ?? "*"} AND month = ${day}::date`,
  ]);
  const typeRows: TypeRow[] = rows.map((r) => ({
    type: r.type, customName: r.custom_name, count: Number(r.count), amount: r.amount.toFixed(2), pointsIssued: Number(r.issued), pointsRedeemed: Number(r.redeemed),
  }));
  return figuresFrom(typeRows, counts[0] ?? { active: 0, new: 0 });
}

/** The merchant's first month with events (null: none yet), so older months can say so. */
export async function firstReportMonth(scope: MerchantScope): Promise<string | null> {
  const [row] = await db.$queryRaw<{ month: Date | null }[]>`
    SELECT min(month) AS month FROM report_monthly_rollups WHERE merchant_id = ${scope.merchantId}::uuid AND count > 0`;
  return row?.month ? row.month.toISOString().slice(0, 7) : null;
}
