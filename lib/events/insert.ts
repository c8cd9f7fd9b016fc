import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventSourceKind, EventType } from "./registry";

/** One event row as recordEvents writes it. */
export interface EventRow {
  id: string;
  merchantId: string;
  customerId: string;
  type: EventType;
  customName: string | null;
  occurredAt: Date;
  /** Exact decimal string, or null. */
  amount: string | null;
  points: number;
  locationId: string | null;
  data: Record<string, unknown>;
  source: EventSourceKind;
  idempotencyKey: string | null;
  requestHash: string | null;
  recordedById: string | null;
  apiKeyId: string | null;
  importId: string | null;
  automationRunId: string | null;
}

/**
 * The INSERT of recorded events and their outbox row, one statement (so the outbox can never
 * miss an event that committed, nor name one that did not). The rows travel as one JSON parameter
 * read by json_to_recordset: a 1,000-event batch is one string built by JSON.stringify, instead of
 * 17 arrays of 1,000 values that Prisma and pg serialise value by value (about 10 ms of CPU).
 */
export function insertEventsSql(rows: EventRow[], outboxId: string): Prisma.Sql {
  const first = rows[0];
  if (!first) throw new RangeError("insertEventsSql needs at least one row");
  return Prisma.sql`
    WITH inserted AS (${insertSql(rows, Prisma.empty, Prisma.sql`id`)})
    ${outboxInsertSql(first.merchantId, outboxId, first.source, Prisma.sql`SELECT id FROM inserted`)}`;
}

/**
 * The bulk mode's insert (lib/events/bulk.ts) and, in the same statement, `folds(inserted)`: the
 * same rows and outbox row as insertEventsSql, but an idempotency key already taken (by a
 * concurrent writer that committed, or one this statement waited for) is skipped by the unique
 * index instead of being locked beforehand (a chunk of 10,000 keys cannot hold 10,000 advisory
 * locks). `folds` receives the relation of inserted events (the columns rollupStatements reads)
 * and returns the writes that fold the chunk (the passes the write path computed, both rollups).
 * The statement returns how many rows it inserted (not the rows: nobody reads them, and 10,000
 * rows back cost the client more than the count); fewer than sent means a key was taken
 * meanwhile, and the caller undoes the whole statement to its savepoint and redoes the attempt
 * (recordBulk).
 */
export function insertEventsAndFoldSql(rows: EventRow[], outboxId: string, folds: (inserted: Prisma.Sql) => Prisma.Sql[]): Prisma.Sql {
  const first = rows[0];
  if (!first) throw new RangeError("insertEventsAndFoldSql needs at least one row");
  const returning = Prisma.sql`id, customer_id, type, occurred_at, location_id, amount, points`;
  const relation = Prisma.sql`SELECT customer_id, type, occurred_at, location_id, amount, points FROM inserted`;
  const writes = folds(relation).map((sql, i) => Prisma.sql`, ${Prisma.raw(`fold${i}`)} AS (${sql})`);
  return Prisma.sql`
    WITH inserted AS (${insertSql(rows, Prisma.sql`ON CONFLICT (merchant_id, idempotency_key) DO NOTHING`, returning)}),
    outbox AS (${outboxInsertSql(first.merchantId, outboxId, first.source, Prisma.sql`SELECT id FROM inserted`)})
    ${Prisma.join(writes, "")}
    SELECT count(*)::int AS inserted FROM inserted`;
}

function insertSql(rows: EventRow[], onConflict: Prisma.Sql, returning: Prisma.Sql): Prisma.Sql {
  // What every row of one write shares (its merchant and its source) travels once, as parameters;
  // null columns are left out of the JSON (json_to_recordset reads a missing key as null): a
  // smaller parameter for the client to build and the server to parse.
  const first = rows[0]!;
  for (const r of rows) {
    if (r.merchantId !== first.merchantId || r.source !== first.source || r.recordedById !== first.recordedById || r.apiKeyId !== first.apiKeyId || r.importId !== first.importId || r.automationRunId !== first.automationRunId) {
      throw new RangeError("One insert writes the events of one merchant and one source");
    }
  }
  const json = JSON.stringify(rows.map((r) => ({
    id: r.id, customer_id: r.customerId, type: r.type, custom_name: r.customName ?? undefined,
    occurred_at: r.occurredAt.toISOString(), amount: r.amount ?? undefined, points: r.points, location_id: r.locationId ?? undefined, data: r.data,
    idempotency_key: r.idempotencyKey ?? undefined, request_hash: r.requestHash ?? undefined,
  })));
  return Prisma.sql`
      INSERT INTO events (id, merchant_id, customer_id, type, custom_name, occurred_at, amount, points, location_id, data, source,
                          idempotency_key, request_hash, recorded_by_id, api_key_id, import_id, automation_run_id)
      SELECT id, ${first.merchantId}::uuid, customer_id, type::"EventType", custom_name, occurred_at, amount, points, location_id, coalesce(data, '{}'::jsonb),
             ${first.source}::"EventSource", idempotency_key, request_hash, ${first.recordedById}::uuid, ${first.apiKeyId}::uuid, ${first.importId}::uuid, ${first.automationRunId}::uuid
      FROM json_to_recordset(${json}::json) AS x(id uuid, customer_id uuid, type text, custom_name text, occurred_at timestamptz,
             amount numeric, points int, location_id uuid, data jsonb, idempotency_key text, request_hash text)
      ${onConflict}
      RETURNING ${returning}`;
}

/**
 * The outbox row for the events a statement inserted: `eventIds` is a relation of their ids (for
 * recordEvents the RETURNING of its insert; the imports bulk mode passes its own RETURNING the same
 * way, as a data-modifying CTE before this). Writers of events must write it in the same statement.
 */
export function outboxInsertSql(merchantId: string, outboxId: string, source: EventRow["source"], eventIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO event_outbox (merchant_id, id, event_ids, source)
    SELECT ${merchantId}::uuid, ${outboxId}::uuid, array_agg(id), ${source}::"EventSource" FROM (${eventIds}) AS e HAVING count(*) > 0`;
}
