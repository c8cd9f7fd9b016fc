import "server-only";
// THE lock order. Every writer that touches a customer (record, void, delete, tier recompute,
// imports and undo) takes its locks through this module, in this order, so no two of them can wait
// on each other in a cycle (40P01 deadlock):
//
//   1. Advisory locks: idempotency keys (record), then new-customer identifiers (creation), each
//      set sorted.
//   2. customers rows, in id order: FOR KEY SHARE by writers of events (an event's foreign key
//      needs the customer to stay; concurrent writers do not block each other), FOR UPDATE by
//      deletion. Taken first because inserting an event checks its foreign key against this row:
//      a writer that locked only the pass would then wait on a deletion holding the customer
//      while the deletion's cascade waits on that pass (the deadlock of issue #9).
//   3. customer_passes rows FOR UPDATE, in customer id order (2 and 3 in one statement).
//   4. events rows (void marks one), after the pass.
//   5. customer_rollups, then daily_rollups: upserts with keys sorted (lib/events/rollups.ts);
//      daily last, the hottest rows.
//
// A customer deleted while a writer waited in step 2 is simply not returned (the locking read
// skips the deleted row), so that writer answers "customer not found" instead of failing.
import type { Prisma } from "@/lib/generated/prisma/client";
import { PASS_STATE_COLUMNS, type CustomerStateRow } from "./state";

type Tx = Prisma.TransactionClient;

/** Steps 2 and 3 for customers whose events a writer records or voids; returns their passes. */
export async function lockPasses(tx: Tx, merchantId: string, customerIds: string[]): Promise<Map<string, CustomerStateRow>> {
  if (customerIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<CustomerStateRow[]>`
    SELECT c.id::text AS id, ${PASS_STATE_COLUMNS}
    FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE c.merchant_id = ${merchantId}::uuid AND c.id = ANY(${customerIds}::uuid[])
    ORDER BY c.id FOR KEY SHARE OF c FOR UPDATE OF p`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** Step 2 for deletion: the customer row FOR UPDATE (its pass goes by cascade, step 3). */
export async function lockCustomerForDeletion<T>(tx: Tx, merchantId: string, customerId: string, select: Prisma.Sql): Promise<T | undefined> {
  const [row] = await tx.$queryRaw<T[]>`SELECT ${select} FROM customers WHERE merchant_id = ${merchantId}::uuid AND id = ${customerId}::uuid FOR UPDATE`;
  return row;
}

/**
 * Step 3 for the passes of a merchant that match `where` (the tier recompute: those whose tier
 * changes), in customer id order like every other writer, before the one UPDATE that changes them:
 * an UPDATE alone locks in scan order.
 */
export async function lockPassesWhere(tx: Tx, merchantId: string, where: Prisma.Sql): Promise<void> {
  await tx.$queryRaw`SELECT count(*)::int AS n FROM (SELECT 1 FROM customer_passes c WHERE c.merchant_id = ${merchantId}::uuid AND ${where} ORDER BY c.customer_id FOR UPDATE) AS locked`;
}
