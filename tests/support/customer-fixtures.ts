// Customers and their events for tests. Events go through the write path itself (recordEvents,
// voidEvent), so read-side tests assert states the write path really produces.
import { randomUUID } from "node:crypto";
import type { MerchantContext, MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import type { EventSourceRef } from "@/lib/events/types";
import { voidEvent } from "@/lib/events/void";
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
  /** The points the write path should give; checked, never written (recordEvents computes them). */
  points?: number;
  data?: Record<string, unknown>;
  voided?: boolean;
  /** Who recorded it: "manual" (the default) is the context's user. */
  source?: EventSource;
  customName?: string;
}

/**
 * Records the events through the write path (recordEvents, then voidEvent for `voided`), so the
 * pass, the rollups and every derived field are exactly what the app leaves behind.
 */
export async function addEvents(context: MerchantContext, customerId: string, events: FixtureEvent[]) {
  const sourceOf = (kind: EventSource): EventSourceRef =>
    kind === "manual" ? { kind, userId: context.user.id, userName: context.user.name }
      : kind === "api" ? { kind, apiKeyId: "00000000-0000-7000-8000-000000000000", apiKeyName: "Fixture" }
        : kind === "import" ? { kind, importId: "00000000-0000-7000-8000-0000000000aa", label: "Fixture" }
          : { kind, automationRunId: "00000000-0000-7000-8000-0000000000bb", label: "Fixture" };
  const ids: string[] = [];
  // One call per run of events with the same source, in the given order.
  for (let start = 0; start < events.length;) {
    const kind = events[start]?.source ?? "manual";
    let end = start;
    while (end < events.length && (events[end]?.source ?? "manual") === kind) end++;
    const chunk = events.slice(start, end);
    const results = await recordEvents(context, chunk.map((e) => ({
      type: e.type, customer: { id: customerId }, occurredAt: e.at, amount: e.amount, data: e.data, customName: e.customName,
    })), sourceOf(kind));
    results.forEach((result, i) => {
      const wanted = chunk[i] as FixtureEvent;
      if (result.status !== "created") throw new Error(`Fixture event ${start + i} (${wanted.type}) was not recorded: ${JSON.stringify(result)}`);
      if (wanted.points !== undefined && result.event.points !== wanted.points) throw new Error(`Fixture event ${start + i} earns ${result.event.points} points, not ${wanted.points}`);
      ids.push(result.event.id);
    });
    start = end;
  }
  for (const [i, e] of events.entries()) {
    if (e.voided) await voidEvent(context, { eventId: ids[i] as string, reason: "Entered twice" });
  }
  return ids;
}

export function scopeOf(context: MerchantScope): MerchantScope {
  return { merchantId: context.merchantId, merchant: context.merchant };
}
