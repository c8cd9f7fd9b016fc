import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { localDate, localMonthRange, windowStart } from "@/lib/time";
import { fillDayRange, lastLocalDays } from "./chart-data";

export interface MerchantOverview {
  customers: number;
  activeCustomers30d: number;
  eventsThisMonth: number;
  revenueThisMonth: string;
  purchasesThisMonth: number;
  /** The last 30 local days, today last, every day present (zero days included). */
  daily: { day: string; events: number }[];
}

/** The first screen's numbers, read from the daily rollups (not the event table). */
export async function merchantOverview(context: MerchantContext, now = new Date()): Promise<MerchantOverview> {
  const { merchantId, merchant } = context;
  const monthStart = localDate(localMonthRange(now, merchant.timeZone).start, merchant.timeZone);
  const today = localDate(now, merchant.timeZone);
  // Active = last activity (lib/events/activity) within the one rolling window (lib/time windowStart).
  const since30 = windowStart(now, 30, "days", merchant.timeZone);

  const [customers, active, month, daily] = await Promise.all([
    db.customer.count({ where: { merchantId } }),
    db.customerPass.count({ where: { merchantId, lastSeenAt: { gte: since30 } } }),
    db.$queryRaw<{ events: bigint; purchases: bigint; revenue: Prisma.Decimal }[]>`
      SELECT coalesce(sum(count), 0)::bigint AS events,
             coalesce(sum(count) FILTER (WHERE type = 'purchase'), 0)::bigint AS purchases,
             coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0) AS revenue
      FROM daily_rollups
      WHERE merchant_id = ${merchantId}::uuid AND day >= ${monthStart}::date AND day <= ${today}::date`,
    db.$queryRaw<{ day: Date; events: bigint }[]>`
      SELECT day, sum(count)::bigint AS events
      FROM daily_rollups
      WHERE merchant_id = ${merchantId}::uuid AND day > (${today}::date - 30) AND day <= ${today}::date
      GROUP BY day ORDER BY day`,
  ]);

  const row = month[0];
  return {
    customers,
    activeCustomers30d: active,
    eventsThisMonth: Number(row?.events ?? 0),
    purchasesThisMonth: Number(row?.purchases ?? 0),
    revenueThisMonth: new Prisma.Decimal(row?.revenue ?? 0).toFixed(2),
    daily: fillDayRange(lastLocalDays(today, 30), daily.map((d) => ({ day: d.day.toISOString().slice(0, 10), events: Number(d.events) }))),
  };
}
