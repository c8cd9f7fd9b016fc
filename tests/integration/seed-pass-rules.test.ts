// The demo data is written by COPY, not by recordEvents; its passes and rollups must still be
// exactly what the pass rules and the rollup SQL make of its events.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { passEventOf } from "@/lib/events/fold";
import { foldEvents, passRules, type EventSourceKind } from "@/lib/events/pass-rules";
import type { EventType } from "@/lib/events/registry";
import { parseTiers } from "@/lib/loyalty/rules";
import { formatCents } from "@/lib/money";
import { DEMO_PROFILES } from "@/lib/seed/generate";
import { seedDemoData } from "@/lib/seed/load";

describe("the demo seed", () => {
  it("leaves every pass equal to the pass rules' fold of its live events", async () => {
    await seedDemoData(process.env.DATABASE_URL as string, { customers: 150, events: 3_000, asOf: new Date("2025-06-01T12:00:00Z") });
    const merchantId = DEMO_PROFILES.brewBean.id;
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { tiers: true } });
    const rules = passRules(parseTiers(merchant.tiers));
    const events = await db.$queryRaw<{ customer_id: string; type: EventType; source: EventSourceKind; occurred_at: Date; amount: string | null; points: number }[]>`
      SELECT customer_id::text, type::text AS type, source::text AS source, occurred_at, amount::text, points FROM events
      WHERE merchant_id = ${merchantId}::uuid AND voided_at IS NULL ORDER BY occurred_at, id`;
    const passes = await db.customerPass.findMany({ where: { merchantId } });
    expect(passes.length).toBe(150);
    for (const pass of passes) {
      const fold = foldEvents(events.filter((e) => e.customer_id === pass.customerId).map((e) => passEventOf({ ...e, occurredAt: e.occurred_at })), rules);
      expect({ points: pass.pointsBalance, earned: Number(pass.pointsEarned), visits: pass.visitCount, spend: pass.lifetimeSpend.toFixed(2), tier: pass.tier, status: pass.passStatus, statusAt: pass.passStatusAt?.getTime() ?? null, first: pass.firstSeenAt?.getTime() ?? null, last: pass.lastSeenAt?.getTime() ?? null })
        .toEqual({ points: fold.points, earned: fold.pointsEarned, visits: fold.visits, spend: formatCents(fold.spendCents), tier: fold.tier, status: fold.status, statusAt: fold.statusAt, first: fold.firstActivityAt, last: fold.lastActivityAt });
    }
    const [rollups] = await db.$queryRaw<{ n: number; count: number }[]>`
      SELECT (SELECT count(*)::int FROM customer_rollups WHERE merchant_id = ${merchantId}::uuid) AS n,
             (SELECT coalesce(sum(count), 0)::int FROM daily_rollups WHERE merchant_id = ${merchantId}::uuid) AS count`;
    expect(rollups?.count).toBe(events.length);
    expect(rollups?.n).toBeGreaterThan(0);
  }, 180_000);
});
