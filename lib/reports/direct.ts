import "server-only";
// The same figures computed straight from the events table: the reference the integration tests
// and `npm run bench -- reports` hold the rollups to. Never used by a page (it scans the month).
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { activitySql } from "@/lib/events/activity";
import { Prisma } from "@/lib/generated/prisma/client";
import { figuresFrom, type MonthlyFigures } from "./figures";
import { monthInstants } from "./month";

// "Activity" is lib/events/activity.ts; the triggers write the same rule in SQL, and
// tests/integration/reports-activity.test.ts holds them to it type by type.
const ACTIVITY = activitySql("e");

export async function monthlyFiguresDirect(scope: MerchantScope, month: string, locationId: string | null): Promise<MonthlyFigures> {
  const { merchantId } = scope;
  const tz = scope.merchant.timeZone;
  const { start, end } = monthInstants(month, tz);
  const loc = locationId ? Prisma.sql`AND e.location_id = ${locationId}::uuid` : Prisma.empty;
  const [rows, customers] = await Promise.all([
    db.$queryRaw<{ type: string; custom_name: string; count: bigint; amount: Prisma.Decimal | null; issued: bigint; redeemed: bigint }[]>`
      SELECT e.type::text, CASE WHEN e.type = 'custom' THEN coalesce(e.custom_name, '') ELSE '' END AS custom_name,
             count(*)::bigint AS count, sum(e.amount) AS amount,
             coalesce(sum(greatest(e.points, 0)), 0)::bigint AS issued, coalesce(sum(-least(e.points, 0)), 0)::bigint AS redeemed
      FROM events e
      WHERE e.merchant_id = ${merchantId}::uuid AND e.voided_at IS NULL AND e.occurred_at >= ${start} AND e.occurred_at < ${end} ${loc}
      GROUP BY 1, 2`,
    db.$queryRaw<{ active: bigint; new: bigint }[]>`
      WITH active AS (
        SELECT DISTINCT e.customer_id FROM events e
        WHERE e.merchant_id = ${merchantId}::uuid AND e.voided_at IS NULL AND ${ACTIVITY}
          AND e.occurred_at >= ${start} AND e.occurred_at < ${end} ${loc}
      )
      SELECT count(*)::bigint AS active,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM events e WHERE e.merchant_id = ${merchantId}::uuid AND e.customer_id = a.customer_id
                 AND e.voided_at IS NULL AND ${ACTIVITY} AND e.occurred_at < ${start} ${loc}))::bigint AS new
      FROM active a`,
  ]);
  return figuresFrom(
    rows.map((r) => ({ type: r.type, customName: r.custom_name, count: Number(r.count), amount: (r.amount ?? new Prisma.Decimal(0)).toFixed(2), pointsIssued: Number(r.issued), pointsRedeemed: Number(r.redeemed) })),
    { active: Number(customers[0]?.active ?? 0), new: Number(customers[0]?.new ?? 0) },
  );
}
