import "server-only";
// The write path's bulk mode, for imports: chunks of thousands of events through the SAME rules as
// recordEvents (./record: registry and zod validation, deleted customers suppressed, customers
// created set-based, points from spend, redemption balance, check-out durations, pass limits,
// outbox), in the caller's transaction. What differs is only how it writes (WriteMode in ./record):
// - idempotency keys are not locked one by one (a chunk's 10,000 keys would overflow PostgreSQL's
//   lock table); existing keys are read, and the insert skips a key a concurrent writer took
//   meanwhile (INSERT … SELECT … ON CONFLICT (merchant_id, idempotency_key) DO NOTHING RETURNING);
//   when it did, the call is undone to a savepoint and redone, now reading that key as taken, so
//   nothing decided from the running passes (a redemption's balance, a created customer) counts
//   an event that was not inserted (recordBulk in ./record);
// - the insert's own statement, when every row went in, saves the passes as the rules computed
//   them and folds both rollups from the inserted rows (insertEventsAndFoldSql, ./insert); the
//   report rollups follow from the statement triggers on events, as for every other insert;
// - new customers are created without per-identifier advisory locks (the unique keys decide a
//   race; the loser resolves to the winner's customer, ./resolve-customers);
// - replays are not read back: the results say only what happened to each input.
import type { MerchantScope } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordInMode, validateInputs, type ValidatedInputs } from "./record";
import type { EventError, EventSourceRef } from "./types";

/** Events per bulk call at most: one chunk's transaction (its JSON parameter stays a few MB). */
export const MAX_BULK_BATCH = 50_000;

/**
 * `newCustomer`: this call created the event's customer (and kept it: a customer created for rows
 * that were all refused or found already recorded is removed again). The import lists those
 * customers for its undo and counts them as "customers created".
 */
export type BulkResult = { status: "created"; customerId: string; newCustomer: boolean } | { status: "duplicate" } | { status: "error"; error: EventError };

/** A chunk validated ahead (prepareBulk), to record with recordEventsBulk. */
export type PreparedBulk = ValidatedInputs;

/** Inputs validated between two yields to the event loop (about 10 ms of work). */
const VALIDATION_SLICE = 1_000;

/**
 * recordEvents' validation of a chunk (registry, zod, request hash), on its own: an import runs it
 * for its next chunk while the database records the current one, then passes the result to
 * recordEventsBulk. It lets the event loop run between slices of inputs, so that the requests the
 * app serves in the same process (the job runs in `npm start`) are not held for the whole chunk.
 */
export async function prepareBulk(inputs: unknown[]): Promise<PreparedBulk> {
  if (inputs.length > MAX_BULK_BATCH) throw new RangeError(`At most ${MAX_BULK_BATCH} events per bulk call`);
  const prepared: PreparedBulk = { validated: true, results: new Array(inputs.length), pending: [] };
  for (let start = 0; start < inputs.length; start += VALIDATION_SLICE) {
    const slice = validateInputs(inputs.slice(start, start + VALIDATION_SLICE));
    slice.results.forEach((result, i) => (prepared.results[start + i] = result));
    for (const p of slice.pending) {
      p.index += start;
      prepared.pending.push(p);
    }
    if (start + VALIDATION_SLICE < inputs.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return prepared;
}

/** Records `inputs` (raw, or from prepareBulk) in the bulk mode inside `tx` (the caller commits them with its own progress rows). */
export async function recordEventsBulk(scope: MerchantScope, inputs: unknown[] | PreparedBulk, source: EventSourceRef, tx: Prisma.TransactionClient): Promise<BulkResult[]> {
  if (Array.isArray(inputs) && inputs.length > MAX_BULK_BATCH) throw new RangeError(`At most ${MAX_BULK_BATCH} events per bulk call`);
  const created = new Set<string>();
  const results = await recordInMode(scope, inputs, source, { tx }, "bulk", created);
  return results.map((r): BulkResult => (r.status === "created" ? { status: "created", customerId: r.event.customerId, newCustomer: created.has(r.event.customerId) } : r.status === "duplicate" ? { status: "duplicate" } : r));
}
