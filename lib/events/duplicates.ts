import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { EventType } from "./registry";

/** How long a repeat of the same customer + type + amount counts as a likely double tap. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

export interface RecentDuplicate {
  id: string;
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * The latest live event for this customer with the same type and amount, entered within the
 * window. Measured on created_at (when it was entered), not occurred_at: a back-dated repeat
 * typed a moment ago is still a double entry.
 */
export async function findRecentDuplicate(
  context: MerchantContext,
  input: { customerId: string; type: EventType; amount?: string | null; customName?: string | null },
  now = new Date(),
): Promise<RecentDuplicate | null> {
  const event = await db.event.findFirst({
    where: {
      merchantId: context.merchantId,
      customerId: input.customerId,
      type: input.type,
      amount: input.amount ?? null,
      ...(input.type === "custom" && input.customName ? { customName: input.customName } : {}),
      voidedAt: null,
      createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, recordedById: true },
  });
  if (!event) return null;
  const recorder = event.recordedById
    ? await db.user.findFirst({ where: { merchantId: context.merchantId, id: event.recordedById }, select: { name: true } })
    : null;
  return { id: event.id, recordedAt: event.createdAt.toISOString(), recordedBy: recorder?.name ?? null };
}
