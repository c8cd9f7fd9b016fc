import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { passViewOf, unfoldEvents, type InsertedEvent } from "./fold";
import { lockPasses } from "./locks";
import type { PassState } from "./types";

export const voidEventSchema = z.object({
  eventId: z.uuid("Unknown event"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500),
});

/**
 * Voids an event: the event stays (marked voided, with who and why) and everything it did to the
 * pass and the rollups is reversed. Staff may void what they recorded; managers and owners any.
 */
export async function voidEvent(context: MerchantContext, input: z.input<typeof voidEventSchema>): Promise<{ pass: PassState }> {
  const { eventId, reason } = voidEventSchema.parse(input);
  const { merchantId } = context;
  return db.$transaction(async (tx) => {
    // Locks in the documented order (./locks): customer and pass first, then the event.
    const [found] = await tx.$queryRaw<{ customer_id: string; recorded_by_id: string | null }[]>`
      SELECT customer_id::text, recorded_by_id::text FROM events WHERE merchant_id = ${merchantId}::uuid AND id = ${eventId}::uuid`;
    if (!found) throw notFound("That event");
    if (!hasRole(context.user.role, "manager") && found.recorded_by_id !== context.user.id) {
      throw new AppError("FORBIDDEN", "Staff can void only events they recorded. Ask a manager.");
    }
    if ((await lockPasses(tx, merchantId, [found.customer_id])).size === 0) throw notFound("That customer");
    const [event] = await tx.$queryRaw<(InsertedEvent & { id: string; voided_at: Date | null })[]>`
      SELECT id::text, customer_id::text, type::text AS type, source::text AS source, amount::text, points, occurred_at, location_id::text, voided_at
      FROM events WHERE merchant_id = ${merchantId}::uuid AND id = ${eventId}::uuid FOR UPDATE`;
    if (!event) throw notFound("That event");
    if (event.voided_at) throw new AppError("CONFLICT", "This event is already voided.");

    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { id: true, tiers: true, timeZone: true } });
    await tx.event.update({ where: { id: event.id }, data: { voidedAt: new Date(), voidedById: context.user.id, voidReason: reason } });
    const passes = await unfoldEvents(tx, merchant, [event]);
    await tx.auditLog.create({
      data: { merchantId, actorUserId: context.user.id, actorLabel: context.user.name, action: "event.voided", targetType: "event", targetId: event.id, details: { reason, type: event.type, customerId: event.customer_id } },
    });
    const pass = passes.get(event.customer_id);
    if (!pass) throw notFound("That customer");
    return { pass: passViewOf(pass) };
  });
}
