// Customers and events written straight to the database for tests (the app itself writes events
// only through recordEvents). After inserting, the pass state and both rollups are recomputed from
// the events so the fixture looks exactly like what the write path leaves behind.
import { randomUUID } from "node:crypto";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { EventSource, EventType, PassStatus } from "@/lib/generated/prisma/enums";

export async function createCustomer(
  scope: MerchantScope,
  overrides: { name?: string | null; email?: string | null; phone?: string | null; externalId?: string | null; passSerial?: string; passStatus?: PassStatus; tier?: string | null } = {},
) {
  return db.customer.create({
    data: {
      merchantId: scope.merchantId,
      name: overrides.name === undefined ? `Customer ${randomUUID().slice(0, 6)}` : overrides.name,
      email: overrides.email ?? null,
      phone: overrides.phone ?? null,
      externalId: overrides.externalId ?? null,
      passSerial: overrides.passSerial ?? `PC-${randomUUID().slice(0, 10).toUpperCase()}`,
      pass: { create: { passStatus: overrides.passStatus ?? "installed", tier: overrides.tier ?? null } },
    },
  });
}

export interface FixtureEvent {
  type: EventType;
  at: string;
  amount?: string;
  points?: number;
  data?: Record<string, unknown>;
  voided?: boolean;
  source?: EventSource;
  recordedById?: string;
  customName?: string;
}

export async function addEvents(scope: MerchantScope, customerId: string, events: FixtureEvent[]) {
  await db.event.createMany({
    data: events.map((e) => ({
      merchantId: scope.merchantId,
      customerId,
      type: e.type,
      customName: e.customName ?? null,
      occurredAt: new Date(e.at),
      amount: e.amount ?? null,
      points: e.points ?? 0,
      data: (e.data ?? {}) as object,
      source: e.source ?? "manual",
      recordedById: e.recordedById ?? null,
      voidedAt: e.voided ? new Date() : null,
      voidReason: e.voided ? "Entered twice" : null,
    })),
  });
  await recomputeFromEvents(scope, customerId);
}

/** Pass state, customer rollups and daily rollups as the write path would have left them. */
export async function recomputeFromEvents(scope: MerchantScope, customerId: string) {
  const m = scope.merchantId;
  const tz = scope.merchant.timeZone;
  await db.$executeRaw`
    UPDATE customer_passes c SET
      points_balance = coalesce(s.points, 0), visit_count = coalesce(s.visits, 0), lifetime_spend = coalesce(s.spend, 0),
      first_seen_at = s.first_at, last_seen_at = s.last_at
    FROM (SELECT sum(points)::int AS points, (count(*) FILTER (WHERE type IN ('visit', 'check_in')))::int AS visits,
                 sum(amount) FILTER (WHERE type = 'purchase') AS spend, min(occurred_at) AS first_at, max(occurred_at) AS last_at
          FROM events WHERE merchant_id = ${m}::uuid AND customer_id = ${customerId}::uuid AND voided_at IS NULL) s
    WHERE c.merchant_id = ${m}::uuid AND c.customer_id = ${customerId}::uuid`;
  await db.$executeRaw`DELETE FROM customer_rollups WHERE merchant_id = ${m}::uuid AND customer_id = ${customerId}::uuid`;
  await db.$executeRaw`
    INSERT INTO customer_rollups (merchant_id, customer_id, type, count, amount, points, first_at, last_at)
    SELECT merchant_id, customer_id, type, count(*), coalesce(sum(amount), 0), sum(points), min(occurred_at), max(occurred_at)
    FROM events WHERE merchant_id = ${m}::uuid AND customer_id = ${customerId}::uuid AND voided_at IS NULL
    GROUP BY merchant_id, customer_id, type`;
  // Daily rollups are per merchant: rebuilt from all of its events.
  await db.$executeRaw`DELETE FROM daily_rollups WHERE merchant_id = ${m}::uuid`;
  await db.$executeRaw`
    INSERT INTO daily_rollups (merchant_id, day, type, location_key, count, amount, points)
    SELECT merchant_id, (occurred_at AT TIME ZONE ${tz})::date, type, coalesce(location_id::text, ''), count(*), coalesce(sum(amount), 0), sum(points)
    FROM events WHERE merchant_id = ${m}::uuid AND voided_at IS NULL
    GROUP BY 1, 2, 3, 4`;
}

export function scopeOf(context: MerchantScope): MerchantScope {
  return { merchantId: context.merchantId, merchant: context.merchant };
}
