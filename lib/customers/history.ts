import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { localDateStart, visitDurationMinutes } from "./display";
import { decodeHistoryCursor, encodeHistoryCursor, type HistoryEventType, type HistoryParams } from "./history-params";
import { SOURCE_LABELS, type EventSourceKind } from "@/lib/events/registry";

export interface HistoryEvent {
  id: string;
  type: HistoryEventType;
  customName: string | null;
  occurredAt: Date;
  /** Exact decimal string or null. */
  amount: string | null;
  points: number;
  data: unknown;
  location: string | null;
  /** Who or what recorded it, in the merchant's words: a staff name, an API key's name, "Import"… */
  sourceLabel: string;
  /** The staff member who recorded it (staff may void only their own events). */
  recordedById: string | null;
  voided: { at: Date; reason: string | null; by: string | null } | null;
  /** Check-outs only: how long the visit lasted. */
  durationMinutes: number | null;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** Cursor for the next (older) page, or null at the end. */
  olderCursor: string | null;
}

interface RawEvent {
  id: string;
  type: HistoryEventType;
  custom_name: string | null;
  occurred_at: Date;
  amount: string | null;
  points: number;
  data: unknown;
  source: EventSourceKind;
  voided_at: Date | null;
  void_reason: string | null;
  location: string | null;
  recorded_by: string | null;
  api_key: string | null;
  voided_by: string | null;
  recorded_by_id: string | null;
  check_in_at: Date | null;
}

function sourceLabel(r: RawEvent): string {
  switch (r.source) {
    case "manual": return r.recorded_by ?? SOURCE_LABELS.manual;
    case "api": return r.api_key ? `${SOURCE_LABELS.api} · ${r.api_key}` : SOURCE_LABELS.api;
    default: return SOURCE_LABELS[r.source];
  }
}

/**
 * A customer's events, newest first, one keyset page at a time on (occurred_at, id) — the index
 * events(merchant_id, customer_id, occurred_at DESC, id DESC) answers any depth in about a
 * millisecond, where OFFSET would read every skipped row.
 */
export async function customerHistory(scope: MerchantScope, customerId: string, params: HistoryParams, pageSize = 25): Promise<HistoryPage> {
  const timeZone = scope.merchant.timeZone;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`e.merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`e.customer_id = ${customerId}::uuid`,
  ];
  if (params.type) conditions.push(Prisma.sql`e.type = ${params.type}::"EventType"`);
  const from = params.from ? localDateStart(params.from, timeZone) : null;
  if (from) conditions.push(Prisma.sql`e.occurred_at >= ${from}`);
  const toExclusive = params.to ? localDateStart(params.to, timeZone, 1) : null;
  if (toExclusive) conditions.push(Prisma.sql`e.occurred_at < ${toExclusive}`);
  const cursor = params.before ? decodeHistoryCursor(params.before) : null;
  if (cursor) conditions.push(Prisma.sql`(e.occurred_at, e.id) < (${cursor.occurredAt}, ${cursor.id}::uuid)`);

  // A check-out pairs with the customer's previous check-in/out event when that one is a
  // check-in: a check-out after another check-out has no open visit to close.
  const rows = await db.$queryRaw<RawEvent[]>`
    SELECT e.id::text, e.type::text AS type, e.custom_name, e.occurred_at, e.amount::text AS amount, e.points, e.data,
           e.source::text AS source, e.voided_at, e.void_reason, e.recorded_by_id::text,
           l.name AS location, u.name AS recorded_by, k.name AS api_key, vu.name AS voided_by,
           CASE WHEN e.type = 'check_out' THEN (
             SELECT CASE WHEN p.type = 'check_in' THEN p.occurred_at END FROM events p
             WHERE p.merchant_id = e.merchant_id AND p.customer_id = e.customer_id
               AND p.type IN ('check_in', 'check_out') AND p.voided_at IS NULL
               AND (p.occurred_at, p.id) < (e.occurred_at, e.id)
             ORDER BY p.occurred_at DESC, p.id DESC LIMIT 1)
           END AS check_in_at
    FROM events e
    LEFT JOIN locations l ON l.merchant_id = e.merchant_id AND l.id = e.location_id
    LEFT JOIN users u ON u.merchant_id = e.merchant_id AND u.id = e.recorded_by_id
    LEFT JOIN api_keys k ON k.merchant_id = e.merchant_id AND k.id = e.api_key_id
    LEFT JOIN users vu ON vu.merchant_id = e.merchant_id AND vu.id = e.voided_by_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY e.occurred_at DESC, e.id DESC
    LIMIT ${pageSize + 1}`;

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id,
      type: r.type,
      customName: r.custom_name,
      occurredAt: r.occurred_at,
      amount: r.amount,
      points: r.points,
      data: r.data,
      location: r.location,
      sourceLabel: sourceLabel(r),
      recordedById: r.recorded_by_id,
      voided: r.voided_at ? { at: r.voided_at, reason: r.void_reason, by: r.voided_by } : null,
      durationMinutes: r.type === "check_out" ? visitDurationMinutes(r.data, r.occurred_at, r.check_in_at) : null,
    })),
    olderCursor: rows.length > pageSize && last ? encodeHistoryCursor(last.occurred_at, last.id) : null,
  };
}
