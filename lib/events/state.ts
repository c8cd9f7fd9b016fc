import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventType } from "./registry";
import type { RecordedEvent } from "./types";

type Tx = Prisma.TransactionClient;

export interface CustomerStateRow {
  id: string;
  points_balance: number;
  points_earned: number;
  visit_count: number;
  lifetime_spend: string;
  tier: string | null;
  pass_status: string;
  pass_status_at: Date | null;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
}

/** The columns of a CustomerStateRow from customer_passes aliased `p` (every reader of pass state selects these). */
export const PASS_STATE_COLUMNS = Prisma.sql`p.points_balance, p.points_earned::float8 AS points_earned, p.visit_count, p.lifetime_spend::text, p.tier,
  p.pass_status::text, p.pass_status_at, p.first_seen_at, p.last_seen_at`;

/** Reads (and with `lock`, locks FOR UPDATE in id order) the pass state of these customers. */
export async function loadPassStates(tx: Tx, merchantId: string, ids: string[], { lock }: { lock: boolean }): Promise<Map<string, CustomerStateRow>> {
  if (ids.length === 0) return new Map();
  const sorted = [...ids].sort();
  const rows = lock
    ? await tx.$queryRaw<CustomerStateRow[]>`
        SELECT p.customer_id::text AS id, ${PASS_STATE_COLUMNS}
        FROM customer_passes p WHERE p.merchant_id = ${merchantId}::uuid AND p.customer_id = ANY(${sorted}::uuid[]) ORDER BY p.customer_id FOR UPDATE`
    : await tx.$queryRaw<CustomerStateRow[]>`
        SELECT p.customer_id::text AS id, ${PASS_STATE_COLUMNS}
        FROM customer_passes p WHERE p.merchant_id = ${merchantId}::uuid AND p.customer_id = ANY(${sorted}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

export function toRecordedEvent(row: {
  id: string;
  type: EventType;
  customName?: string | null;
  customerId: string;
  occurredAt: Date | string;
  amount?: string | Prisma.Decimal | null;
  points?: number;
  data: Record<string, unknown>;
  source: RecordedEvent["source"];
  idempotencyKey?: string | null;
  locationName: string | null;
}): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    customName: row.customName ?? null,
    customerId: row.customerId,
    occurredAt: new Date(row.occurredAt).toISOString(),
    amount: row.amount == null ? null : normaliseMoney(row.amount.toString()),
    points: row.points ?? 0,
    location: row.locationName,
    data: row.data,
    source: row.source,
    idempotencyKey: row.idempotencyKey ?? null,
  };
}

export function normaliseMoney(value: string): string {
  const [whole, fraction = ""] = value.split(".");
  return `${whole}.${(fraction + "00").slice(0, 2)}`;
}
