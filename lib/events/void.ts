import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseTiers, tierFor } from "@/lib/loyalty/rules";
import { localDate } from "@/lib/time";
import { storableString } from "@/lib/validation/storable";
import { VISIT_TYPES } from "./registry";
import { applyRollups } from "./rollups";
import { loadPassStates, passStateOf } from "./state";
import type { PassState } from "./types";

export const voidEventSchema = z.object({
  eventId: z.uuid("Unknown event"),
  reason: storableString("The reason").trim().min(3, "Say why (at least 3 characters)").max(500),
});

/**
 * Voids an event: the event stays (marked voided, with who and why) and everything it did to the
 * pass and the rollups is reversed. Staff may void what they recorded; managers and owners any.
 */
export async function voidEvent(context: MerchantContext, input: z.input<typeof voidEventSchema>): Promise<{ pass: PassState }> {
  const { eventId, reason } = voidEventSchema.parse(input);
  const { merchantId } = context;
  return db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ id: string; customer_id: string; type: string; amount: string | null; points: number; occurred_at: Date; location_id: string | null; voided_at: Date | null; recorded_by_id: string | null }[]>`
      SELECT id::text, customer_id::text, type::text, amount::text, points, occurred_at, location_id::text, voided_at, recorded_by_id::text
      FROM events WHERE merchant_id = ${merchantId}::uuid AND id = ${eventId}::uuid FOR UPDATE`;
    if (!event) throw notFound("That event");
    if (!hasRole(context.user.role, "manager") && event.recorded_by_id !== context.user.id) {
      throw new AppError("FORBIDDEN", "Staff can void only events they recorded. Ask a manager.");
    }
    if (event.voided_at) throw new AppError("CONFLICT", "This event is already voided.");

    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { tiers: true, timeZone: true } });
    const states = await loadPassStates(tx, merchantId, [event.customer_id], { lock: true });
    const state = states.get(event.customer_id);
    if (!state) throw notFound("That customer");
    const type = event.type as Parameters<typeof VISIT_TYPES.has>[0];

    state.points_balance -= event.points;
    if (VISIT_TYPES.has(type)) state.visit_count = Math.max(0, state.visit_count - 1);
    if (type === "purchase") state.lifetime_spend = new Decimal(state.lifetime_spend).minus(event.amount ?? 0).toFixed(2);
    state.tier = tierFor(state.lifetime_spend, parseTiers(merchant.tiers));

    await tx.event.update({ where: { id: event.id }, data: { voidedAt: new Date(), voidedById: context.user.id, voidReason: reason } });
    await tx.$executeRaw`
      UPDATE customer_passes SET points_balance = ${state.points_balance}, visit_count = ${state.visit_count},
        lifetime_spend = ${state.lifetime_spend}::numeric, tier = ${state.tier}, updated_at = now(),
        last_seen_at = (SELECT max(occurred_at) FROM events WHERE merchant_id = ${merchantId}::uuid AND customer_id = ${event.customer_id}::uuid AND voided_at IS NULL)
      WHERE merchant_id = ${merchantId}::uuid AND customer_id = ${event.customer_id}::uuid`;
    await tx.auditLog.create({
      // Not the reason: it often quotes the customer, and the log outlives their deletion (the event keeps it).
      data: { merchantId, actorUserId: context.user.id, actorLabel: context.user.name, action: "event.voided", targetType: "event", targetId: event.id, details: { type, customerId: event.customer_id } },
    });
    await applyRollups(tx, merchantId, [{
      customerId: event.customer_id, type, day: localDate(event.occurred_at, merchant.timeZone), locationId: event.location_id,
      occurredAt: event.occurred_at, sign: -1, amount: event.amount, points: event.points,
    }]);
    return { pass: passStateOf(state) };
  });
}
