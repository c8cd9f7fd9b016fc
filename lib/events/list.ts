import "server-only";
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from "@/lib/api/limits";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventType } from "./registry";
import { toRecordedEvent } from "./state";
import type { RecordedEvent } from "./types";

export interface ListedEvent extends RecordedEvent {
  /** Voided events stay in the history, marked, so a POS can show what was corrected. */
  voidedAt: string | null;
  recordedAt: string;
}

export interface EventCursor {
  occurredAt: Date;
  id: string;
}

const CURSOR_MIN_MS = Date.UTC(1999, 11, 1);
const CURSOR_FUTURE_MS = 7 * 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to callers; it is the last row's sort key, so pages stay stable while events arrive. */
export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.occurredAt.getTime()}.${cursor.id}`, "utf8").toString("base64url");
}

export function decodeEventCursor(value: string): EventCursor | null {
  const match = /^(-?\d{1,15})\.(.+)$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2] || !UUID.test(match[2])) return null;
  // Only instants this API can have written (event times are 2000 or later and at most a day
  // ahead): a crafted far-off date is valid in JavaScript but not as a PostgreSQL timestamp.
  const ms = Number(match[1]);
  if (ms < CURSOR_MIN_MS || ms > Date.now() + CURSOR_FUTURE_MS) return null;
  return { occurredAt: new Date(ms), id: match[2] };
}

const listedSelect = {
  id: true, type: true, customName: true, customerId: true, occurredAt: true, amount: true, points: true,
  data: true, source: true, idempotencyKey: true, voidedAt: true, createdAt: true, location: { select: { name: true } },
} satisfies Prisma.EventSelect;

/** A customer of this merchant named by id or pass serial (what a POS has after a scan), or null. */
export async function findCustomerId(scope: MerchantScope, idOrPassSerial: string): Promise<string | null> {
  const value = idOrPassSerial.trim();
  const row = await db.customer.findFirst({
    where: { merchantId: scope.merchantId, OR: UUID.test(value) ? [{ id: value }, { passSerial: value }] : [{ passSerial: value }] },
    select: { id: true },
  });
  return row?.id ?? null;
}

/**
 * Events newest first with keyset pagination on (occurred_at DESC, id DESC): with a customer this
 * walks events(merchant_id, customer_id, occurred_at DESC, id DESC); without one,
 * events(merchant_id, occurred_at) or, filtered by type, events(merchant_id, type, occurred_at).
 */
export async function listEvents(
  scope: MerchantScope,
  options: { customerId?: string; type?: EventType; limit?: number; cursor?: EventCursor | null },
): Promise<{ data: ListedEvent[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
  const cursor = options.cursor;
  const rows = await db.event.findMany({
    where: {
      merchantId: scope.merchantId,
      ...(options.customerId ? { customerId: options.customerId } : {}),
      ...(options.type ? { type: options.type } : {}),
      // `lte` bounds the index scan; the OR only breaks ties within one millisecond.
      ...(cursor
        ? { occurredAt: { lte: cursor.occurredAt }, OR: [{ occurredAt: { lt: cursor.occurredAt } }, { id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: listedSelect,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({
      ...toRecordedEvent({
        ...row,
        amount: row.amount?.toFixed(2) ?? null,
        data: row.data as Record<string, unknown>,
        locationName: row.location?.name ?? null,
      }),
      voidedAt: row.voidedAt?.toISOString() ?? null,
      recordedAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeEventCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
  };
}
