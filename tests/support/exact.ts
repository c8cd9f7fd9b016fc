// Passes and rollups against a recomputation from the events: what every writer (record, void,
// the imports bulk mode, undo), alone or racing another, must leave behind.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { passEventOf } from "@/lib/events/fold";
import { foldEvents, passRules, type EventSourceKind } from "@/lib/events/pass-rules";
import type { EventType } from "@/lib/events/registry";
import { parseTiers } from "@/lib/loyalty/rules";
import { formatCents } from "@/lib/money";

/**
 * Every pass, and both rollups, against a recomputation from the live events; and no balance below
 * zero (`balancesMayBeNegative` after an undo: a later redemption may have spent what it removed).
 */
export async function expectPassesAndRollupsExact(merchantId: string, { balancesMayBeNegative = false } = {}) {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { tiers: true, timeZone: true } });
  const rules = passRules(parseTiers(merchant.tiers));
  const events = await db.$queryRaw<{ customer_id: string; type: EventType; source: EventSourceKind; occurred_at: Date; amount: string | null; points: number }[]>`
    SELECT customer_id::text, type::text AS type, source::text AS source, occurred_at, amount::text, points FROM events
    WHERE merchant_id = ${merchantId}::uuid AND voided_at IS NULL ORDER BY occurred_at, id`;
  const passes = await db.customerPass.findMany({ where: { merchantId } });
  for (const pass of passes) {
    const fold = foldEvents(events.filter((e) => e.customer_id === pass.customerId).map((e) => passEventOf({ ...e, occurredAt: e.occurred_at })), rules);
    expect({ customer: pass.customerId, points: pass.pointsBalance, earned: Number(pass.pointsEarned), visits: pass.visitCount, spend: pass.lifetimeSpend.toFixed(2), tier: pass.tier, last: pass.lastSeenAt?.getTime() ?? null })
      .toEqual({ customer: pass.customerId, points: fold.points, earned: fold.pointsEarned, visits: fold.visits, spend: formatCents(fold.spendCents), tier: fold.tier, last: fold.lastActivityAt });
    if (!balancesMayBeNegative) expect(pass.pointsBalance).toBeGreaterThanOrEqual(0);
  }
  const customerRollups = await db.$queryRaw<unknown[]>`
    SELECT customer_id::text, type::text, count, amount::text, points::bigint::text, first_at, last_at FROM customer_rollups
    WHERE merchant_id = ${merchantId}::uuid AND count <> 0 ORDER BY 1, 2`;
  const customerDirect = await db.$queryRaw<unknown[]>`
    SELECT customer_id::text, type::text, count(*)::int AS count, coalesce(sum(amount), 0)::numeric(14, 2)::text AS amount,
           coalesce(sum(points), 0)::bigint::text AS points, min(occurred_at) AS first_at, max(occurred_at) AS last_at
    FROM events WHERE merchant_id = ${merchantId}::uuid AND voided_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`;
  expect(customerRollups).toEqual(customerDirect);
  const daily = await db.$queryRaw<unknown[]>`
    SELECT day, type::text, location_key, count, amount::text, points::bigint::text FROM daily_rollups
    WHERE merchant_id = ${merchantId}::uuid AND count <> 0 ORDER BY 1, 2, 3`;
  const dailyDirect = await db.$queryRaw<unknown[]>`
    SELECT (occurred_at AT TIME ZONE ${merchant.timeZone})::date AS day, type::text, coalesce(location_id::text, '') AS location_key, count(*)::int AS count,
           coalesce(sum(amount), 0)::numeric(14, 2)::text AS amount, coalesce(sum(points), 0)::bigint::text AS points
    FROM events WHERE merchant_id = ${merchantId}::uuid AND voided_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  expect(daily).toEqual(dailyDirect);
  return passes.length;
}
